import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { memory_read_packet, memory_seek, type BufferData } from "../../src/avio/memory.ts";
import type { Engine } from "../../src/avio/engine.ts";
import { decodeWithCallbacks, type DecodeRequest } from "../../src/avio/lifecycle.ts";

import { fixturesDir, mediaUrl } from "../media.ts";

export interface Reference {
  bytes: number;
  format: string | null;
  codec: string | null;
  sampleRate: number | null;
  channels: number | null;
  samples: number;
  md5: string;
  /** MD5 of native's f32le output (all 24 bits of a 24-bit source survive it). */
  md5f32: string;
  nativeExit: number;
  nativeError: string | null;
}

export const references: Record<string, Reference> = JSON.parse(
  readFileSync(new URL("references.json", fixturesDir), "utf8"),
).files;

/** Fixtures in a format or codec this build leaves out on purpose (scripts/make-fixtures.sh). */
export const isUnsupported = (name: string) => name.startsWith("unsupported-");

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(mediaUrl(name)));
}

/** Decodes bytes with the reference memory callbacks; md5 is over the output (s16le unless sample_fmt says f32). */
export function decodeBytes(engine: Engine, data: Uint8Array, over: Partial<DecodeRequest<BufferData>> = {}) {
  const md5 = createHash("md5");
  const outcome = decodeWithCallbacks<BufferData>(engine, {
    opaque: { data, pos: 0 },
    read_packet: memory_read_packet,
    seek: memory_seek,
    source_size: data.length,
    keep_samples: 0,
    on_samples: (s) => md5.update(new Uint8Array(s.buffer, s.byteOffset, s.byteLength)),
    ...over,
  });
  return { outcome, md5: md5.digest("hex") };
}
