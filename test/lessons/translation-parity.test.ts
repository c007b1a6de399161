// A translated lesson is the English lesson with its prose translated: same sections, same
// playgrounds (code is shared), same code, same self-check answers, same measured figures.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/i18n/locales.ts";
import { translatedHeadingIds } from "../../src/site/heading-ids.ts";
import {
  body,
  codeBlocks,
  codeWithoutComments,
  elements,
  frontmatter,
  imports,
  outline,
  proseNumbers,
  selfCheckShape,
  siteLinks,
  templateCode,
} from "./mdx-parts.ts";

const ROOT = new URL("../../src/lessons/", import.meta.url);
const slugsOf = (locale: string) =>
  existsSync(new URL(`${locale}/`, ROOT))
    ? readdirSync(new URL(`${locale}/`, ROOT))
        .filter((f) => f.endsWith(".mdx"))
        .map((f) => f.replace(/\.mdx$/, ""))
        .sort()
    : [];
const read = (locale: string, slug: string) => readFileSync(new URL(`${locale}/${slug}.mdx`, ROOT), "utf8");

/** Prose props: translated. Everything else on a component must match English exactly. */
const PROSE_PROPS = new Set(["title", "label", "caption"]);
const CJK = /[\u4e00-\u9fff]/;

/** What each locale calls the sections the structure test requires. */
const LEARN_LINE: Record<string, RegExp> = { "zh-cn": /^\*\*你将学到[:：]\*\*/m };
const COMMON_MISTAKES: Record<string, string> = { "zh-cn": "常见错误" };

const english = slugsOf("en");

/**
 * `**` pairs that CommonMark will not match: a closer after punctuation with a letter next, or an
 * opener before punctuation with a letter before it. Full-width punctuation makes these easy to write.
 */
