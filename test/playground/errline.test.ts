// The editor side of "errors on the learner's line": which lines a Run marks, the marks' state
// (cleared by an edit), and where TypeScript's parser says a missing `}` is.
import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/avio/diagnostics.ts";
import { markedLines, runMarks, setRunMarks } from "../../src/playground/editor/run-marks.ts";
import { syntaxPlace } from "../../src/playground/editor/typecheck.ts";
import type { RunResult } from "../../src/playground/protocol.ts";
import { addSentence, MARKS_MAX, runMarksOf, withoutLine } from "../../src/playground/run-lines.ts";
import { strings } from "../../src/i18n/index.ts";
import { READ_PACKET } from "../learner-code.ts";

const result = (over: Partial<RunResult>): RunResult => ({
  type: "result",
  id: 1,
  status: "ok",
  trace: { head: [], tail: [], omitted: 0, totals: {} as RunResult["trace"]["totals"] },
  diagnostics: [],
  log: [],
  byteMap: { size: 0, reads: [], seeks: [] },
  ms: 1,
  ...over,
});

describe("runMarksOf", () => {
  const v = strings("en").views;
  it("marks the error's line and each finding that names one, without repeating 'line N:'", () => {
    const threw = diagnose("callback_threw", {
      callback: "read_packet",
      call: 2,
      value: "Error: boom",
      line: 9,
    });
    const noLine = diagnose("ffmpeg_error", { fn: "avformat_open_input", code: -5, message: "I/O error" });
    const marks = runMarksOf(
      result({
        status: "threw",
        error: { message: "line 3: Error: x", line: 3 },
        diagnostics: [threw, noLine],
      }),
      v,
      "en",
    );
    expect(marks).toEqual([
      { line: 3, message: "Error: x", severity: "error" },
      {
        line: 9,
        message: expect.stringMatching(/^read_packet threw on call 2: Error: boom/),
        severity: "error",
      },
    ]);
  });
  it("at most MARKS_MAX", () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      diagnose("callback_threw", { callback: "seek", call: i + 1, value: "x", line: i + 1 }),
    );
    expect(runMarksOf(result({ diagnostics: many }), v, "en")).toHaveLength(MARKS_MAX);
  });
  it("addSentence ends the status's sentence before the note", () => {
    const en = strings("en").playground;
    expect(
      addSentence("FFmpeg stopped at decode: Generic error", "1 type error — see the marked lines", en),
    ).toBe("FFmpeg stopped at decode: Generic error. 1 type error — see the marked lines");
    expect(addSentence("Done in 3 ms.", "n", en)).toBe("Done in 3 ms. n");
    expect(addSentence("完成。", "有", strings("zh-cn").playground)).toBe("完成。有");
  });
  it("withoutLine strips the locale's own prefix only", () => {
    expect(withoutLine("第 4 行：错误", 4, "zh-cn")).toBe("错误");
    expect(withoutLine("line 5: x", 4, "en")).toBe("line 5: x");
  });
});

describe("run marks in the editor state", () => {
  it("mark lines, drop out-of-range ones, clear on the first edit", () => {
    let state = EditorState.create({ doc: "a\nb\nc\n", extensions: runMarks });
    state = state.update({
      effects: setRunMarks.of([
        { line: 2, message: "boom", severity: "error" },
        { line: 2, message: "again", severity: "warning" },
        { line: 99, message: "past the end", severity: "error" },
        { line: 0.5, message: "not a line", severity: "error" },
      ]),
    }).state;
    expect(markedLines(state)).toEqual([2]);
    state = state.update({ changes: { from: 0, insert: "x" } }).state;
    expect(markedLines(state)).toEqual([]);
  });
});

describe("syntaxPlace: where TypeScript's parser lost track", () => {
  it("a missing } points at the { it could not match, not the end of the file", () => {
    const code = READ_PACKET.replace(
      "if (n <= 0) return AVERROR_EOF;",
      "if (n <= 0) {\n    return AVERROR_EOF;",
    );
    const place = syntaxPlace(code)!;
    expect(place.line).toBe(3); // export function read_packet(…) {
    expect(place.message).toMatch(
      /^'}' expected\. The parser expected to find a '}' to match the '\{' token here\.$/,
    );
  });
  it("an error without a note is placed where it is; code that parses has none", () => {
    expect(syntaxPlace("const a = 1;\nconst b = ;\n")).toMatchObject({ line: 2 });
    expect(syntaxPlace(READ_PACKET)).toBe(null);
  });
});
