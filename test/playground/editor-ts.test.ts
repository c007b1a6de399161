// typecheck is what the editor shows as inline errors (same environment, see tsenv.ts), so
// these are the editor's diagnostics, run in Node.
import { describe, expect, test } from "vitest";
import { typecheck } from "../../src/playground/editor/typecheck.ts";
import { LIB_FILES } from "../../src/playground/editor/libs.ts";
import { createAvioEnv, diagnose, missingLibs, setFile } from "../../src/playground/editor/tsenv.ts";

const READ_PACKET = `import { AVERROR_EOF, AVSEEK_SIZE, SEEK_SET, type ReadPacket, type Seek } from "avio";

interface Source {
  data: Uint8Array;
  pos: number;
}

export const read_packet: ReadPacket<Source> = (src, buf, buf_size) => {
  const n = Math.min(buf_size, src.data.length - src.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(src.data.subarray(src.pos, src.pos + n));
  src.pos += n;
  console.log(\`read \${n} bytes\`);
  return n;
};

export function seek(src: Source, offset: number, whence: number): number {
  if (whence === AVSEEK_SIZE) return src.data.length;
  if (whence !== SEEK_SET) return -1;
  src.pos = offset;
  return offset;
}
const typed: Seek<Source> = seek;
`;

describe("typecheck", () => {
  test("a correct read_packet/seek module has no diagnostics", () => {
    expect(typecheck(READ_PACKET)).toEqual([]);
  });

  test("a wrong-type assignment is one error on its line", () => {
    const diags = typecheck(
      `import { AVERROR_EOF } from "avio";\nconst eof = AVERROR_EOF;\nconst x: number = "a";\n`,
    );
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ line: 3, column: 7, severity: "error", code: 2322 });
    expect(diags[0]!.message).toContain("not assignable to type 'number'");
  });

  test("importing a name avio does not export is an error", () => {
    const diags = typecheck(`import { NOT_A_THING } from "avio";\nconsole.log(NOT_A_THING);\n`);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ line: 1, code: 2305 });
    expect(diags[0]!.message).toContain("NOT_A_THING");
  });

  test("calling avio_alloc_context with the wrong arity is an error", () => {
    const diags = typecheck(
      `import { avio_alloc_context, av_malloc } from "avio";\nconst ctx = avio_alloc_context(av_malloc(4096), 4096);\n`,
    );
    expect(diags.map((d) => [d.line, d.code])).toEqual([[2, 2554]]);
  });

  test("callback parameters are typed: buf is a Uint8Array", () => {
    const diags = typecheck(
      `import type { ReadPacket } from "avio";\nexport const read_packet: ReadPacket = (_o, buf) => buf.toUpperCase();\n`,
    );
    expect(diags).toHaveLength(1);
    expect(diags[0]!.message).toContain("Uint8Array");
  });

  test("learner code runs in a worker: worker globals exist, the DOM does not", () => {
    expect(
      typecheck(`new TextDecoder().decode(new Uint8Array(1)); console.warn(performance.now());`),
    ).toEqual([]);
    expect(typecheck(`document.title = "x";`).map((d) => d.code)).toEqual([2584]);
  });

  test("syntax errors are reported; an empty file is fine", () => {
    expect(typecheck(`const = ;`).length).toBeGreaterThan(0);
    expect(typecheck("")).toEqual([]);
  });

  test("consecutive checks do not see each other's code", () => {
    expect(typecheck(`export const a: string = "ok";`)).toEqual([]);
    expect(typecheck(`const b: string = a;`).map((d) => d.code)).toEqual([2304]);
  });
});

test("the bundled lib files cover every lib the compiler options reference", () => {
  expect(missingLibs(LIB_FILES)).toEqual([]);
  expect(LIB_FILES.has("lib.dom.d.ts")).toBe(false);
});

test("editors sharing the worker's environment are separate modules", () => {
  // Scripts (no import/export) would share one global scope and clash on `const n`.
  const env = createAvioEnv(LIB_FILES);
  setFile(env, "/editor-1.ts", "const n = 1;");
  setFile(env, "/editor-2.ts", "const n = 2;\nconst s: string = n;");
  expect(diagnose(env, "/editor-1.ts")).toEqual([]);
  expect(diagnose(env, "/editor-2.ts").map((d) => [d.line, d.code])).toEqual([[2, 2322]]);
  env.deleteFile("/editor-2.ts");
  expect(diagnose(env, "/editor-2.ts")).toEqual([]);
});
