// What hostile learner code tries from inside a Run, shared by the Chromium attack suite
// (sandbox.spec.ts) and the Firefox and WebKit smoke suites (test/cross-browser/).
// Each probe reports "blocked" when it throws; anything else would be a hole.
export const PROBES: Record<string, string> = {
  worker: 'new Worker(URL.createObjectURL(new Blob(["1"], { type: "text/javascript" })))',
  fetch: 'fetch("/")',
  xhr: "new XMLHttpRequest()",
  websocket: 'new WebSocket("ws://127.0.0.1:1/")',
  caches: 'caches.open("avio-workbook-v3")',
  indexedDB: 'indexedDB.open("x")',
  opfs: "navigator.storage.getDirectory()",
  locks: 'navigator.locks.request("x", () => 1)',
  self: 'self.postMessage({ type: "result", id: 1, status: "ok" })',
  globalThisPostMessage: 'globalThis.postMessage({ type: "grade-result" })',
  importScripts: 'importScripts("/x.js")',
  functionCtor: '(function () {}).constructor("return self")().caches',
  asyncCtor: '(async function () {}).constructor("return self")',
  arrayPatch: "Array.prototype.push = function () { return 0; }",
  promisePatch: "(Promise.prototype as any).then = () => 0",
  localStorage: 'localStorage.setItem("x", "1")',
  document: "document.cookie",
};

/** A read_packet module that runs every probe at load and throws the report ("probes name:blocked …"). */
export const ATTACK = `const report: string[] = [];
const probes: Record<string, () => unknown> = {
${Object.entries(PROBES)
  .map(([k, v]) => `  ${k}: () => ${v},`)
  .join("\n")}
};
for (const [name, probe] of Object.entries(probes)) {
  try {
    probe();
    report.push(name + ":OPEN");
  } catch {
    report.push(name + ":blocked");
  }
}
export function read_packet(opaque: unknown, buf: Uint8Array, buf_size: number): number {
  throw new Error("probes " + report.join(" "));
}
`;

/**
 * What the host must not hand across the wall (issue #22): the engine's record as `this`, wasm memory
 * as `buf.buffer`, constructors that make handles. The Run throws the report ("probes name:blocked …");
 * on the old main `this` was the record, `heap` all of wasm memory (and the fill below rewrote
 * FFmpeg's own strings for every later Run), and both constructors accepted anything.
 */
export const REACH = `import { AVIOContext, AVFormatContext } from "avio";
const report: string[] = [];
const probe = (name: string, open: () => boolean) => {
  try {
    report.push(name + (open() ? ":OPEN" : ":blocked"));
  } catch {
    report.push(name + ":blocked");
  }
};
probe("forgeAVIOContext", () => !!new (AVIOContext as any)(undefined, { handle: 1, ptr: 8 }));
probe("forgeAVFormatContext", () => !!new (AVFormatContext as any)(undefined, 8));
export function read_packet(this: any, opaque: unknown, buf: Uint8Array, buf_size: number): number {
  probe("thisIsRecord", () => this !== undefined);
  probe("bufIsHeap", () => buf.buffer.byteLength !== buf_size);
  try {
    new Uint8Array(buf.buffer).fill(80);
  } catch {}
  throw new Error("probes " + report.join(" "));
}
`;
export const REACH_PROBES = ["forgeAVIOContext", "forgeAVFormatContext", "thisIsRecord", "bufIsHeap"];

/** Code that forges a passing Check: patches what the tests use and posts a result itself. */
export const FORGE = `try { Array.prototype.push = function (...xs: any[]) { for (const x of xs) if (x && typeof x === "object") x.status = "pass"; return 0; }; } catch {}
try { (self as any).postMessage({ type: "grade-result", id: 1, result: { status: "pass", tests: [] } }); } catch {}
export function read_packet(opaque: unknown, buf: Uint8Array, buf_size: number): number { return -1; }
`;

/** Runs in the page: the origin's storage as the site sees it (Cache Storage with a digest per
 *  entry, OPFS names, localStorage minus saved playground code, IndexedDB names). A browser
 *  without OPFS or `indexedDB.databases()` reports null for it. */
export async function siteState() {
  const cached: { path: string; sha256: string }[] = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const r of await cache.keys()) {
      const body = await (await cache.match(r))!.arrayBuffer();
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
      cached.push({ path: new URL(r.url).pathname, sha256: btoa(String.fromCharCode(...digest)) });
    }
  }
  let opfs: string[] | null = null;
  if (navigator.storage?.getDirectory) {
    opfs = [];
    const dir = await navigator.storage.getDirectory();
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) opfs.push(name);
  }
  const local = Object.fromEntries(
    Object.keys(localStorage)
      .filter((k) => !k.startsWith("avio-workbook:playground:"))
      .map((k) => [k, localStorage.getItem(k)]),
  );
  const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : null;
  return { cached, opfs, local, databases };
}
