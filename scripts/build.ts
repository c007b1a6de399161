// npm run build: Astro, then Pagefind's search index, then the service worker's manifest (which
// hashes Pagefind's files too, so it comes last).
//   SITE_BASE=/repo/  serve the site under a path (default /; see docs/deploy.md)
//   SITE_OUT=dir      write it to another folder (default dist)
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { writeManifest } from "./sw-manifest.ts";

const root = join(import.meta.dirname, "..");
const out = process.env.SITE_OUT || "dist";
const bin = (name: string) => join(root, "node_modules", ".bin", name);

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(bin("astro"), ["build", "--outDir", out]);
run(bin("pagefind"), ["--site", out]);
console.log(`sw-manifest: ${writeManifest(join(root, out))} files guarded in ${join(out, "sw.js")}`);
