// Offline support: once a page has been visited, it and everything it loaded keep working
// without a network. Pages: network first, cache as fallback (so deploys show up at once).
// Other GETs of this site (hashed assets, search index, wasm, media): cache first, refreshed in
// the background. Cached responses keep their COOP/COEP headers, so isolation survives offline.
//
// The site may live under a path (SITE_BASE, e.g. a GitHub Pages project site): this file sits at
// the site's root, so its own directory is the base, its scope, and the one part of the origin it
// serves. Another copy of the workbook on the same origin has its own cache.
const BASE = new URL("./", self.location.href).pathname; // "/" or "/course/"
const CACHE = `avio-workbook-v4@${BASE}`;
const OWN_CACHE = (name) => name.endsWith(`@${BASE}`) || (BASE === "/" && name.startsWith("avio-workbook-v"));

// Filled in by scripts/sw-manifest.ts after the build (Astro, then Pagefind): path → SHA-256
// (base64) of every file of this build, Pagefind's index and fragments included. Anything in
// Cache Storage can be written by any script of this origin, so a cached file is served only if
// its bytes are this build's own, and a file this build does not have is never served from the
// cache at all.
const MANIFEST = null;

/** The built file a URL is served from, relative to the base: /course/lessons/x/ → /lessons/x/index.html. */
function builtPath(url) {
  let path = decodeURIComponent(new URL(url).pathname);
  path = `/${path.slice(BASE.length)}`;
  if (path.endsWith("/")) return `${path}index.html`;
  return /\.[^/]+$/.test(path) ? path : `${path}/index.html`;
}

async function sha256(response) {
  const digest = await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer());
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

/** The cached response, if it may be served: exactly this build's bytes. */
async function trusted(cache, key) {
  const cached = await cache.match(key);
  if (!cached || !MANIFEST) return cached;
  const want = MANIFEST[builtPath(typeof key === "string" ? key : key.url)];
  if (want !== undefined && (await sha256(cached)) === want) return cached;
  await cache.delete(key);
  return undefined;
}

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (OWN_CACHE(key) && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

// Stored without the query string: Pagefind asks for pagefind-entry.json?ts=<now>, and a page
// reached with ?query should still open offline.
function withoutSearch(request) {
  const url = new URL(request.url);
  url.search = "";
  return url.href;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(withoutSearch(request), response.clone());
    return response;
  } catch (error) {
    const cached = await trusted(cache, withoutSearch(request));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request, event) {
  const cache = await caches.open(CACHE);
  const cached = await trusted(cache, request);
  const refresh = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => {}));
    return cached;
  }
  return refresh;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Only plain reads of this site (same origin, under the base); ranges, other methods and the
  // rest of the origin go straight to the network.
  if (request.method !== "GET" || url.origin !== self.location.origin || request.headers.has("range")) return;
  if (!url.pathname.startsWith(BASE)) return;
  // `astro dev` on the same origin as an earlier `astro preview`: never serve its modules from cache.
  if (/^(@|src\/|node_modules\/)/.test(url.pathname.slice(BASE.length))) return;
  // Pages and Pagefind's entry file (which names the current index files) must be fresh online.
  if (request.mode === "navigate" || url.pathname.endsWith("/pagefind-entry.json")) {
    event.respondWith(networkFirst(request));
  } else event.respondWith(cacheFirst(request, event));
});
