#!/usr/bin/env bash
# Makes the test media with Debian's native ffmpeg (5.1.9) and records, per file, what native
# FFmpeg decodes from it (references.json). By default the media the site and the grader serve
# go to src/media/ (one copy: production code never reads test/), the rest and references.json
# to test/fixtures/. Given OUT_DIR, every file goes there.
# Usage: scripts/make-fixtures.sh [OUT_DIR] [SECONDS]
#        scripts/make-fixtures.sh --references [DIR]   only rewrite DIR/references.json
# (Ogg and Matroska files get random stream serials/UIDs, so a full run changes their bytes
# though not their audio; --references keeps the committed media and re-derives the references.)
set -euo pipefail
refs_only=0
if [ "${1:-}" = --references ]; then refs_only=1; shift; fi
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-"$here/test/fixtures"}
media=$out
[ $# -ge 1 ] || media="$here/src/media"
# Served: playground samples (src/playground/media.ts), exercise and lesson-claim media.
served=(aac-adts-44k-stereo.aac empty.bin flac-22k-mono.flac flac-44k-stereo.flac garbage.bin
  m4a-faststart-44k-mono.m4a m4a-moov-end-48k-stereo.m4a mka-vorbis-22k-mono.mka mp3-cbr-44k-stereo.mp3
  mp3-vbr-id3-48k-mono.mp3 ogg-vorbis-44k-stereo.ogg opus-48k-stereo.opus truncated-m4a-faststart.m4a
  wav-f32-48k-mono.wav wav-s16-22k-mono.wav wav-s16-44k-stereo.wav webm-opus-48k-stereo.webm)
secs=${2:-2}
mkdir -p "$out"
cd "$out"
command -v ffmpeg >/dev/null || { apt-get update -qq && apt-get install -y -qq ffmpeg; }

make_media() {
  ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
  # A signal a codec cannot cheat on: two tones, a sweep, a little noise; channels differ.
  src() { # rate channels [seconds]
    local l="0.35*sin(2*PI*440*t)+0.2*sin(2*PI*(150+400*t)*t)+0.02*(random(0)-0.5)"
    local r="0.3*sin(2*PI*660*t)+0.15*sin(2*PI*55*t)+0.02*(random(1)-0.5)"
    local expr=$l; [ "$2" = 2 ] && expr="$l|$r"
    echo "-f lavfi -i aevalsrc=exprs=$expr:s=$1:d=${3:-$secs}"
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

  # What learners' own files carry besides: recorders' and DAWs' 24/32-bit and float WAV, 8-bit
  # WAV, telephony a-law/mu-law, macOS AIFF and AIFF-C, Apple Lossless in M4A. A quarter second
  # each (whatever SECONDS says): enough for several packets, small in the repository.
  short=0.25
  ff $(src 48000 2 $short) -c:a pcm_s24le wav-s24-48k-stereo.wav
  ff $(src 44100 1 $short) -c:a pcm_s32le wav-s32-44k-mono.wav
  ff $(src 22050 1 $short) -c:a pcm_u8 wav-u8-22k-mono.wav
  ff $(src 22050 1 $short) -c:a pcm_f64le wav-f64-22k-mono.wav
  ff $(src 8000 1 $short) -c:a pcm_alaw wav-alaw-8k-mono.wav
  ff $(src 8000 1 $short) -c:a pcm_mulaw wav-mulaw-8k-mono.wav
  ff $(src 44100 2 $short) -c:a pcm_s16be aiff-s16-44k-stereo.aiff
  ff $(src 48000 1 $short) -c:a pcm_s24be aiff-s24-48k-mono.aiff
  ff $(src 22050 1 $short) -c:a pcm_s32be aiff-s32-22k-mono.aiff
  ff $(src 22050 1 $short) -c:a pcm_s8 aiff-s8-22k-mono.aiff
  ff $(src 22050 1 $short) -c:a pcm_f32be aifc-f32-22k-mono.aiff
  ff $(src 44100 2 $short) -c:a alac alac-44k-stereo.m4a
  ff $(src 48000 1 $short) -c:a alac -sample_fmt s32p alac-s24-48k-mono.m4a
  # Surround from a WAVE_FORMAT_EXTENSIBLE mask (FFmpeg names it "5.1"), and an MP3 with cover art
  # (an attached picture: a video stream that is not a video).
  ff $(src 8000 2 $short) -af "pan=5.1|FL=c0|FR=c1|FC=0.5*c0+0.5*c1|LFE=0.2*c0|BL=0.7*c0|BR=0.7*c1" -c:a pcm_s16le wav-s16-8k-5.1.wav
  ff $(src 22050 1 $short) -f lavfi -i color=c=orange:s=16x16:d=1 -map 0:a -map 1:v -frames:v 1 \
    -c:a libmp3lame -b:a 32k -c:v png -disposition:v attached_pic -id3v2_version 3 mp3-cover-22k-mono.mp3

  # Not built into the engine (on purpose): the errors must name what is missing.
  ff $(src 22050 1 $short) -c:a adpcm_ima_wav unsupported-adpcm-ima-22k-mono.wav
  ff $(src 22050 1 $short) -c:a pcm_s16le -f caf unsupported-caf-22k-mono.caf

  # Broken inputs: FFmpeg must report an error or a partial decode, never crash or hang.
  cut_to() { head -c "$(( $(stat -c %s "$1") * $2 / 100 ))" "$1" > "$3"; }
  cut_to m4a-faststart-44k-mono.m4a 40 truncated-m4a-faststart.m4a
  cut_to flac-44k-stereo.flac 50 truncated-flac.flac
  cut_to mp3-cbr-44k-stereo.mp3 30 truncated-mp3.mp3
  cut_to m4a-moov-end-48k-stereo.m4a 90 truncated-m4a-moov-end.m4a
  : > empty.bin
  # Deterministic garbage (no recognisable container).
  node -e 'let x=12345;const b=Buffer.alloc(8192);for(let i=0;i<b.length;i++){x=(x*1103515245+12345)>>>0;b[i]=x>>>24}process.stdout.write(b)' > garbage.bin
}
if [ "$refs_only" = 0 ]; then
  make_media
  if [ "$media" != "$out" ]; then mkdir -p "$media" && mv -f "${served[@]}" "$media/"; fi
fi

# References: native decode to interleaved s16le, no SIMD (the wasm build has none).
MEDIA=$media node - <<'JS'
const { execFileSync, spawnSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const refs = {};
const dirs = [...new Set([".", process.env.MEDIA])];
const paths = new Map(dirs.flatMap((d) => fs.readdirSync(d).filter((f) => !f.endsWith(".json")).map((f) => [f, d])));
// Each file is decoded from its own folder, so error messages name the file alone.
for (const [file, cwd] of [...paths].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const probe = spawnSync("ffprobe", ["-v", "error", "-show_entries", "format=format_name:stream=codec_name,sample_rate,channels", "-of", "json", file], { cwd, encoding: "utf8" });
  const decode = (fmt) => spawnSync("ffmpeg", ["-hide_banner", "-v", "error", "-cpuflags", "0", "-threads", "1", "-i", file, "-f", fmt, "-"], { cwd, maxBuffer: 1 << 30 });
  const dec = decode("s16le");
  // f32 keeps all 24 bits of 24-bit sources, which s16 output would cut off.
  const decF32 = decode("f32le");
  const info = probe.status === 0 ? JSON.parse(probe.stdout) : null;
  const st = info?.streams?.[0];
  const pcm = dec.stdout;
  refs[file] = {
    bytes: fs.statSync(`${cwd}/${file}`).size,
    format: info?.format?.format_name ?? null,
    codec: st?.codec_name ?? null,
    sampleRate: st ? Number(st.sample_rate) : null,
    channels: st?.channels ?? null,
    samples: st ? pcm.length / 2 / st.channels : 0,
    md5: createHash("md5").update(pcm).digest("hex"),
    md5f32: createHash("md5").update(decF32.stdout).digest("hex"),
    nativeExit: dec.status,
    nativeError: dec.status === 0 ? null : dec.stderr.toString().trim().split("\n").pop(),
  };
}
fs.writeFileSync("references.json", JSON.stringify({ ffmpeg: execFileSync("ffmpeg", ["-version"], { encoding: "utf8" }).split("\n")[0], decode: "ffmpeg -cpuflags 0 -threads 1 -i FILE -f s16le - (md5f32: -f f32le)", files: refs }, null, 2) + "\n");
JS
echo "fixtures in $(pwd): $(ls | wc -l) files, $(du -sh . | cut -f1)"
