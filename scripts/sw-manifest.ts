// After the build (Astro + Pagefind): writes into dist/sw.js the SHA-256 of every file that can
// run code or style a page (HTML, JS, wasm, CSS). The service worker serves such a file from its
// cache only when the cached bytes are exactly this build's: an entry that someone else put into
// Cache Storage, or one left from an older build, is never served.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const GUARDED = /\.(html|js|mjs|wasm|css)$/;
const PLACEHOLDER = "const MANIFEST = null;";

export function buildManifest(dist: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dist, { recursive: true }).map(String).sort()) {
    if (!GUARDED.test(f) || f === "sw.js") continue;
    const path = `/${relative(dist, join(dist, f)).split(sep).join("/")}`;
    out[path] = createHash("sha256")
      .update(readFileSync(join(dist, f)))
      .digest("base64");
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? "dist";
  const sw = join(dist, "sw.js");
  const text = readFileSync(sw, "utf8");
  if (!text.includes(PLACEHOLDER)) throw new Error(`${sw} has no "${PLACEHOLDER}" line to fill`);
  const manifest = buildManifest(dist);
  writeFileSync(sw, text.replace(PLACEHOLDER, `const MANIFEST = ${JSON.stringify(manifest)};`));
  console.log(`sw-manifest: ${Object.keys(manifest).length} files guarded in ${sw}`);
}
