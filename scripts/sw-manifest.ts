// After the build (Astro, then Pagefind): writes into <dist>/sw.js the SHA-256 of every file of
// the build (pages, scripts, styles, wasm, media, and Pagefind's index, fragments and scripts).
// The service worker serves a file from its cache only when the cached bytes are exactly this
// build's: an entry that someone else put into Cache Storage (a poisoned Pagefind fragment, a
// rewritten script), or one left from an older build, is never served.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const PLACEHOLDER = "const MANIFEST = null;";

/** Path under the site's root (without SITE_BASE: the worker strips its own base) → SHA-256, base64. */
export function buildManifest(dist: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dist, { recursive: true }).map(String).sort()) {
    const file = join(dist, f);
    if (f === "sw.js" || !statSync(file).isFile()) continue;
    const path = `/${relative(dist, file).split(sep).join("/")}`;
    out[path] = createHash("sha256").update(readFileSync(file)).digest("base64");
  }
  return out;
}

/** Fills the worker's manifest; Pagefind must have run first, or its files would be left out. */
export function writeManifest(dist: string): number {
  const sw = join(dist, "sw.js");
  if (!existsSync(join(dist, "pagefind", "pagefind-entry.json")))
    throw new Error(`${dist}/pagefind/ is missing: run pagefind before sw-manifest`);
  const text = readFileSync(sw, "utf8");
  if (!text.includes(PLACEHOLDER)) throw new Error(`${sw} has no "${PLACEHOLDER}" line to fill`);
  const manifest = buildManifest(dist);
  writeFileSync(sw, text.replace(PLACEHOLDER, `const MANIFEST = ${JSON.stringify(manifest)};`));
  return Object.keys(manifest).length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? "dist";
  console.log(`sw-manifest: ${writeManifest(dist)} files guarded in ${join(dist, "sw.js")}`);
}
