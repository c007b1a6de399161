// Performance budget: the editor's entry must not pull in any of TypeScript (that is the lazily
// imported typescript.ts chunk's job, and the 3.5 MB compiler belongs in the worker only).
import { build, type Metafile } from "esbuild";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "vitest";

const KB = 1024;

test("index.ts stays CodeMirror-only and small; typescript.ts stays free of the compiler", async () => {
  const result = await build({
    entryPoints: ["src/playground/editor/index.ts"],
    bundle: true,
    minify: true,
    format: "esm",
    splitting: true,
    outdir: "/virtual-out",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const meta: Metafile = result.metafile;
  // Metafile output paths are relative to the working directory.
  const outputs = new Map(result.outputFiles.map((f) => [path.relative(process.cwd(), f.path), f.contents]));
  const entry = Object.keys(meta.outputs).find(
    (o) => meta.outputs[o]!.entryPoint === "src/playground/editor/index.ts",
  )!;

  // Everything the entry loads before any import() runs.
  const eager = new Set<string>();
  const visit = (out: string): void => {
    if (eager.has(out)) return;
    eager.add(out);
    for (const imp of meta.outputs[out]!.imports) if (imp.kind === "import-statement") visit(imp.path);
  };
  visit(entry);
  const eagerInputs = [...eager].flatMap((o) => Object.keys(meta.outputs[o]!.inputs));
  expect(
    eagerInputs.filter((i) =>
      /typescript|comlink|@codemirror\/lint|editor\/(tsenv|libs|check|ts-worker)\.ts/.test(i),
    ),
  ).toEqual([]);
  const eagerGzip = [...eager].reduce((sum, o) => sum + gzipSync(outputs.get(o)!, { level: 9 }).length, 0);
  expect(eagerGzip).toBeLessThan(175 * KB);

  const lazy = Object.keys(meta.outputs).find(
    (o) => meta.outputs[o]!.entryPoint === "src/playground/editor/typescript.ts",
  );
  expect(lazy, "typescript.ts must be a separate, dynamically imported chunk").toBeDefined();
  expect(
    Object.keys(meta.outputs[lazy!]!.inputs).filter((i) => i.includes("node_modules/typescript/")),
  ).toEqual([]);
  expect(gzipSync(outputs.get(lazy!)!, { level: 9 }).length).toBeLessThan(30 * KB);
});
