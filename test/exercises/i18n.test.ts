// Every exercise speaks every language from one source: a statement per
// language with the same facts, a Chinese name for every test, and grader and
// runner messages in the learner's language.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mediaUrl } from "../media.ts";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { exerciseIds, loadExercise } from "../../src/exercises/catalog.ts";
import { gradeSubmission } from "../../src/exercises/grade.ts";
import { nodeMedia } from "../../src/exercises/media-node.ts";
import { formatMessage, type MessageKey } from "../../src/exercises/messages.ts";
import { strings } from "../../src/i18n/index.ts";
import { toTable } from "../../src/exercises/report.ts";
import { exerciseSchema } from "../../src/exercises/schema.ts";
import { LOCALES } from "../../src/i18n/locales.ts";
import { frontmatter } from "../../src/site/frontmatter.ts";
import { compileLearnerModule } from "../../src/runtime/compile.ts";
import { runRequest } from "../../src/runtime/run-request.ts";

const CJK = /[\u4e00-\u9fff]/;
/** English words that only show up in a Chinese message when an English string leaked into it. */
const ENGLISH_PROSE =
  /\b(the|bytes|hidden|sample|expected|returned|after|empty|written|random|stayed|threw an?)\b/i;
const PROSE_KEYS = ["title", "summary", "lang"];

const dir = (id: string) => new URL(`../../src/exercises/${id}/`, import.meta.url);
const statement = (id: string, lang: string) =>
  readFileSync(new URL(`statement.${lang}.mdx`, dir(id)), "utf8");

/** Frontmatter fields as the collection's schema reads them. */
function frontmatterOf(mdx: string): Record<string, unknown> {
  const data = frontmatter(mdx);
  if (!data) throw new Error("no frontmatter");
  return data;
}

const body = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, "");
const codeBlocks = (mdx: string) =>
  [...body(mdx).matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2] }));
/** Code without its comments (comments may be translated, code may not). */
const withoutComments = (code: string) =>
  code
    .replace(/\/\/.*$/gm, "")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/[ \t]+$/gm, "");
/** Inline code spans outside fenced blocks: the identifiers a statement names. */
const inlineCode = (mdx: string) =>
  new Set(
    [
      ...body(mdx)
        .replace(/^```[\s\S]*?^```$/gm, "")
        .matchAll(/`([^`\n]+)`/g),
    ].map((m) => m[1]),
  );

describe.each(exerciseIds)("exercise %s in every language", (id) => {
  const en = statement(id, "en");

  it("has a statement per locale and no other", () => {
    const files = readdirSync(dir(id)).filter((f) => f.startsWith("statement."));
    expect(files.sort()).toEqual(LOCALES.map((l) => `statement.${l}.mdx`).sort());
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    it(`${locale}: same frontmatter except the prose, valid for the collection`, () => {
      expect(existsSync(new URL(`statement.${locale}.mdx`, dir(id)))).toBe(true);
      const a = frontmatterOf(en);
      const b = frontmatterOf(statement(id, locale));
      expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
      for (const key of Object.keys(a).filter((k) => !PROSE_KEYS.includes(k)))
        expect(b[key], key).toEqual(a[key]);
      expect(a.lang).toBe("en");
      expect(b.lang).toBe(locale);
      expect(b.title).toMatch(CJK);
      expect(b.summary).toMatch(CJK);
      expect(exerciseSchema.parse(b)).toMatchObject({ lang: locale });
      expect(exerciseSchema.parse(a)).toMatchObject({ lang: "en" });
    });

    it(`${locale}: same code, same identifiers named, prose translated`, () => {
      const tr = statement(id, locale);
      const strip = (blocks: { lang: string; code: string }[]) =>
        blocks.map((b) => ({ lang: b.lang, code: withoutComments(b.code) }));
      expect(strip(codeBlocks(tr))).toEqual(strip(codeBlocks(en)));
      expect([...inlineCode(tr)].sort()).toEqual([...inlineCode(en)].sort());
      const prose = body(tr)
        .replace(/^```[\s\S]*?^```$/gm, "")
        .replace(/`[^`\n]+`/g, "");
      for (const paragraph of prose.split(/\n\s*\n/).filter((p) => p.trim())) expect(paragraph).toMatch(CJK);
    });
  }

  it("every test has a stable English name and a Chinese one, each unique", async () => {
    const { tests } = await loadExercise(id);
    expect(tests.length).toBeGreaterThan(0);
    for (const t of tests) {
      expect(t.name.trim(), "English name").not.toBe("");
      expect(t.name, "English name").not.toMatch(CJK);
      expect(t.names["zh-cn"].trim(), `Chinese name of "${t.name}"`).not.toBe("");
      expect(t.names["zh-cn"], `Chinese name of "${t.name}"`).toMatch(CJK);
    }
    expect(new Set(tests.map((t) => t.name)).size).toBe(tests.length);
    expect(new Set(tests.map((t) => t.names["zh-cn"])).size).toBe(tests.length);
  });
});

