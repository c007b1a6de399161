// Finds a media file by name for a test. The media the site and the grader serve (playground
// samples, exercise media, hidden media) live once in src/media; test-only fixtures and native
// FFmpeg's references (references.json, covering both folders) stay in test/fixtures.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const mediaDir = new URL("../src/media/", import.meta.url);
export const fixturesDir = new URL("./fixtures/", import.meta.url);

/** The file's URL: src/media when the site serves it, else test/fixtures. */
export function mediaUrl(name: string): URL {
  const served = new URL(name, mediaDir);
  return existsSync(served) ? served : new URL(name, fixturesDir);
}

export const mediaPath = (name: string): string => fileURLToPath(mediaUrl(name));