function unclosedStrong(mdx: string): string[] {
  const text = mdx.replace(/^```[\s\S]*?^```\s*$/gm, "").replace(/`[^`\n]*`/g, "`c`");
  const bad: string[] = [];
  const kind = (c: string | undefined) =>
    c === undefined || /\s/u.test(c) ? "space" : /[\p{P}\p{S}]/u.test(c) ? "punct" : "letter";
  for (const para of text.split(/\n\s*\n/)) {
    let n = 0;
    for (const m of para.matchAll(/\*\*/g)) {
      const before = kind(para[m.index - 1]);
      const after = kind(para[m.index + 2]);
      const opener = n++ % 2 === 0;
      if (opener ? after === "punct" && before === "letter" : before === "punct" && after === "letter")
        bad.push(para.slice(Math.max(0, m.index - 12), m.index + 14));
    }
  }
  return bad;
}

describe("every lesson exists in every language", () => {
  it("the English course includes the lessons added by issue 14", () => {
    expect(english).toEqual(expect.arrayContaining(["opening", "beyond", "versions", "transcode"]));
  });
  for (const locale of LOCALES.filter((l) => l !== "en")) {
    it(`${locale} has exactly the English lessons`, () => {
      expect(slugsOf(locale)).toEqual(english);
    });
  }
});

for (const locale of LOCALES.filter((l) => l !== "en")) {
  describe(`${locale} lessons match English`, () => {
    for (const slug of english.filter((s) => slugsOf(locale).includes(s))) {
      const en = read("en", slug);
      const tr = read(locale, slug);

      it(`${slug}: frontmatter (prose translated, the rest identical)`, () => {
        const a = frontmatter(en);
        const b = frontmatter(tr);
        expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
        expect(b.lang).toBe(locale);
        for (const key of Object.keys(a).filter((k) => !["title", "summary", "lang"].includes(k)))
          expect(b[key], key).toBe(a[key]);
        expect(b.title).toMatch(CJK);
        expect(b.summary).toMatch(CJK);
      });

      it(`${slug}: the same imports`, () => {
        expect(imports(tr)).toEqual(imports(en));
      });

      it(`${slug}: the same outline, so every heading takes the English id`, () => {
        expect(outline(tr)).toEqual(outline(en));
        expect(translatedHeadingIds(fileURLToPath(new URL(`${locale}/${slug}.mdx`, ROOT)), tr)).toBeDefined();
      });

      it(`${slug}: the same playgrounds, props and code (only titles translated)`, () => {
        const a = elements(en, ["Playground"]);
        const b = elements(tr, ["Playground"]);
        expect(b.map((e) => e.props.id)).toEqual(a.map((e) => e.props.id));
        a.forEach((pa, i) => {
          const pb = b[i]!;
          const keep = (p: Record<string, string>) =>
            Object.fromEntries(Object.entries(p).filter(([k]) => !PROSE_PROPS.has(k)));
          expect(keep(pb.props), pa.props.id).toEqual(keep(pa.props));
          expect(Object.keys(pb.props).sort(), pa.props.id).toEqual(Object.keys(pa.props).sort());
        });
      });

      it(`${slug}: the same code blocks (comments may be translated)`, () => {
        const a = codeBlocks(en);
        const b = codeBlocks(tr);
        expect(b.map((c) => `${c.lang} ${c.meta}`)).toEqual(a.map((c) => `${c.lang} ${c.meta}`));
        a.forEach((ca, i) =>
          expect(codeWithoutComments(b[i]!.code, ca.lang), `code block ${i + 1}`).toEqual(
            codeWithoutComments(ca.code, ca.lang),
          ),
        );
      });

      it(`${slug}: the same C | TypeScript comparisons (comments may be translated)`, () => {
        const a = elements(en, ["CodeCompare"]);
        const b = elements(tr, ["CodeCompare"]);
        expect(b.length).toBe(a.length);
        a.forEach((ca, i) => {
          const cb = b[i]!;
          for (const [prop, lang] of [
            ["c", "c"],
            ["ts", "ts"],
          ] as const)
            expect(
              codeWithoutComments(templateCode(cb.props[prop]), lang),
              `CodeCompare ${i + 1} ${prop}`,
            ).toEqual(codeWithoutComments(templateCode(ca.props[prop]), lang));
          const rest = (p: Record<string, string>) =>
            Object.fromEntries(
              Object.entries(p).filter(([k]) => !PROSE_PROPS.has(k) && k !== "c" && k !== "ts"),
            );
          expect(rest(cb.props), `CodeCompare ${i + 1}`).toEqual(rest(ca.props));
        });
      });

      it(`${slug}: the same self-check (questions, options, right answers)`, () => {
        expect(selfCheckShape(tr)).toEqual(selfCheckShape(en));
      });

      it(`${slug}: states every measured figure the English lesson states`, () => {
        const missing = [...proseNumbers(en)].filter((n) => !proseNumbers(tr).has(n));
        expect(missing).toEqual([]);
      });

      it(`${slug}: links stay inside the ${locale} site`, () => {
        const localize = (href: string) =>
          /^\/(lessons|exercises|progress)\b/.test(href) ? `/${locale}${href}` : href;
        expect(siteLinks(tr)).toEqual(siteLinks(en).map(localize));
      });

      it(`${slug}: emphasis closes (CommonMark ignores ** after full-width punctuation when a letter follows)`, () => {
        const stray = unclosedStrong(body(tr));
        expect(stray ?? []).toEqual([]);
      });

      it(`${slug}: "what you will learn" and "common mistakes" in ${locale}`, () => {
        if (/What you will learn/.test(en)) expect(tr).toMatch(LEARN_LINE[locale]!);
        if (/^## Common mistakes\s*$/m.test(en))
          expect(tr).toMatch(new RegExp(`^## ${COMMON_MISTAKES[locale]}\\s*$`, "m"));
        expect(tr).not.toMatch(/What you will learn|^## Common mistakes/m);
      });
    }
  });
}

