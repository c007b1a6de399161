// Learner code the suites run: what the browser suites type into playgrounds and the runtime tests
// compile, a correct read_packet over bytes in memory (and its seek); and a Run request for a media file.
import { readFileSync } from "node:fs";
import type { ReadyRequest } from "../src/runtime/run-request.ts";
import { mediaUrl } from "./media.ts";

export const READ_PACKET = `import { AVERROR_EOF } from "avio";
interface BufferData { data: Uint8Array; pos: number }
export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
`;
export const SEEK = `import { AVSEEK_SIZE, SEEK_SET, SEEK_CUR, SEEK_END, AVSEEK_FORCE, AVERROR, EINVAL } from "avio";
export function seek(o: { data: Uint8Array; pos: number }, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return o.data.length;
  whence &= ~AVSEEK_FORCE;
  const to = whence === SEEK_SET ? offset : whence === SEEK_CUR ? o.pos + offset : whence === SEEK_END ? o.data.length + offset : -1;
  if (to < 0 || to > o.data.length) return AVERROR(EINVAL);
  return (o.pos = to);
}`;

/** An exercise's starter as the page shows it (src/exercises/<id>/starter[.zh-cn].ts). */
export const starterOf = (id: string, lang: "en" | "zh-cn" = "en") =>
  readFileSync(
    new URL(`../src/exercises/${id}/starter${lang === "en" ? "" : ".zh-cn"}.ts`, import.meta.url),
    "utf8",
  );

/**
 * The starter with an edit that changes nothing it does: a Check runs the tests (the starter as it
 * was is `unchanged` and never run) and they fail as they fail on the starter.
 */
export const touchedStarter = (id: string, lang: "en" | "zh-cn" = "en") =>
  `${starterOf(id, lang)}
export const attempt = 1;
`;

/** A decode Run of `code` on a media file (src/media or test/fixtures), with its seek, 4 KiB buffer. */
export function runRequestFor(code: string, media: string, over: Partial<ReadyRequest> = {}): ReadyRequest {
  const bytes = readFileSync(mediaUrl(media));
  return {
    type: "run",
    id: 1,
    code,
    mode: "decode",
    media: {
      name: media,
      bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    },
    buffer_size: 4096,
    useSeek: true,
    ...over,
  };
}
