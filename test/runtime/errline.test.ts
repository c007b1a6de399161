// Runtime errors name the learner's line: throws in callbacks, at the top level and in main, a
// callback's wrong return at its declaration, and undeclared names throw ReferenceError.
import { beforeAll, describe, expect, it } from "vitest";
import { thrownPlace } from "../../src/avio/boundary.ts";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { compileLearnerModule } from "../../src/runtime/compile.ts";
import { declarationLine, functionLine, lineAt } from "../../src/runtime/places.ts";
import { runRequest } from "../../src/runtime/run-request.ts";
import { strings } from "../../src/i18n/index.ts";
import { runRequestFor } from "../learner-code.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

const MEDIA = "flac-44k-stereo.flac";

/** A read_packet whose line 9 (typed, after an interface: sucrase must keep lines) does `body`. */
const reader = (body: string) => `import { AVERROR_EOF } from "avio";
interface Opaque {
  data: Uint8Array;
  pos: number;
}
type N = number;
export function read_packet(opaque: Opaque, buf: Uint8Array, buf_size: N): number {
  const n: number = Math.min(buf_size, opaque.data.length - opaque.pos);
  ${body}
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
`;

describe("a throw names the learner's line", () => {
  it("in read_packet: the diagnostic carries line 9 and its text says so", () => {
    const r = runRequest(
      engine,
      runRequestFor(reader('if (opaque.pos > 0) throw new Error("boom");'), MEDIA),
    );
    const d = r.diagnostics.find((x) => x.code === "callback_threw")!;
    expect(d).toMatchObject({ callback: "read_packet", line: 9 });
    expect(d.column).toBeGreaterThan(0);
    expect(d.message).toMatch(/^line 9: read_packet threw on call 2: Error: boom/);
  });

  it("a TypeError from the engine's own code (null.x) still names the learner's line", () => {
    const r = runRequest(engine, runRequestFor(reader("const z = (null as any).x;"), MEDIA));
    expect(r.diagnostics.find((x) => x.code === "callback_threw")).toMatchObject({ line: 9 });
  });

  it("at the top level: the compile error is on that line", () => {
    const c = compileLearnerModule('const a = 1;\n\nthrow new RangeError("top");\n');
    expect(c).toMatchObject({ ok: false, stage: "load", line: 3 });
    const r = runRequest(engine, runRequestFor('const a = 1;\n\nthrow new RangeError("top");\n', MEDIA));
    expect(r.error).toMatchObject({ line: 3, message: "line 3: RangeError: top" });
  });

  it("in main (script mode): the result's error names the line", () => {
    const code =
      'export function main(input: Uint8Array): void {\n  const x = 1;\n  throw new Error("main " + x);\n}\n';
    const r = runRequest(engine, runRequestFor(code, MEDIA, { mode: "script" }));
    expect(r.status).toBe("threw");
    expect(r.error).toMatchObject({ line: 3, message: "line 3: Error: main 1" });
  });

  it("zh-cn words the line in Chinese", () => {
    const r = runRequest(
      engine,
      runRequestFor(reader('throw new Error("boom");'), MEDIA, { lang: "zh-cn", mode: "decode" }),
    );
    const d = r.diagnostics.find((x) => x.code === "callback_threw")!;
    expect(strings("zh-cn").avio.diagnostic(d)).toMatch(/^第 9 行：read_packet/);
  });
});

describe("undeclared names throw ReferenceError, as in JavaScript", () => {
  it("return AVERROR_EOFF; throws on its line instead of returning undefined", () => {
    const code = reader("if (n <= 0) return AVERROR_EOFF;");
    const r = runRequest(engine, runRequestFor(code, MEDIA));
    const d = r.diagnostics.find((x) => x.code === "callback_threw")!;
    expect(d.value).toBe("ReferenceError: AVERROR_EOFF is not defined");
    expect(d.line).toBe(9);
    expect(r.diagnostics.some((x) => x.code === "callback_not_integer")).toBe(false);
  });

  it("assigning one throws too; typeof stays 'undefined'; declared names and globals work", () => {
    const c = compileLearnerModule(
      "export const t = typeof nothingHere;\nlet mine = 2;\nexport const m = mine + Math.max(1, 2);\nexport function f() { undeclared = 1; }\n",
    );
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.exports.t).toBe("undefined");
    expect(c.exports.m).toBe(4);
    expect(() => (c.exports.f as () => void)()).toThrow(ReferenceError);
  });

  it("a word only in a string or a property name is not a variable", () => {
    const c = compileLearnerModule('const o = { ghost: 1 };\nexport const s = "ghost " + o.ghost;\n');
    expect(c.ok && c.exports.s).toBe("ghost 1");
  });
});

