// The grading child as one plain JavaScript file per exercise (esbuild): the grader makes it once
// per run (childBundle), `npm run build:grader` makes every exercise's ahead of time
// (scripts/build-grader.ts, same options). A process then starts in a fraction of the time
// TypeScript stripping of every module takes, and may read only this file, the engine and the
// media — not the submissions, not the solutions, not the sources.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BuildOptions, type Plugin, build } from "esbuild";
import type { ExerciseId } from "./catalog.ts";

/** The repository root (the engine and the media are found below it). */
export const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Modules that find files next to themselves (the engine, the media) keep their own location:
 * each `import.meta.url` becomes what `location(file)` says (a JavaScript expression).
 */
export function keepImportMetaUrl(location: (file: string) => string): Plugin {
  return {
    name: "keep-import-meta-url",
    setup(b) {
      b.onLoad({ filter: /\.(ts|mts|mjs)$/ }, (a) => {
        const text = readFileSync(a.path, "utf8");
        if (!text.includes("import.meta.url")) return undefined;
        return {
          contents: text.replaceAll("import.meta.url", location(a.path)),
          loader: a.path.endsWith(".mjs") ? "js" : "ts",
        };
      });
    },
  };
}

/** esbuild's options for one exercise's child: its tests are part of the bundle (no catalog, no source folder). */
export function childBuildOptions(exercise: ExerciseId, plugins: Plugin[]): BuildOptions {
  const here = (p: string) => JSON.stringify(fileURLToPath(new URL(p, import.meta.url)));
  return {
    stdin: {
      contents: `import { serveChild } from ${here("./grade-child.ts")};\nimport * as tests from ${here(`./${exercise}/tests.ts`)};\nimport { guardAuthoring } from ${here("./harness.ts")};\nserveChild(guardAuthoring({ ...tests }));\n`,
      resolveDir: root,
      loader: "ts",
      sourcefile: "grade-child-entry.ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    logLevel: "error",
    plugins,
  };
}

const bundles = new Map<ExerciseId, Promise<string>>();
const tempDirs = new Set<string>();
/** Removes the grader's temporary folders (at exit, and when a signal stops the run). */
export function removeTemp(): void {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  tempDirs.clear();
}
let bundleDir: string | null = null;

/** The child's file for this exercise, made once per grading run in a temporary folder. */
export function childBundle(exercise: ExerciseId): Promise<string> {
  let bundled = bundles.get(exercise);
  if (bundled) return bundled;
  bundled = (async () => {
    if (!bundleDir) {
      bundleDir = mkdtempSync(join(tmpdir(), "avio-grader-"));
      process.once("exit", () => removeTemp());
      tempDirs.add(bundleDir);
    }
    const dir = bundleDir;
    const out = join(dir, `${exercise}.mjs`);
    const built = await build({
      ...childBuildOptions(exercise, [keepImportMetaUrl((file) => JSON.stringify(pathToFileURL(file).href))]),
      outfile: out,
      // Written here, not by esbuild's own process: once a signal has removed the folder, nothing recreates it.
      write: false,
    });
    if (!tempDirs.has(dir)) throw new Error("the grader is stopping");
    writeFileSync(out, built.outputFiles![0]!.contents);
    return out;
  })();
  bundles.set(exercise, bundled);
  return bundled;
}