describe("grading in Chinese", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await loadEngine();
  });
  const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

  it.each(exerciseIds)(
    "%s: the starter and every mutant fail with Chinese titles and Chinese messages",
    async (id) => {
      const exercise = await loadExercise(id);
      const mutants = readdirSync(new URL(`../exercise-mutants/${id}/`, import.meta.url))
        .filter((f) => f.endsWith(".ts"))
        .map((f) => `../exercise-mutants/${id}/${f}`);
      let failures = 0;
      for (const path of [`../../src/exercises/${id}/starter.ts`, ...mutants]) {
        const zh = await gradeSubmission({
          engine,
          exercise,
          code: read(path),
          media: nodeMedia,
          lang: "zh-cn",
        });
        expect(zh.tests.map((t) => t.name)).toEqual(exercise.tests.map((t) => t.name));
        expect(zh.tests.map((t) => t.title)).toEqual(exercise.tests.map((t) => t.names["zh-cn"]));
        for (const t of zh.tests.filter((x) => x.status !== "pass")) {
          failures++;
          expect(t.message, `${path}: ${t.name}`).toMatch(CJK);
          expect(t.message, `${path}: ${t.name}`).not.toMatch(ENGLISH_PROSE);
        }
      }
      expect(failures).toBeGreaterThan(0);
    },
  );

  it("English results keep English names and titles", async () => {
    const exercise = await loadExercise("read-packet");
    const r = await gradeSubmission({
      engine,
      exercise,
      code: read("../exercise-mutants/read-packet/returns-zero-at-eof.ts"),
      media: nodeMedia,
    });
    expect(r.tests.map((t) => t.title)).toEqual(exercise.tests.map((t) => t.name));
    expect(r.tests.find((t) => t.status === "fail")?.message).not.toMatch(CJK);
  });

  it("a submission that does not compile or lacks an export is told so in Chinese", async () => {
    const exercise = await loadExercise("read-packet");
    const grade = (code: string) =>
      gradeSubmission({ engine, exercise, code, media: nodeMedia, lang: "zh-cn" });
    expect(
      (await grade("export function read_packet(o, b, n: number): number { return n + ; }")).message,
    ).toMatch(/^代码无法编译：第 1 行：/);
    expect((await grade("export function readPacket() { return 0; }")).message).toMatch(
      /^你的模块没有导出 read_packet/,
    );
    const imported = await grade(
      'import { readFileSync } from "fs";\nexport const read_packet = readFileSync;\n',
    );
    expect(imported.message).toMatch(/你的模块导入了 fs，练习中不能使用它：只能从 "avio" 导入。/);
  });

  it("every grader message exists in Chinese and reads as Chinese", () => {
    const en = strings("en").exercises;
    const zh = strings("zh-cn").exercises;
    const keys = Object.keys(en).filter((k) => !["rules", "phrases", "report"].includes(k)) as MessageKey[];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const params = {
      name: "read_packet",
      error: "E",
      call: "f()",
      media: "a.mp3",
      message: "m",
      stage: "s",
      got: 1,
      want: 2,
      rule: "eof",
      index: 3,
      field: "x",
      format: "WAV",
      hint: "h",
      seconds: 5,
      code: 1,
      limit: 8,
    };
    for (const k of keys) expect(formatMessage("zh-cn", k, params), k).toMatch(CJK);
    for (const r of Object.values(zh.rules)) expect(r).toMatch(CJK);
  });

  it("Chinese spacing: a space next to Latin text, none next to Chinese text", () => {
    const p = { call: "seek(…)", got: 0, rule: "" };
    expect(
      formatMessage("zh-cn", "unit_return", {
        ...p,
        want: { en: "a negative AVERROR", "zh-cn": "负的 AVERROR 错误码" },
      }),
    ).toBe("seek(…) 返回了 0，应为负的 AVERROR 错误码。");
    expect(
      formatMessage("zh-cn", "sample_count", {
        media: { en: "x", "zh-cn": "MP3 文件（隐藏测试）" },
        got: 1,
        want: 2,
      }),
    ).toMatch(/^解码 MP3 文件（隐藏测试）得到/);
    expect(formatMessage("zh-cn", "sample_count", { media: "a.mp3", got: 1, want: 2 })).toMatch(
      /^解码 a\.mp3 得到/,
    );
  });

  it("the report table speaks the chosen language, names stay English in JSON", () => {
    const result = {
      status: "fail" as const,
      tests: [
        { name: "copies", title: "复制", status: "pass" as const },
        { name: "eof", title: "返回 AVERROR_EOF", status: "fail" as const, message: "返回了 0" },
      ],
    };
    const zh = toTable([{ submission: "bob.ts", result }], "zh-cn").split("\n");
    expect(zh[0]).toMatch(/^提交\s+通过\s+状态\s+第一个失败$/);
    expect(zh[1]).toMatch(/^bob\.ts\s+1\/2\s+未通过\s+返回 AVERROR_EOF：返回了 0$/);
    expect(zh.at(-1)).toBe("共 1 份提交：0 份通过，1 份未通过，0 份出错。");
    // Columns line up in a terminal, where a Chinese character takes two columns.
    const column = (line: string, at: string) =>
      [...line.slice(0, line.indexOf(at))].reduce((w, ch) => w + (CJK.test(ch) ? 2 : 1), 0);
    expect(column(zh[0], "通过")).toBe(column(zh[1], "1/2"));
    expect(column(zh[0], "状态")).toBe(column(zh[1], "未通过"));
    expect(column(zh[0], "第一个失败")).toBe(column(zh[1], "返回 AVERROR_EOF"));
    expect(
      toTable([{ submission: "bob.ts", result }], "en")
        .split("\n")
        .at(-1),
    ).toBe("1 submission: 0 pass, 1 fail, 0 error.");
  });
});

