// Native FFmpeg (Debian's /usr/bin/ffmpeg), one thread: its own -benchmark
// rtime (process start excluded) and the wall time of the whole process.
import { spawnSync } from "node:child_process";
import { execFileSync } from "node:child_process";

export const NATIVE_FFMPEG = "ffmpeg";

export interface NativeTime {
  rtimeMs: number;
  wallMs: number;
}

export function nativeDecode(file: string, extra: string[] = []): NativeTime {
  const t0 = performance.now();
  const r = spawnSync(
    NATIVE_FFMPEG,
    [
      "-hide_banner",
      "-nostdin",
      "-threads",
      "1",
      ...extra,
      "-benchmark",
      "-i",
      file,
      "-f",
      "s16le",
      "-y",
      "/dev/null",
    ],
    { encoding: "utf8" },
  );
  const wallMs = performance.now() - t0;
  const m = /rtime=([\d.]+)s/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`native ffmpeg failed on ${file}:\n${r.stderr}`);
  return { rtimeMs: Number(m[1]) * 1000, wallMs };
}

export function nativeVersion(): string {
  return execFileSync(NATIVE_FFMPEG, ["-version"], { encoding: "utf8" })
    .split("\n")[0]
    .replace(/ Copyright.*/, "");
}
