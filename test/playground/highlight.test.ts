// The static code a playground shows before its editor loads: the editor's parser and token
// classes, line by line, with every character of the code kept.
import { describe, expect, test } from "vitest";
import { highlightLines } from "../../src/playground/editor/highlight.ts";

const CODE = `import { AVERROR_EOF } from "avio";

// the end: never 0
export function read_packet(opaque: BufferData, buf: Uint8Array, n: number): number {
  return 0;
}`;

describe("highlightLines", () => {
  test("keeps every character, one entry per line (empty lines too)", () => {
    const lines = highlightLines(CODE);
    expect(lines.map((l) => l.map((t) => t.text).join("")).join("\n")).toBe(CODE);
    expect(lines).toHaveLength(6);
    expect(lines[1]).toEqual([]);
  });

  test("classes the tokens as the editor does", () => {
    const tokens = highlightLines(CODE).flat();
    const cls = (text: string) => tokens.find((t) => t.text === text)?.classes;
    expect(cls("import")).toBe("pg-tok-keyword");
    expect(cls('"avio"')).toBe("pg-tok-string");
    expect(cls("// the end: never 0")).toBe("pg-tok-comment");
    expect(cls("read_packet")).toBe("pg-tok-fn");
    expect(cls("Uint8Array")).toBe("pg-tok-type");
    expect(cls("0")).toBe("pg-tok-number");
  });
});
