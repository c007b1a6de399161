// Issue #22's measured attacks on the exercises' side of the boundary (a second, independent set of
// cases, each shown failing on the old main), graded through the real
// exercise tests and the real engine: each must end as a verdict against the submission (a plain
// sentence), never a pass and never an authoring error.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { loadExercise } from "../../src/exercises/catalog.ts";
import { gradeSubmission } from "../../src/exercises/grade.ts";
import type { MediaSource } from "../../src/exercises/harness.ts";
import { browserMedia } from "../../src/exercises/media-browser.ts";
import { nodeMedia } from "../../src/exercises/media-node.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

const grade = async (id: string, code: string, media: MediaSource = nodeMedia) =>
  gradeSubmission({ engine, exercise: await loadExercise(id), code, media });

/** No test passed that should not, none is blamed on the exercise. */
function againstSubmission(r: Awaited<ReturnType<typeof grade>>) {
  expect(r.status).not.toBe("pass");
  for (const t of r.tests) expect(t.message ?? "").not.toMatch(/tests\.ts|Tell your teacher|bug of its own/);
}

describe("boundary attacks (issue #22)", () => {
  it("write_packet storing nothing, with a data.subarray of its own, does not pass", async () => {
    const code = `
      export function write_packet(opaque: any, buf: Uint8Array, n: number) {
        const d = new Uint8Array(0);
        Object.defineProperty(d, "subarray", { value: () => ({ length: NaN }) });
        opaque.data = d;
        opaque.size += n;
        return n;
      }
      export function seek(opaque: any, offset: number, whence: number) { return 0; }
    `;
    const r = await grade("write-packet", code);
    againstSubmission(r);
    expect(r.tests.find((t) => t.name === "keeps the bytes of one write")?.status).toBe("fail");
  });

  it("read_packet that shadows buf.subarray and copies nothing fails the unit tests", async () => {
    const code = `
      export function read_packet(opaque: any, buf: Uint8Array, n: number) {
        const left = opaque.data.length - opaque.pos;
        if (left <= 0) return -541478725;
        const k = Math.min(n, left);
        const want = opaque.data.subarray(opaque.pos, opaque.pos + k);
        Object.defineProperty(buf, "subarray", { value: () => want });
        opaque.pos += k;
        return k;
      }
    `;
    const r = await grade("read-packet", code);
    againstSubmission(r);
    expect(
      r.tests.find((t) => t.name === "copies the first buf_size bytes and returns how many")?.status,
    ).toBe("fail");
  });

  it("poisoning the browser's media cache in one Check does not reach the next", async () => {
    // The browser source, fed from disk: one cache per worker, as in the Check worker.
    const file = (url: string) => String(url).split("/").pop()!.split("?")[0]!;
    const fetchFn = (async (url: string) =>
      new Response(
        readFileSync(new URL(`../../src/media/${file(url)}`, import.meta.url)),
      )) as unknown as typeof fetch;
    const media = browserMedia(fetchFn);
    // Zeroes every file it is handed: with one shared copy, the next Check's media are zeros.
    const poison = `
      export function read_packet(opaque: any, buf: Uint8Array, n: number) {
        opaque.data.fill(0);
        return -541478725;
      }
    `;
    await grade("read-packet", poison, media);
    const honest = readFileSync(
      new URL("../../src/exercises/read-packet/solution.ts", import.meta.url),
      "utf8",
    );
    const r = await grade("read-packet", honest, media);
    expect(r.tests.filter((t) => t.status !== "pass")).toEqual([]);
  });

  it("a Proxy module.exports that throws is a verdict with a plain sentence (en, zh-cn)", async () => {
    const code = `
      module.exports = new Proxy({}, { ownKeys() { throw new Error("boom"); }, get() { throw new Error("boom"); } });
    `;
    const r = await grade("read-packet", code);
    expect(r.status).toBe("error");
    expect(r.message).toMatch(/^Your module's exports could not be read/);
    const zh = await gradeSubmission({
      engine,
      exercise: await loadExercise("read-packet"),
      code,
      media: nodeMedia,
      lang: "zh-cn",
    });
    expect(zh.message).toMatch(/无法读取/);
  });

  for (const [what, thrown] of [
    [
      "a message getter that throws",
      `(() => { const e = new Error("x"); Object.defineProperty(e, "message", { get() { throw 1; } }); return e; })()`,
    ],
    ["a revoked Proxy", `(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()`],
    ["a Symbol.toPrimitive that throws", `({ [Symbol.toPrimitive]() { throw new Error("no"); } })`],
  ] as const) {
    it(`read_packet throwing ${what} fails the submission, not the exercise`, async () => {
      const r = await grade("read-packet", `export function read_packet() { throw ${thrown}; }`);
      againstSubmission(r);
      expect(r.tests[0]!.status).toBe("fail");
    });
    it(`read_packet returning ${what} fails the submission, not the exercise`, async () => {
      const r = await grade("read-packet", `export function read_packet() { return ${thrown}; }`);
      againstSubmission(r);
      expect(r.tests[0]!.status).toBe("fail");
    });
  }

  it("hidden tests do not echo learner text longer than a short excerpt", async () => {
    const long = "A".repeat(5000);
    const r = await grade("read-packet", `export function read_packet() { throw new Error("${long}"); }`);
    againstSubmission(r);
    for (const t of r.tests.filter((x) => x.hidden)) {
      expect(t.status).toBe("fail");
      expect(t.message ?? "").not.toMatch(/A{200}/);
    }
  });
});
