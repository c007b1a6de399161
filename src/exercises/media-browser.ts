// Exercise media in the browser: src/media, bundled as assets and fetched on demand.
import type { MediaSource } from "./harness.ts";

const urls = import.meta.glob("../media/*.{mp3,aac,m4a,flac,ogg,opus,webm,mka,wav,bin}", {
  query: "?url",
  import: "default",
  eager: true,
}) as Record<string, string>;

const byName = new Map(Object.entries(urls).map(([path, url]) => [path.split("/").pop()!, url]));
const cache = new Map<string, Promise<Uint8Array>>();

/** `fetchFn` is passed in: the runner worker removes the global fetch before learner code runs. */
export function browserMedia(fetchFn: typeof fetch): MediaSource {
  return {
    bytes(name) {
      const url = byName.get(name);
      if (!url) return Promise.reject(new Error(`no media named ${name}`));
      if (!cache.has(name))
        cache.set(
          name,
          fetchFn(url).then(async (r) => new Uint8Array(await r.arrayBuffer())),
        );
      // Each caller gets its own copy: the learner's code may change the bytes it is handed.
      return cache.get(name)!.then((b) => b.slice());
    },
  };
}
