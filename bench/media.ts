// Test media for the bench: the fixture generator's files at a given length
// (cached in the temp dir), one file per codec, with native FFmpeg's sample count.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface CodecSpec {
  id: string;
  label: string;
  file: string;
}

/** The codecs compared, each by one representative file of scripts/make-fixtures.sh. */
export const CODECS: readonly CodecSpec[] = [
  { id: "mp3", label: "MP3", file: "mp3-cbr-44k-stereo.mp3" },
  { id: "aac", label: "AAC (ADTS)", file: "aac-adts-44k-stereo.aac" },
  { id: "aac-m4a", label: "AAC (M4A)", file: "m4a-faststart-44k-mono.m4a" },
  { id: "flac", label: "FLAC", file: "flac-44k-stereo.flac" },
  { id: "vorbis", label: "Vorbis (Ogg)", file: "ogg-vorbis-44k-stereo.ogg" },
  { id: "opus", label: "Opus (Ogg)", file: "opus-48k-stereo.opus" },
  { id: "pcm_s16le", label: "WAV s16", file: "wav-s16-44k-stereo.wav" },
  { id: "pcm_f32le", label: "WAV f32", file: "wav-f32-48k-mono.wav" },
];
/** --quick: two codecs, one cheap and one expensive to decode. */
export const QUICK_CODECS = ["mp3", "flac"];

export interface MediaFile {
  codec: CodecSpec;
  seconds: number;
  path: string;
  /** URL path under the bench server's /__bench/media/ mount. */
  urlPath: string;
  bytes: number;
  sampleRate: number;
  channels: number;
  /** Samples per channel native FFmpeg decodes (references.json). */
  samples: number;
}

/** Makes (once) and returns the media of one length for the chosen codecs. */
export function ensureMedia(root: string, seconds: number, codecs: readonly CodecSpec[]): MediaFile[] {
  const dir = join(tmpdir(), `avio-bench-${seconds}s`);
  if (!existsSync(join(dir, "references.json"))) {
    mkdirSync(dir, { recursive: true });
    console.error(`making ${seconds} s test media in ${dir} …`);
    execFileSync("bash", [join(root, "scripts/make-fixtures.sh"), dir, String(seconds)], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  const refs = JSON.parse(readFileSync(join(dir, "references.json"), "utf8")).files;
  return codecs.map((codec) => {
    const r = refs[codec.file];
    if (r?.nativeExit !== 0)
      throw new Error(`${dir}/${codec.file}: missing or not decodable natively (regenerate: rm -r ${dir})`);
    return {
      codec,
      seconds,
      path: join(dir, codec.file),
      urlPath: `/__bench/media/${seconds}s/${codec.file}`,
      bytes: r.bytes,
      sampleRate: r.sampleRate,
      channels: r.channels,
      samples: r.samples,
    };
  });
}

export const mediaDir = (seconds: number) => join(tmpdir(), `avio-bench-${seconds}s`);
