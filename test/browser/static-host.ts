// A static host like the ones docs/deploy.md names: serves a built site under one path only
// (anything outside it is a 404), a folder's index.html for its URL, the site's 404.html for a
// missing page, and the cross-origin isolation headers only when asked (GitHub Pages sends none).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".mp3": "audio/mpeg",
  ".flac": "audio/flac",
  ".wav": "audio/wav",
  ".ogg": "audio/ogg",
  ".opus": "audio/ogg",
  ".m4a": "audio/mp4",
  ".aac": "audio/aac",
};

export const ISOLATION = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

/** Builds the site with SITE_BASE=base into outDir (relative to the repository), as `npm run build` does. */
export function buildWithBase(base: string, outDir: string): void {
  const r = spawnSync("node", ["scripts/build.ts"], {
    cwd: ROOT,
    env: { ...process.env, SITE_BASE: base, SITE_OUT: outDir, ASTRO_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`build with SITE_BASE=${base} failed:\n${r.stdout}\n${r.stderr}`);
}

export interface StaticHost {
  /** e.g. http://127.0.0.1:41234/course/ */
  url: string;
  origin: string;
  /** Every path asked for outside the base (each answered 404). */
  outside: string[];
  close(): Promise<void>;
}

export async function serveUnder(
  dir: string,
  base: string,
  opts: { isolated: boolean },
): Promise<StaticHost> {
  const root = resolve(ROOT, dir);
  const outside: string[] = [];
  const headers = opts.isolated ? ISOLATION : {};
  const send = (res: import("node:http").ServerResponse, status: number, file: string | null) => {
    const body = file ? readFileSync(file) : Buffer.from("Not found");
    res.writeHead(status, {
      ...headers,
      "content-type": file ? (TYPES[extname(file)] ?? "application/octet-stream") : "text/plain",
      "content-length": body.length,
      "cache-control": "no-cache",
    });
    res.end(body);
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://host").pathname;
    if (path === base.replace(/\/$/, "")) {
      res.writeHead(301, { ...headers, location: base }).end();
      return;
    }
    if (!path.startsWith(base)) {
      outside.push(path);
      send(res, 404, null);
      return;
    }
    const file = normalize(join(root, decodeURIComponent(path.slice(base.length))));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 404, null);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith("/")) {
        res.writeHead(301, { ...headers, location: `${path}/` }).end();
        return;
      }
      const index = join(file, "index.html");
      return existsSync(index) ? send(res, 200, index) : send(res, 404, join(root, "404.html"));
    }
    if (existsSync(file)) return send(res, 200, file);
    send(res, 404, join(root, "404.html"));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${base}`,
    origin,
    outside,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
