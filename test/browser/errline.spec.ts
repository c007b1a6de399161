// Runtime errors name the learner's line and the editor marks it (issue #24, point 2): a throw in
// read_packet, an undeclared name (a ReferenceError, as in JavaScript), a missing `}` placed where
// TypeScript's parser lost track, a callback's wrong return at its declaration, and Run saying
// when the code has type errors.
import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { READ_PACKET } from "../learner-code.ts";
import { open, run, setCode, shootEl, status } from "./learner-page.ts";

const lineOf = (code: string, text: string) => code.split("\n").findIndex((l) => l.includes(text)) + 1;
const diagnostics = (pg: Locator) => pg.locator('[data-panel="diagnostics"]');
const marked = (pg: Locator) => pg.locator(".cm-avio-run-line");

/** Waits until the editor's TypeScript has checked the text (a squiggle is on screen). */
async function typeChecked(pg: Locator): Promise<void> {
  await expect(pg.locator(".cm-lintRange-error").first()).toBeVisible();
}

test("a throw in read_packet: the diagnostic names its line and the editor marks it", async ({ page }) => {
  const code = READ_PACKET.replace("const n =", 'if (opaque.pos > 0) throw new Error("boom");\n  const n =');
  const line = lineOf(code, "boom");
  const pg = await open(page, "/lessons/memory-io/");
  await setCode(page, pg, code);
  await run(pg);
  await expect(diagnostics(pg)).toContainText(`line ${line}: read_packet threw on call 2: Error: boom`);
  await expect(marked(pg)).toHaveCount(1);
  await expect(marked(pg)).toHaveAttribute("data-run-line", String(line));
  await expect(marked(pg)).toContainText("throw new Error");
  await expect(pg.locator(".cm-avio-run-note")).toHaveText(/^✖ read_packet threw on call 2: Error: boom/);
  await shootEl(pg, "errline-throw");
  // The marks belong to the code that ran: the first edit clears them.
  await page.keyboard.press("End");
  await page.keyboard.insertText(" ");
  await expect(marked(pg)).toHaveCount(0);
});

test("a misspelled name throws ReferenceError on its line; Run says the code has a type error", async ({
  page,
}) => {
  const code = READ_PACKET.replace("return AVERROR_EOF;", "return AVERROR_EOFF;");
  const line = lineOf(code, "AVERROR_EOFF");
  const pg = await open(page, "/lessons/memory-io/");
  await setCode(page, pg, code);
  await typeChecked(pg);
  await run(pg);
  await expect(diagnostics(pg)).toContainText(`line ${line}: read_packet threw on call`);
  await expect(diagnostics(pg)).toContainText("ReferenceError: AVERROR_EOFF is not defined");
  await expect(diagnostics(pg)).not.toContainText("returned undefined");
  await expect(marked(pg)).toHaveAttribute("data-run-line", String(line));
  // It ran anyway, and says so after the outcome.
  await expect(status(pg)).toContainText("1 type error — see the marked lines");
  await shootEl(pg, "errline-reference-error");
});

test("a missing } is placed where the parser lost track, not at the last line", async ({ page }) => {
  const code = READ_PACKET.replace(
    "if (n <= 0) return AVERROR_EOF;",
    "if (n <= 0) {\n    return AVERROR_EOF;",
  );
  const opened = lineOf(code, "export function read_packet");
  const pg = await open(page, "/lessons/memory-io/");
  await setCode(page, pg, code);
  await typeChecked(pg);
  await run(pg);
  await expect(status(pg)).toContainText(`Your code does not compile: line ${opened}: '}' expected.`);
  await expect(marked(pg)).toHaveAttribute("data-run-line", String(opened));
  await expect(marked(pg)).toContainText("export function read_packet");
  await shootEl(pg, "errline-missing-brace");
});

test("seek returning 0 like fseek(): the finding marks seek's declaration", async ({ page }) => {
  // The starter as the page shows it (static code): marking the line brings the editor in.
  const pg = await open(page, "/lessons/seek/", 1);
  await run(pg);
  const finding = diagnostics(pg)
    .locator(".pg-diag__message")
    .filter({ hasText: /^line 21: seek/ });
  await expect(finding.first()).toBeVisible();
  await expect(marked(pg).first()).toHaveAttribute("data-run-line", "21");
  await expect(marked(pg).first()).toContainText("export function seek(");
  await shootEl(pg, "errline-seek-declaration");
});

test("zh-cn: the line and the type-error note in Chinese", async ({ page }) => {
  const code = READ_PACKET.replace("return AVERROR_EOF;", "return AVERROR_EOFF;");
  const line = lineOf(code, "AVERROR_EOFF");
  const pg = await open(page, "/zh-cn/lessons/memory-io/");
  await setCode(page, pg, code);
  await typeChecked(pg);
  await run(pg);
  await expect(diagnostics(pg)).toContainText(`第 ${line} 行：read_packet`);
  await expect(status(pg)).toContainText("有 1 个类型错误——请看标出的行");
  await expect(marked(pg)).toHaveAttribute("data-run-line", String(line));
});

test("zh-cn: TypeScript's own messages are Chinese, in the editor and in a compile error", async ({
  page,
}) => {
  const pg = await open(page, "/zh-cn/lessons/memory-io/");
  await setCode(page, pg, READ_PACKET.replace("return AVERROR_EOF;", "return AVERROR_EOFF;"));
  await typeChecked(pg);
  await pg.locator(".cm-lintRange-error").first().hover();
  const tip = page.locator(".cm-tooltip-lint");
  await expect(tip).toContainText("找不到名称“AVERROR_EOFF”");
  await shootEl(pg, "errline-zh-cn-type-error");
  await setCode(
    page,
    pg,
    READ_PACKET.replace("if (n <= 0) return AVERROR_EOF;", "if (n <= 0) {\n    return AVERROR_EOF;"),
  );
  await typeChecked(pg);
  await run(pg);
  await expect(status(pg)).toContainText("应为“}”");
});