describe("mdx-parts reads what it claims to", () => {
  const sample = [
    "---\ntitle: 'A: b'\norder: 3\n---",
    "import X from './x.ts?raw';",
    "## One `two`",
    "```c {2}\nint a; /* note */\nint b; // note\n```",
    "<Playground id=\"p\" title=\"T\" starter={X} panels={['info', 'trace']} seekToggle />",
    '<CodeCompare title="t" c={`\n  int f() { return \'}\'; }\n`} cHighlight="1" />',
    "Read [the lesson](/lessons/seek/#avseek-size): 23,040 samples, 1.5 s, 64 KiB.",
  ].join("\n");

  it("frontmatter, imports, outline", () => {
    expect(frontmatter(sample)).toEqual({ title: "A: b", order: "3" });
    expect(imports(sample)).toEqual(["import X from './x.ts?raw';"]);
    expect(outline(sample)).toEqual([2]);
  });

  it("component props, including braces and quotes inside code", () => {
    const [pg] = elements(sample, ["Playground"]);
    expect(pg!.props).toEqual({
      id: '"p"',
      title: '"T"',
      starter: "{X}",
      panels: "{['info', 'trace']}",
      seekToggle: "true",
    });
    const [cc] = elements(sample, ["CodeCompare"]);
    expect(templateCode(cc!.props.c).trim()).toBe("int f() { return '}'; }");
    expect(cc!.props.cHighlight).toBe('"1"');
  });

  it("code without comments keeps the lines", () => {
    const [block] = codeBlocks(sample);
    expect(block).toMatchObject({ lang: "c", meta: "{2}" });
    expect(codeWithoutComments(block!.code, "c")).toEqual(["int a; ", "int b; ", ""].map((l) => l.trimEnd()));
    expect(codeWithoutComments("int a; /* 注释 */\n", "c")).toEqual(
      codeWithoutComments(`${block!.code.split("\n")[0]}\n`, "c"),
    );
  });

  it("unclosed ** next to full-width punctuation", () => {
    expect(unclosedStrong("**你将学到：**一个程序")).toHaveLength(1);
    expect(unclosedStrong("见**运行**。再**试一次：**读")).toHaveLength(1);
    expect(unclosedStrong("**你将学到：** 一个程序，**运行**一次，**你将学到：**`read_packet`")).toEqual([]);
  });

  it("figures and links", () => {
    expect([...proseNumbers(sample)]).toEqual(["23040"]);
    expect(siteLinks(sample)).toEqual(["/lessons/seek/#avseek-size"]);
  });

  it("a changed playground prop or a changed answer is seen", () => {
    const changed = sample
      .replace('id="p"', 'id="q"')
      .replace("panels={['info', 'trace']}", "panels={['info']}");
    expect(elements(changed, ["Playground"])[0]!.props).not.toEqual(
      elements(sample, ["Playground"])[0]!.props,
    );
    const check = (correct: number) =>
      `<SelfCheck\n  questions={[\n    { q: 'a', options: [ { text: 'x'${correct === 0 ? ", correct: true" : ""}, why: 'w' }, { text: 'y'${correct === 1 ? ", correct: true" : ""}, why: 'w' } ] },\n  ]}\n/>\n`;
    expect(selfCheckShape(check(0))).toEqual([{ options: 2, correct: 0 }]);
    expect(selfCheckShape(check(1))).not.toEqual(selfCheckShape(check(0)));
  });
});

/**
 * Every token of TypeScript source. A bare scanner reads the `}` that ends a `${…}` substitution as
 * a brace and the rest of the template as the start of a new one (the parser normally rescans it),
 * so code and comments between two template literals would pass for string text; track which `{`
 * opened a substitution and rescan there.
 */
function scanTokens(source: string, skipTrivia: boolean): { kind: ts.SyntaxKind; text: string }[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, skipTrivia, ts.LanguageVariant.Standard, source);
  const substitution: boolean[] = []; // one entry per open `{` or `${`: true for `${`
  const tokens: { kind: ts.SyntaxKind; text: string }[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.OpenBraceToken) substitution.push(false);
    else if (kind === ts.SyntaxKind.TemplateHead) substitution.push(true);
    else if (kind === ts.SyntaxKind.CloseBraceToken && substitution.pop()) {
      kind = scanner.reScanTemplateToken(/* isTaggedTemplate */ false);
      if (kind === ts.SyntaxKind.TemplateMiddle) substitution.push(true);
    }
    tokens.push({ kind, text: scanner.getTokenText() });
  }
  return tokens;
}

