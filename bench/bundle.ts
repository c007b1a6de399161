// Bundles the bench pages with esbuild: the playground's real client and worker
// (src/playground/client.ts, worker.ts with its sandbox), as Vite would for the site, with two
// small shims for Vite-only syntax: `?url` imports and the worker's URL.
import { build, type Plugin } from "esbuild";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

export const PAGES = ["bench-page", "cold-engine", "cold-ffmpeg-wasm"] as const;

/** `import x from "…/wasm/dist/f?url"` → the path the bench server serves it under. */
function viteShims(root: string): Plugin {
  return {
    name: "vite-shims",
    setup(b) {
      b.onResolve({ filter: /\?url$/ }, (a) => ({
        path: join(a.resolveDir, a.path.replace(/\?url$/, "")),
        namespace: "asset-url",
      }));
      b.onLoad({ filter: /.*/, namespace: "asset-url" }, (a) => {
        const rel = relative(join(root, "wasm/dist"), a.path);
        if (rel.startsWith("..")) throw new Error(`bench bundle: no served URL for ${a.path}`);
        return { contents: `export default ${JSON.stringify(`/__bench/engine/${rel}`)};`, loader: "js" };
      });
      // The site starts its worker from a Vite worker URL; here the worker is bundled next to the pages.
      b.onLoad({ filter: /src[\\/]site[\\/]runner-worker-url\.ts$/ }, (a) => {
        const src = readFileSync(a.path, "utf8");
        const from = 'new URL("./runner-worker.ts", import.meta.url)';
        if (!src.includes(from))
          throw new Error(
            `bench bundle: ${a.path} no longer starts its worker with ${from}; update bench/bundle.ts`,
          );
        return { contents: src.replace(from, 'new URL("./worker.js", import.meta.url)'), loader: "ts" };
      });
    },
  };
}

/** Writes the pages (HTML + JS) and the runner worker into outDir. */
export async function bundlePages(root: string, outDir: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const learner = readFileSync(join(root, "src/lessons/_code/memory-io/decode-from-memory.ts"), "utf8");
  const entryPoints: Record<string, string> = { worker: join(root, "bench/page/worker.ts") };
  for (const p of PAGES) entryPoints[p] = join(root, `bench/page/${p}.ts`);
  await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    // Not minified: with splitting, esbuild 0.28's minification broke sucrase's import
    // transform (learner imports undefined at run time). Parse time differs little.
    splitting: true,
    logLevel: "error",
    define: { __LEARNER_CODE__: JSON.stringify(learner) },
    plugins: [viteShims(root)],
  });
  for (const p of PAGES) {
    writeFileSync(
      join(outDir, `${p}.html`),
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>${p}</title><script type="module" src="./${p}.js"></script></html>\n`,
    );
  }
}
