#!/usr/bin/env bash
# Rebuilds wasm/dist/ from nothing: Debian's emscripten (emcc 3.1.6) + FFmpeg 5.1.9 from
# Debian's source package. Run as root on a Debian bookworm machine (apt is used).
#   wasm/build.sh            full build (fetch, configure, make, link)
#   wasm/build.sh link       relink the glue only (FFmpeg libraries already built)
#   wasm/build.sh patch      apply wasm/patches/ to the fetched source (part of fetch)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# Overridable to try variants (wasm/README.md records what was measured).
work=${AVIO_BUILD_DIR:-"$here/build"}    # scratch, gitignored
dist=${AVIO_DIST_DIR:-"$here/dist"}
# SIMD only where wasm/patches/ put it by hand (bit-exact with the C code);
# clang's autovectorizer made flac slower and nothing faster (wasm/README.md).
# The -fno-*vectorize flags go in optflags: configure puts those after
# extra-cflags, and a later -O3 turns the vectorizers back on.
cflags=${AVIO_CFLAGS:-"-msimd128"}
optflags=${AVIO_OPTFLAGS:-"-O3 -fno-vectorize -fno-slp-vectorize"}
# libavformat (demuxers, muxers, probing) is cold: per packet, not per sample. Built for size it
# is 7 KB gzip smaller at the same decode time (wasm/README.md "Size with the new codecs").
cold_optflags=${AVIO_COLD_OPTFLAGS:-"-Os -fno-vectorize -fno-slp-vectorize"}
# dlmalloc (the default), not emmalloc: emmalloc is 4 KB gzip smaller, but its mallinfo does not
# come back to the same number after a run that frees everything (wasm/README.md "Size").
# The loader reads only the Module options engine.ts passes, assumes TextDecoder (every
# browser with wasm SIMD has it) and carries no setjmp/longjmp support (FFmpeg uses none).
ldflags=${AVIO_LDFLAGS:-"-O3 -msimd128 -sINCOMING_MODULE_JS_API=[wasmBinary,instantiateWasm,print,printErr] -sTEXTDECODER=2 -sSUPPORT_LONGJMP=0"}
# A second binaryen pass after emcc's own -O3: 0.7 KB gzip, same speed.
wasm_opt=${AVIO_WASM_OPT:-"-O3 --converge"}
ffmpeg_version=5.1.9
export NODE_PATH=/usr/share/nodejs   # emcc's JS optimizer needs Debian's node-acorn

need_apt() { dpkg -s "$@" >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; }; }

fetch_source() {
  need_apt emscripten binaryen dpkg-dev patch
  local src_list=/etc/apt/sources.list.d/deb-src-for-ffmpeg.sources
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    # Same archives as the binary entries, source packages only.
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$src_list"
    apt-get update -qq
  fi
  mkdir -p "$work"
  if [ ! -d "$work/ffmpeg-$ffmpeg_version" ]; then
    (cd "$work" && apt-get source -qq ffmpeg)
  fi
  local got
  got=$(cat "$work/ffmpeg-$ffmpeg_version/VERSION" 2>/dev/null || true)
  [ "$got" = "$ffmpeg_version" ] || { echo "build.sh: expected FFmpeg $ffmpeg_version, source says '$got'" >&2; exit 1; }
  apply_patches
}

