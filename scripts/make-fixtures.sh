#!/usr/bin/env bash
# Makes the test media in test/fixtures/ with Debian's native ffmpeg (5.1.9) and
# records, per file, what native FFmpeg decodes from it (references.json).
# Usage: scripts/make-fixtures.sh [OUT_DIR] [SECONDS]
set -euo pipefail
out=${1:-"$(dirname "$0")/../test/fixtures"}
secs=${2:-2}
mkdir -p "$out"
cd "$out"
command -v ffmpeg >/dev/null || { apt-get update -qq && apt-get install -y -qq ffmpeg; }

ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
# A signal a codec cannot cheat on: two tones, a sweep, a little noise; channels differ.
src() { # rate channels
  local l="0.35*sin(2*PI*440*t)+0.2*sin(2*PI*(150+400*t)*t)+0.02*(random(0)-0.5)"
  local r="0.3*sin(2*PI*660*t)+0.15*sin(2*PI*55*t)+0.02*(random(1)-0.5)"
  local expr=$l; [ "$2" = 2 ] && expr="$l|$r"
  echo "-f lavfi -i aevalsrc=exprs=$expr:s=$1:d=$secs"
}

ff $(src 44100 2) -c:a libmp3lame -b:a 128k mp3-cbr-44k-stereo.mp3
ff $(src 48000 1) -c:a libmp3lame -q:a 4 -id3v2_version 3 -metadata title="avio-workbook" -metadata artist="sine" mp3-vbr-id3-48k-mono.mp3
ff $(src 44100 2) -c:a aac -b:a 96k -f adts aac-adts-44k-stereo.aac
ff $(src 48000 2) -c:a aac -b:a 96k m4a-moov-end-48k-stereo.m4a
ff $(src 44100 1) -c:a aac -b:a 64k -movflags +faststart m4a-faststart-44k-mono.m4a
ff $(src 44100 2) -c:a flac flac-44k-stereo.flac
ff $(src 22050 1) -c:a flac flac-22k-mono.flac
ff $(src 44100 2) -c:a libvorbis -q:a 3 ogg-vorbis-44k-stereo.ogg
ff $(src 48000 2) -c:a libopus -b:a 64k opus-48k-stereo.opus
ff $(src 48000 2) -c:a libopus -b:a 64k webm-opus-48k-stereo.webm
ff $(src 22050 1) -c:a libvorbis -q:a 2 mka-vorbis-22k-mono.mka
ff $(src 44100 2) -c:a pcm_s16le wav-s16-44k-stereo.wav
ff $(src 22050 1) -c:a pcm_s16le wav-s16-22k-mono.wav
ff $(src 48000 1) -c:a pcm_f32le wav-f32-48k-mono.wav

# Broken inputs: FFmpeg must report an error or a partial decode, never crash or hang.
cut_to() { head -c "$(( $(stat -c %s "$1") * $2 / 100 ))" "$1" > "$3"; }
cut_to m4a-faststart-44k-mono.m4a 40 truncated-m4a-faststart.m4a
cut_to flac-44k-stereo.flac 50 truncated-flac.flac
cut_to mp3-cbr-44k-stereo.mp3 30 truncated-mp3.mp3
cut_to m4a-moov-end-48k-stereo.m4a 90 truncated-m4a-moov-end.m4a
: > empty.bin
# Deterministic garbage (no recognisable container).
node -e 'let x=12345;const b=Buffer.alloc(8192);for(let i=0;i<b.length;i++){x=(x*1103515245+12345)>>>0;b[i]=x>>>24}process.stdout.write(b)' > garbage.bin

# References: native decode to interleaved s16le, no SIMD (the wasm build has none).
node - <<'JS'
const { execFileSync, spawnSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const refs = {};
for (const file of fs.readdirSync(".").filter((f) => !f.endsWith(".json")).sort()) {
  const probe = spawnSync("ffprobe", ["-v", "error", "-show_entries", "format=format_name:stream=codec_name,sample_rate,channels", "-of", "json", file], { encoding: "utf8" });
  const dec = spawnSync("ffmpeg", ["-hide_banner", "-v", "error", "-cpuflags", "0", "-threads", "1", "-i", file, "-f", "s16le", "-"], { maxBuffer: 1 << 30 });
  const info = probe.status === 0 ? JSON.parse(probe.stdout) : null;
  const st = info?.streams?.[0];
  const pcm = dec.stdout;
  refs[file] = {
    bytes: fs.statSync(file).size,
    format: info?.format?.format_name ?? null,
    codec: st?.codec_name ?? null,
    sampleRate: st ? Number(st.sample_rate) : null,
    channels: st?.channels ?? null,
    samples: st ? pcm.length / 2 / st.channels : 0,
    md5: createHash("md5").update(pcm).digest("hex"),
    nativeExit: dec.status,
    nativeError: dec.status === 0 ? null : dec.stderr.toString().trim().split("\n").pop(),
  };
}
fs.writeFileSync("references.json", JSON.stringify({ ffmpeg: execFileSync("ffmpeg", ["-version"], { encoding: "utf8" }).split("\n")[0], decode: "ffmpeg -cpuflags 0 -threads 1 -i FILE -f s16le -", files: refs }, null, 2) + "\n");
JS
echo "fixtures in $(pwd): $(ls | wc -l) files, $(du -sh . | cut -f1)"
