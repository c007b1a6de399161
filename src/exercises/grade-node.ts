// Grades one submission in its own child process: Node's permission model, an empty
// environment, a time budget and a memory cap that counts everything the process holds
// (ArrayBuffers and wasm included, via its resident size). Whatever the submission does to
// its process — loop, exhaust memory, crash — ends as that submission's own verdict.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { GradeResult, TestResult } from "../runtime/types.ts";
import type { ExerciseId } from "./catalog.ts";
import type { ChildMessage, GradeJob } from "./grade-child.ts";
import { formatMessage, type Lang } from "./messages.ts";

export interface IsolatedOptions {
  timeoutMs: number;
  /** The exercise's tests: the ones a timeout or crash kept from running are listed as skipped. */
  expected?: { name: string; title: string; hidden?: boolean }[];
  /** Resident memory the submission's process may use, in MiB (engine and wasm heap included). */
  maxMemoryMb?: number;
  lang?: Lang;
}

const root = fileURLToPath(new URL("../../", import.meta.url));
const child = fileURLToPath(new URL("./grade-child.ts", import.meta.url));

/**
 * The child as one plain JavaScript file (esbuild), made once per grading run: a process then
 * starts in a fraction of the time TypeScript stripping of every module takes, and may read only
 * this file, the engine and the media — not the submissions, not the solutions, not the sources.
 */
const bundles = new Map<ExerciseId, Promise<string>>();
let bundleDir: string | null = null;
export function childBundle(exercise: ExerciseId): Promise<string> {
  let bundled = bundles.get(exercise);
  if (bundled) return bundled;
  bundled = (async () => {
    if (!bundleDir) {
      const dir = (bundleDir = mkdtempSync(join(tmpdir(), "avio-grader-")));
      process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    }
    const out = join(bundleDir, `${exercise}.mjs`);
    const tests = fileURLToPath(new URL(`./${exercise}/tests.ts`, import.meta.url));
    const harness = fileURLToPath(new URL("./harness.ts", import.meta.url));
    await build({
      // The exercise's tests are part of the bundle: the child needs no catalog and no source folder.
      stdin: {
        contents: `import { serveChild } from ${JSON.stringify(child)};\nimport * as tests from ${JSON.stringify(tests)};\nimport { guardAuthoring } from ${JSON.stringify(harness)};\nserveChild(guardAuthoring({ ...tests }));\n`,
        resolveDir: root,
        loader: "ts",
        sourcefile: "grade-child-entry.ts",
      },
      outfile: out,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node22",
      logLevel: "error",
      plugins: [
        {
          // Modules that find files next to themselves (the engine, the media) keep their own location.
          name: "keep-import-meta-url",
          setup(b) {
            b.onLoad({ filter: /\.(ts|mts|mjs)$/ }, (a) => {
              const text = readFileSync(a.path, "utf8");
              if (!text.includes("import.meta.url")) return undefined;
              return {
                contents: text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(a.path).href)),
                loader: a.path.endsWith(".mjs") ? "js" : "ts",
              };
            });
          },
        },
      ],
    });
    return out;
  })();
  bundles.set(exercise, bundled);
  return bundled;
}

/** What the child may read: its bundle, the engine, the media. */
export function childReadPaths(bundle: string): string[] {
  return [bundle, `${root}wasm/dist/`, `${root}src/media/`];
}

/** The process's resident set in bytes (Linux), or 0 when it cannot be read. */
async function residentBytes(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+)/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

export const DEFAULT_MEMORY_MB = 1024;

export async function gradeIsolated(
  exercise: ExerciseId,
  code: string,
  o: IsolatedOptions,
): Promise<GradeResult> {
  const lang = o.lang ?? "en";
  const capMb = o.maxMemoryMb ?? DEFAULT_MEMORY_MB;
  const bundle = await childBundle(exercise);
  const proc = spawn(
    process.execPath,
    [
      "--permission",
      ...childReadPaths(bundle).map((p) => `--allow-fs-read=${p}`),
      // The V8 heap stops well below the cap; the resident-size watch catches what V8 does not count.
      `--max-old-space-size=${Math.max(64, Math.floor(capMb / 2))}`,
      "--disable-warning=ExperimentalWarning",
      bundle,
    ],
    { env: {}, cwd: root, stdio: ["ignore", "pipe", "pipe", "ipc"], detached: true, serialization: "json" },
  );
  // Output the submission's process prints outside the sandbox (Node's own errors): kept short.
  let stderr = "";
  proc.stdout!.resume();
  proc.stderr!.on("data", (d: Buffer) => {
    if (stderr.length < 8192) stderr += d.toString("utf8");
  });

  const tests: TestResult[] = [];
  let running: { name: string; title: string } | null = null;
  let result: GradeResult | null = null;
  let verdict: { key: "timeout" | "submission_oom"; params: Record<string, number> } | null = null;

  // The whole process group: the child is its leader (detached), so nothing it started survives.
  const killGroup = () => {
    try {
      process.kill(-proc.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
  };
  const timer = setTimeout(() => {
    verdict = { key: "timeout", params: { seconds: o.timeoutMs / 1000 } };
    killGroup();
  }, o.timeoutMs);
  const memoryWatch = setInterval(async () => {
    const rss = await residentBytes(proc.pid!);
    if (rss > capMb * 2 ** 20 && !verdict) {
      verdict = { key: "submission_oom", params: { mb: capMb } };
      killGroup();
    }
  }, 50);

  proc.on("message", (m: ChildMessage) => {
    if (result) return;
    if (m.type === "start") running = { name: m.name, title: m.title };
    else if (m.type === "test") {
      tests.push(m.test);
      running = null;
    } else if (m.type === "done") result = m.result;
  });

  // A child that dies before reading its job closes the channel; "close" below gives the verdict.
  proc.on("error", () => {});
  proc.send({ exercise, code, lang } satisfies GradeJob, () => {});

  // Every test of the exercise appears in the result: those that never ran, as skipped with the reason.
  const fill = (r: GradeResult): GradeResult => {
    const ran = new Set(r.tests.map((t) => t.name));
    for (const t of o.expected ?? [])
      if (!ran.has(t.name)) r.tests.push({ ...t, status: "skipped", message: r.message ?? "" });
    return r;
  };
  const complete = (message: string): GradeResult => fill({ status: "error", message, tests });

  return new Promise((resolve) => {
    proc.on("close", (code, signal) => {
      clearTimeout(timer);
      clearInterval(memoryWatch);
      killGroup();
      if (result && !verdict) return resolve(fill(result));
      if (verdict) {
        const message = formatMessage(lang, verdict.key, verdict.params);
        if (running) tests.push({ ...running, status: "error", message });
        return resolve(complete(message));
      }
      // V8 stops a process that reaches its heap limit with this text on stderr.
      const oom = /heap out of memory|Reached heap limit|Allocation failed/i.test(stderr);
      const message = oom
        ? formatMessage(lang, "submission_oom", { mb: capMb })
        : signal
          ? formatMessage(lang, "submission_crashed", { signal })
          : formatMessage(lang, "submission_exited", { code: code ?? "?" });
      if (running) tests.push({ ...running, status: "error", message });
      resolve(complete(message));
    });
  });
}
