// Checks passed without a solution on the old main (issue #22), graded through the real exercise
// tests and the real engine: each must now fail, as the submission's own verdict with a plain
// sentence, never pass and never be called a bug of the exercise's tests.
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { loadExercise } from "../../src/exercises/catalog.ts";
import { gradeSubmission } from "../../src/exercises/grade.ts";
import { browserMedia } from "../../src/exercises/media-browser.ts";
import { nodeMedia } from "../../src/exercises/media-node.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

async function grade(id: string, code: string) {
  return gradeSubmission({ engine, exercise: await loadExercise(id), code, media: nodeMedia });
}

const notAuthoring = (r: { tests: { message?: string }[] }) =>
  r.tests.every((t) => !/bug of its own/.test(t.message ?? ""));

describe("look-alike objects handed to the tests", () => {
  it("write-packet: opaque.data with its own subarray, nothing stored: no test passes on it", async () => {
    const r = await grade(
      "write-packet",
      `import { AVSEEK_SIZE, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";
export function write_packet(op: any, buf: Uint8Array, n: number): number {
  op.data = { subarray: () => ({ length: NaN }), length: NaN };
  op.pos += n;
  if (op.pos > op.size) op.size = op.pos;
  return n;
}
export function seek(op: any, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return op.size;
  const base = whence === SEEK_SET ? 0 : whence === SEEK_CUR ? op.pos : whence === SEEK_END ? op.size : -1;
  if (base < 0) return -22;
  op.pos = base + offset;
  return op.pos;
}
`,
    );
    expect(r.status).not.toBe("pass");
    // Only the seek tests that never look at the bytes may pass; every test of the content fails.
    expect(r.tests.find((t) => t.name === "keeps the bytes of one write")!.status).toBe("fail");
    const passed = r.tests.filter((t) => t.status === "pass").map((t) => t.name);
    expect(
      passed.every((n) => /seek|AVSEEK/i.test(n)),
      passed.join(", "),
    ).toBe(true);
    expect(notAuthoring(r)).toBe(true);
  });

  it("read-packet: a buf whose subarray is redefined, nothing copied: the unit tests fail", async () => {
    const r = await grade(
      "read-packet",
      `import { AVERROR_EOF } from "avio";
export function read_packet(o: any, buf: Uint8Array, n: number): number {
  const k = Math.min(n, o.data.length - o.pos);
  if (k <= 0) return AVERROR_EOF;
  const bytes = o.data.slice(o.pos, o.pos + k);
  Object.defineProperty(buf, "subarray", { value: () => bytes });
  o.pos += k;
  return k;
}
`,
    );
    const first = r.tests.find((t) => t.name === "copies the first buf_size bytes and returns how many")!;
    expect(first.status).toBe("fail");
    expect(r.tests.filter((t) => t.status === "pass").length).toBeLessThan(3);
  });

  it("forward-only: a seekable export that reads differently the second time is read once", async () => {
    const r = await grade(
      "forward-only",
      `${(await import("node:fs")).readFileSync(new URL("../../src/exercises/forward-only/solution.ts", import.meta.url), "utf8").replace(/export const seekable\s*=\s*[^;]+;/, "")}
let reads = 0;
Object.defineProperty(exports, "seekable", { enumerable: true, get() { return ++reads === 1 ? 0 : {}; } });
`,
    );
    expect(notAuthoring(r)).toBe(true);
  });

  it.each([
    [
      "a revoked Proxy",
      "const p = Proxy.revocable({}, {}); p.revoke(); throw p.proxy;",
      /a value that cannot be shown/,
    ],
    [
      "an error whose message getter throws",
      'const e = new Error(); Object.defineProperty(e, "message", { get() { throw 1; } }); throw e;',
      /threw Error/,
    ],
    [
      "an object whose toPrimitive throws",
      "throw { [Symbol.toPrimitive]() { throw 1; } };",
      /a value that cannot be shown/,
    ],
  ])("read_packet throwing %s: the submission's failure, in plain words", async (_label, body, message) => {
    const r = await grade(
      "read-packet",
      `export function read_packet(o: any, buf: Uint8Array, n: number): number { ${body} }\n`,
    );
    expect(r.tests[0]!.status).toBe("fail");
    expect(r.tests[0]!.message).toMatch(message);
    expect(notAuthoring(r)).toBe(true);
  });

  it("a module whose exports object is a Proxy that throws: one plain error, no crash", async () => {
    const r = await grade(
      "read-packet",
      `export function read_packet(): number { return -1; }
(module as any).exports = new Proxy({}, { ownKeys() { throw new Error("Out of memory: 1024 MiB"); } });
`,
    );
    expect(r.status).toBe("error");
    expect(r.message).toMatch(
      /Your module's exports could not be read: reading them threw Error: Out of memory/,
    );
  });
});

describe("hidden tests", () => {
  it("never echo what the learner's code said: a message or a string it returned", async () => {
    const leak = (how: string) => `import { AVERROR_EOF } from "avio";
export function read_packet(o: any, buf: Uint8Array, n: number): number {
  const head = Array.from(o.data.subarray(0, 8) as Uint8Array, (b) => b.toString(16)).join("");
  ${how}
}
`;
    for (const how of ['throw new Error("LEAK" + head);', 'return ("LEAK" + head) as any;']) {
      const r = await grade("read-packet", leak(how));
      const hidden = r.tests.filter((t) => t.hidden);
      expect(hidden.length).toBeGreaterThan(0);
      for (const t of hidden) {
        expect(t.status, t.name).toBe("fail");
        expect(JSON.stringify(t), t.name).not.toContain("LEAK");
        expect(t.message).toContain("(not shown: this is a hidden test)");
      }
      // A visible test still shows the learner what its code said.
      expect(JSON.stringify(r.tests.filter((t) => !t.hidden))).toContain("LEAK");
    }
  });
});

describe("media are copies", () => {
  it("the browser's media cache hands every caller its own bytes", async () => {
    const file = new Uint8Array([1, 2, 3, 4]);
    let fetches = 0;
    const media = browserMedia((async () => {
      fetches++;
      return new Response(file.slice());
    }) as unknown as typeof fetch);
    const a = await media.bytes("flac-22k-mono.flac");
    a.fill(0);
    Object.defineProperty(a, "length", { value: 0 });
    const b = await media.bytes("flac-22k-mono.flac");
    expect([...b]).toEqual([1, 2, 3, 4]);
    expect(b).not.toBe(a);
    expect(fetches).toBe(1);
  });
});