# wasm SIMD versions of hot DSP functions (wasm/patches/*.patch), applied once.
apply_patches() {
  local p src="$work/ffmpeg-$ffmpeg_version"
  for p in "$here"/patches/*.patch; do
    if patch -d "$src" -p1 -R --dry-run -s -f < "$p" >/dev/null 2>&1; then continue; fi
    patch -d "$src" -p1 -N -s < "$p"
  done
}

# One list, used for configure and recorded in the manifest.
configure_flags=(
  --target-os=none --arch=x86_32 --enable-cross-compile
  --cc=emcc --cxx=em++ --ar=emar --ranlib=emranlib --nm=emnm --dep-cc=emcc
  --disable-asm --disable-x86asm --disable-inline-asm --disable-runtime-cpudetect
  --disable-pthreads --disable-w32threads --disable-os2threads
  --disable-programs --disable-doc --disable-debug --disable-network --disable-autodetect
  --disable-everything --disable-iconv
  --disable-avdevice --disable-avfilter --disable-swscale --disable-postproc
  --enable-demuxer=wav,aiff,mp3,flac,ogg,mov,aac,matroska
  # mp3float only: avcodec_find_decoder picks it before the fixed-point mp3
  # decoder (allcodecs.c order), so that one was dead weight (wasm/README.md).
  --enable-decoder=mp3float,aac,flac,vorbis,opus,alac
  # The PCM a learner's WAV/AIFF/M4A files carry (pcm_s8/s32be/f32be: AIFF, AIFF-C).
  --enable-decoder=pcm_s16le,pcm_s16be,pcm_s24le,pcm_s24be,pcm_s32le,pcm_s32be,pcm_u8,pcm_s8
  --enable-decoder=pcm_f32le,pcm_f32be,pcm_f64le,pcm_alaw,pcm_mulaw
  --enable-parser=mpegaudio,aac,flac,vorbis,opus
  # mp4/ipod(m4a)/mov are one muxer, movenc.c (mp4 and ipod select mov). alac: lossless, small,
  # and accepted in all three modes; flac in mp4 needs strict=experimental in 5.1.9 and PCM is
  # refused in mp4/ipod (wasm/README.md "MP4 output").
  --enable-muxer=wav,flac,mov,mp4,ipod
  --enable-encoder=pcm_s16le,flac,alac
  --enable-swresample
  "--extra-cflags=$cflags"
  "--optflags=$optflags"
)

configure_ffmpeg() {
  local flags=("${configure_flags[@]}")
  (cd "$work/ffmpeg-$ffmpeg_version" && emconfigure ./configure "${flags[@]}")
  tune_config
}

# configure knows no wasm arch, so it falls back to generic C with none of the
# "fast" features; wasm has unaligned loads, clz and 64-bit integers in hardware.
tune_config() {
  local src="$work/ffmpeg-$ffmpeg_version" f
  for f in UNALIGNED CLZ 64BIT CMOV; do
    sed -i "s/^#define HAVE_FAST_$f 0$/#define HAVE_FAST_$f 1/" "$src/config.h"
    sed -i "s/^!HAVE_FAST_$f=yes$/HAVE_FAST_$f=yes/" "$src/ffbuild/config.mak"
  done
  sed -i 's/^#define AV_HAVE_FAST_UNALIGNED 0$/#define AV_HAVE_FAST_UNALIGNED 1/' "$src/libavutil/avconfig.h"
  # A later -O wins in clang, so this overrides optflags for libavformat's objects only.
  if [ -n "$cold_optflags" ]; then
    printf '\n# wasm/build.sh: cold code for size\nlibavformat/%%.o: CFLAGS += %s\n' "$cold_optflags" >> "$src/ffbuild/config.mak"
  fi
}

make_ffmpeg() {
  (cd "$work/ffmpeg-$ffmpeg_version" && emmake make -j"$(nproc)")
}

link_glue() {
  local src="$work/ffmpeg-$ffmpeg_version"
  mkdir -p "$dist"
  # shellcheck disable=SC2086
  emcc $ldflags -I"$src" "$here"/glue/*.c \
    "$src/libavformat/libavformat.a" "$src/libavcodec/libavcodec.a" \
    "$src/libswresample/libswresample.a" "$src/libavutil/libavutil.a" \
    -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createAvioModule \
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=16MB -sMAXIMUM_MEMORY=1GB \
    -sENVIRONMENT=web,worker -sFILESYSTEM=0 \
    -sEXPORTED_RUNTIME_METHODS=HEAPU8,HEAP32,HEAPF64,UTF8ToString,stringToUTF8,lengthBytesUTF8 \
    -sEXPORTED_FUNCTIONS=_malloc,_free \
    -o "$dist/avio-engine.mjs"
  # shellcheck disable=SC2086
  if [ -n "$wasm_opt" ]; then wasm-opt --enable-simd $wasm_opt "$dist/avio-engine.wasm" -o "$dist/avio-engine.wasm"; fi
  write_manifest
  # The TS constants come from the values compiled in (errno differs from Linux).
  if [ "$dist" = "$here/dist" ]; then (cd "$here/.." && npx --no-install node scripts/gen-constants.mjs); fi
}

write_manifest() {
  local sha emcc_version flags_json patches_json
  sha=$(sha256sum "$dist/avio-engine.wasm" | cut -d' ' -f1)
  emcc_version=$(emcc --version | sed -n '1s/.*) //p' | cut -d' ' -f1)   # no head: SIGPIPE + pipefail
  patches_json=$(cd "$here/patches" && for p in *.patch; do printf '%s %s\n' "$p" "$(sha256sum "$p" | cut -c1-16)"; done | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify(Object.fromEntries(s.trim().split("\n").map(l=>l.split(" "))))))')
  flags_json=$(printf '%s\n' "${configure_flags[@]}" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify(s.trim().split("\n"))))')
  cat > "$dist/manifest.json" <<JSON
{
  "ffmpeg": "$ffmpeg_version",
  "ffmpegSource": "Debian source package ffmpeg $(dpkg-query -W -f='${Version}' ffmpeg 2>/dev/null || echo "$ffmpeg_version")",
  "emcc": "$emcc_version",
  "configure": $flags_json,
  "configTuned": ["HAVE_FAST_UNALIGNED", "HAVE_FAST_CLZ", "HAVE_FAST_64BIT", "HAVE_FAST_CMOV"],
  "patches": $patches_json,
  "coldOptflags": {"libavformat": "$cold_optflags"},
  "ldflags": "$ldflags",
  "wasmOpt": "$wasm_opt",
  "wasm": "avio-engine.wasm",
  "loader": "avio-engine.mjs",
  "sha256": "$sha"
}
JSON
  echo "wrote $dist/manifest.json (sha256 $sha)"
}

case "${1:-all}" in
  all) fetch_source; configure_ffmpeg; make_ffmpeg; link_glue ;;
  fetch) fetch_source ;;
  patch) apply_patches ;;
  configure) configure_ffmpeg ;;
  make) make_ffmpeg ;;
  link) link_glue ;;
  *) echo "usage: wasm/build.sh [all|fetch|patch|configure|make|link]" >&2; exit 2 ;;
esac