/** The tokens of TypeScript source, comments and layout left out: what the code *does*. */
function codeTokens(source: string): string[] {
  return scanTokens(source, /* skipTrivia */ true).map((t) => t.text);
}

/** The text of every comment in TypeScript source. */
function comments(source: string): string[] {
  return scanTokens(source, false)
    .filter(
      (t) =>
        t.kind === ts.SyntaxKind.SingleLineCommentTrivia || t.kind === ts.SyntaxKind.MultiLineCommentTrivia,
    )
    .map((t) => t.text);
}

// Playground code is shared by all languages; a translated copy (`<name>.<locale>.ts`, loaded by
// src/playground/starters.ts) may translate only the comments.
describe("translated playground and exercise starters: same code, comments translated", () => {
  const SRC = new URL("../../src/", import.meta.url);
  const dirs = [
    ...readdirSync(new URL("lessons/_code/", SRC), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `lessons/_code/${d.name}/`),
    ...readdirSync(new URL("exercises/", SRC), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `exercises/${d.name}/`),
  ];
  const isLocaleFile = (f: string) => LOCALES.some((l) => f.endsWith(`.${l}.ts`));
  // What learners see in an editor: lesson playground code and exercise starters (claims, tests and solutions are not shown).
  const originals = dirs.flatMap((dir) =>
    readdirSync(new URL(dir, SRC))
      .filter(
        (f) =>
          f.endsWith(".ts") &&
          !isLocaleFile(f) &&
          (dir.startsWith("lessons/") ? f !== "claims.ts" : f === "starter.ts"),
      )
      .map((f) => dir + f),
  );
  const read = (path: string) => readFileSync(new URL(path, SRC), "utf8");

  it("finds the starters", () => expect(originals.length).toBeGreaterThan(20));

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    for (const path of originals) {
      const translated = path.replace(/\.ts$/, `.${locale}.ts`);
      it(`${translated}`, () => {
        const en = read(path);
        if (comments(en).length === 0) return; // nothing to translate
        expect(
          existsSync(new URL(translated, SRC)),
          `${translated} is missing: copy ${path} and translate its comments`,
        ).toBe(true);
        const tr = read(translated);
        expect(codeTokens(tr), "the code must be identical; only comments may differ").toEqual(
          codeTokens(en),
        );
        // Every comment is translated (a comment may keep code, like `// <- 应改为：return n;`).
        const english = comments(tr).filter((c) => !CJK.test(c));
        expect(english, "comments left in English").toEqual([]);
      });
    }
    it(`every ${locale} copy has an English original`, () => {
      const copies = dirs.flatMap((dir) =>
        readdirSync(new URL(dir, SRC))
          .filter((f) => f.endsWith(`.${locale}.ts`))
          .map((f) => dir + f),
      );
      for (const copy of copies)
        expect(existsSync(new URL(copy.replace(`.${locale}.ts`, ".ts"), SRC)), copy).toBe(true);
    });
  }

  it("the comparison sees a code change and ignores a comment change", () => {
    const a = 'const n = 1; // one\nexport function f() { return "//x"; }\n';
    expect(codeTokens(a.replace("// one", "// 一"))).toEqual(codeTokens(a));
    expect(codeTokens(a.replace("1;", "2;"))).not.toEqual(codeTokens(a));
    expect(codeTokens(a.replace('"//x"', '"//y"'))).not.toEqual(codeTokens(a));
    expect(comments(a)).toEqual(["// one"]);
  });

  it("a comment between two template literals is a comment, and template text is code", () => {
    const b = "throw new Error(`a: ${f({ x: 1 })}`); // one\nconst s = `${x}-${y}`;\n";
    expect(comments(b)).toEqual(["// one"]);
    expect(codeTokens(b.replace("// one", "// 一"))).toEqual(codeTokens(b));
    expect(codeTokens(b.replace("a: ", "b: "))).not.toEqual(codeTokens(b));
    expect(codeTokens(b.replace("}-${", "}+${"))).not.toEqual(codeTokens(b));
    expect(codeTokens(b.replace("x: 1", "x: 2"))).not.toEqual(codeTokens(b));
  });
});