describe("the runner's own messages", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await loadEngine();
  });
  const media = () => ({
    name: "a.mp3",
    bytes: readFileSync(mediaUrl("mp3-cbr-44k-stereo.mp3")).buffer as ArrayBuffer,
  });
  const run = (code: string, mode: "decode" | "mux" | "script", lang?: "en" | "zh-cn") =>
    runRequest(engine, {
      type: "run",
      id: 1,
      code,
      mode,
      media: media(),
      buffer_size: 4096,
      useSeek: false,
      lang,
    });

  it.each([
    ["decode", /^请导出函数 read_packet/, /^Export a function read_packet/],
    ["mux", /^请导出函数 write_packet/, /^Export a function write_packet/],
    ["script", /^请导出函数 main/, /^Export a function main/],
  ] as const)("%s: a missing export is named in the page's language", (mode, zh, en) => {
    expect(run("export const x = 1;", mode, "zh-cn")).toMatchObject({
      status: "missing-export",
      error: { message: expect.stringMatching(zh) },
    });
    expect(run("export const x = 1;", mode)).toMatchObject({
      status: "missing-export",
      error: { message: expect.stringMatching(en) },
    });
  });

  it("compile errors and create_opaque exceptions in Chinese", () => {
    expect(run("export const x = ;", "decode", "zh-cn").error?.message).toMatch(/^第 1 行：/);
    expect(run("export const x = ;", "decode", "en").error?.message).toMatch(/^line 1: /);
    const threw = run(
      "export function read_packet() { return -1; }\nexport function create_opaque() { throw new Error('x'); }",
      "decode",
      "zh-cn",
    );
    expect(threw).toMatchObject({
      status: "threw",
      // The throw's line (2) first, as every runtime error names the learner's line.
      error: { message: "第 2 行：create_opaque 抛出了异常：Error: x", line: 2 },
    });
    const c = compileLearnerModule('import { readFileSync } from "fs";\nexport const f = readFileSync;', {
      lang: "zh-cn",
    });
    expect(c.ok || c.message).toMatch(/这里不能导入 "fs"/);
  });
});
