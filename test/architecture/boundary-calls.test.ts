// The boundary is one place: every call into learner code comes from src/avio/boundary.ts, with
// `this === undefined`. Shown two ways: statically (no other source file calls a function through
// Reflect.apply, .call or .apply) and by running each exercise's solution and a playground Run
// with spies that record who called them.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { exerciseIds, loadExercise } from "../../src/exercises/catalog.ts";
import { Failure } from "../../src/exercises/harness.ts";
import { nodeMedia } from "../../src/exercises/media-node.ts";
import { compileLearnerModule } from "../../src/runtime/compile.ts";
import { runRequest } from "../../src/runtime/run-request.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const BOUNDARY = "src/avio/boundary.ts";

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ts$/.test(e.name) && !e.name.endsWith(".d.ts"))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

describe("only boundary.ts calls into learner code", () => {
  it("no other source file calls a function value through Reflect.apply, .call( or .apply(", () => {
    const offenders: string[] = [];
    for (const file of sources("src")) {
      if (file === BOUNDARY) continue;
      readFileSync(join(root, file), "utf8")
        .split("\n")
        .forEach((line, i) => {
          // t.trace.call(...) in the trace view is a catalogue string named `call`, not Function.prototype.call.
          if (/Reflect\.apply\(|\.apply\(|(?<!trace)\.call\(/.test(line)) offenders.push(`${file}:${i + 1}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it.each(exerciseIds)(
    "%s: the solution's functions are called only from boundary.ts, with this undefined",
    async (id) => {
      const exercise = await loadExercise(id);
      const code = readFileSync(join(root, "src/exercises", id, "solution.ts"), "utf8");
      const compiled = compileLearnerModule(code);
      if (!compiled.ok) throw new Error(compiled.message);
      const callers = new Set<string>();
      const selves = new Set<unknown>();
      const exports: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(compiled.exports)) {
        exports[name] =
          typeof value !== "function"
            ? value
            : function spy(this: unknown, ...args: unknown[]) {
                selves.add(this);
                // Frame 0 is this spy; frame 1 is whoever called the learner's function.
                const frame = (new Error().stack ?? "").split("\n")[2] ?? "";
                callers.add(
                  frame.includes(BOUNDARY) || frame.includes("boundary.ts") ? BOUNDARY : frame.trim(),
                );
                return (value as (...a: unknown[]) => unknown)(...args);
              };
      }
      for (const t of exercise.tests) {
        try {
          await t.run({ exports, engine, media: nodeMedia });
        } catch (e) {
          if (!(e instanceof Failure)) throw e;
          throw new Error(`the solution failed "${t.name}": ${e.key}`);
        }
      }
      expect(callers.size).toBeGreaterThan(0);
      expect([...callers]).toEqual([BOUNDARY]);
      expect([...selves]).toEqual([undefined]);
    },
  );

  it("a playground Run: read_packet, seek and main are called from boundary.ts", () => {
    const probe = (name: string) =>
      `console.log("${name} <- " + ((new Error().stack ?? "").split("\\n")[2] ?? "").includes("boundary.ts"));`;
    const code = `
      import { AVERROR_EOF, AVSEEK_SIZE, SEEK_SET } from "avio";
      let logged = false;
      export function read_packet(o: { data: Uint8Array; pos: number }, buf: Uint8Array, n: number): number {
        if (!logged) { logged = true; ${probe("read_packet")} }
        const k = Math.min(n, o.data.length - o.pos);
        if (k <= 0) return AVERROR_EOF;
        buf.set(o.data.subarray(o.pos, o.pos + k));
        o.pos += k;
        return k;
      }
      export function create_opaque(data: Uint8Array) { ${probe("create_opaque")} return { data, pos: 0 }; }
    `;
    const media = readFileSync(join(root, "src/media/wav-s16-22k-mono.wav"));
    const r = runRequest(engine, {
      type: "run",
      id: 1,
      mode: "decode",
      code,
      media: {
        name: "x.wav",
        bytes: media.buffer.slice(media.byteOffset, media.byteOffset + media.byteLength),
      },
      useSeek: false,
      buffer_size: 4096,
    } as never);
    expect(r.console?.lines.map((l) => l.text)).toEqual(["create_opaque <- true", "read_packet <- true"]);
  });
});