describe("a callback's wrong return marks its declaration", () => {
  it("seek returning the wrong position: the finding points at seek's line", () => {
    const code = `${reader("")}
export const seek = (o: Opaque, offset: number, whence: number): number => {
  return 1234567;
};
`;
    const r = runRequest(engine, runRequestFor(code, MEDIA));
    const seekFinding = r.diagnostics.find((d) => d.callback === "seek");
    expect(seekFinding).toBeDefined();
    expect(seekFinding!.line).toBe(16);
    expect(seekFinding!.message).toMatch(/^line 16: /);
  });

  it("read_packet returning 0 points at read_packet's declaration", () => {
    const code = reader("return 0;");
    const r = runRequest(engine, runRequestFor(code, MEDIA));
    const d = r.diagnostics.find((x) => x.callback === "read_packet")!;
    expect(d.line).toBe(7);
  });
});

describe("places", () => {
  it("lineAt, declarationLine, functionLine", () => {
    expect(lineAt("a\nb\nc", 2)).toBe(2);
    expect(declarationLine("x\nexport function seek (", "seek")).toBe(2);
    expect(declarationLine("const seeker = 1", "seek")).toBe(null);
    const js = "x\n y\nfunction q() { return 1; }";
    // A function whose text is not in the module (native, bound, a Proxy) has no line.
    expect(functionLine(js, Math.max)).toBe(null);
    expect(functionLine(js, new Proxy(() => 1, {}))).toBe(null);
    expect(functionLine(js, 5)).toBe(null);
  });
});

describe("attack cases: the stack is read without running learner code", () => {
  it("a hostile stack getter is never called", () => {
    let called = 0;
    const e = new Error("x");
    Object.defineProperty(e, "stack", {
      get() {
        called++;
        return "at learner.ts:1:1";
      },
    });
    expect(thrownPlace(e)).toBe(null);
    expect(called).toBe(0);
  });

  it("a Proxy that throws from every trap, a revoked Proxy, primitives: no place, no throw", () => {
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
        getPrototypeOf() {
          throw new Error("trap");
        },
      },
    );
    expect(thrownPlace(hostile)).toBe(null);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(thrownPlace(proxy)).toBe(null);
    expect(thrownPlace("learner.ts:3:4")).toBe(null);
    expect(thrownPlace(null)).toBe(null);
  });

  it("JavaScriptCore's shape: no file in the stack, own line and column; a sourceURL means host code", () => {
    // What WebKit's errors from evaluated code look like (measured in WebKitGTK 2.50: frames read "@").
    const jsc = (props: Record<string, unknown>) => {
      const e = new Error("boom");
      Object.defineProperty(e, "stack", {
        value: "read_packet@\n@\neval code@\neval@[native code]",
        configurable: true,
      });
      for (const [k, v] of Object.entries(props))
        Object.defineProperty(e, k, { value: v, configurable: true });
      return e;
    };
    expect(thrownPlace(jsc({ line: 4, column: 16 }))).toEqual({ line: 4, column: 16 });
    expect(thrownPlace(jsc({ line: 4, column: 16, sourceURL: "https://example.test/worker.js" }))).toBe(null);
    expect(thrownPlace(jsc({ line: 0 }))).toBe(null);
    expect(thrownPlace(jsc({ line: 1e12 }))).toBe(null);
    expect(thrownPlace(jsc({ line: "4" }))).toBe(null);
    expect(thrownPlace(jsc({ line: 2.5 }))).toBe(null);
    let called = 0;
    const getter = new Error("x");
    Object.defineProperty(getter, "line", {
      get() {
        called++;
        return 3;
      },
    });
    expect(thrownPlace(getter)).toBe(null);
    expect(called).toBe(0);
  });

  it("a forged stack string only misplaces the learner's own error, and is bounded", () => {
    expect(thrownPlace({ stack: "at f (learner.ts:12:3)" })).toEqual({ line: 12, column: 3 });
    expect(thrownPlace({ stack: `${"x".repeat(10_000)} learner.ts:12:3` })).toBe(null);
    expect(thrownPlace({ stack: "learner.ts:99999999999:1" })).toBe(null);
    expect(thrownPlace({ stack: 42 })).toBe(null);
  });

  it("a message mentioning learner.ts does not stand for the frame", () => {
    const e = new Error("see learner.ts:1:1");
    const at = thrownPlace(e);
    expect(at?.line).not.toBe(1);
  });

  it("a stack getter inside a learner module (through the sandbox) never runs on the host", () => {
    const code = `${reader(`if (opaque.pos > 0) {
    const e = new Error("x");
    Object.defineProperty(e, "stack", { get() { throw new Error("host read my stack"); } });
    throw e;
  }`)}`;
    const r = runRequest(engine, runRequestFor(code, MEDIA));
    const d = r.diagnostics.find((x) => x.code === "callback_threw")!;
    expect(d.value).toBe("Error: x");
    // No learner frame was read: the finding points at read_packet's declaration instead.
    expect(d.line).toBe(7);
  });
});
