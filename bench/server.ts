// A static file server for the browser parts of the bench: same origin for the
// bench pages, both wasm decoders, the media and (optionally) the built site,
// cross-origin isolated (COOP/COEP) as the production site must be.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".pf_meta": "application/octet-stream",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves each URL prefix from a directory (longest prefix wins). Port 0: any free port. */
export async function startServer(mounts: Record<string, string>, port = 0): Promise<StaticServer> {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer((req, res) => {
    const headers = {
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "no-cache",
    };
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const mount = entries.find(([prefix]) => path.startsWith(prefix));
    let file = mount ? normalize(join(mount[1], path.slice(mount[0].length))) : "";
    if (mount && !file.startsWith(normalize(mount[1]))) file = "";
    try {
      if (file && statSync(file).isDirectory()) file = join(file, "index.html");
      const size = file ? statSync(file).size : -1;
      if (size < 0) throw new Error("none");
      res.writeHead(200, {
        ...headers,
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Content-Length": size,
      });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
