#!/usr/bin/env bash
# Every test, as on a fresh machine: unit tests (Vitest), the site build (Astro + Pagefind),
# browser tests (Playwright driving Debian's chromium against the built site), then the smoke
# suites in Debian's Firefox ESR and WebKitGTK (test/cross-browser/).
# Run through `npm test`, so node_modules/.bin (and its Node 22) comes first on PATH.
set -uo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1

CHROMIUM=/usr/bin/chromium
export FIREFOX=/usr/bin/firefox-esr WEBKIT_DRIVER=/usr/bin/WebKitWebDriver
# The drivers never fetch browsers: every engine is Debian's.
export PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROME_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# A CJK font is optional: without it the zh-cn screenshots show empty boxes, but tests still pass.
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
[ -x "$FIREFOX" ] || missing+=(firefox-esr)
[ -x "$WEBKIT_DRIVER" ] || missing+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || missing+=(xvfb)
# Native FFmpeg 5.1.9 is the reference the engine tests compare against.
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
fc-list 2>/dev/null | grep -qi 'wenquanyi\|noto sans cjk' || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ]; then
  echo "test: installing Debian packages for the browser tests: ${missing[*]}" >&2
  apt-get -o DPkg::Lock::Timeout=300 update && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y "${missing[@]}" || exit 1
fi
if ! command -v ffmpeg >/dev/null; then
  echo "test: the engine tests need Debian's ffmpeg (the reference decoder): run 'sudo apt-get install -y ffmpeg', then 'npm test' again" >&2
  exit 1
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "test: browser tests need Debian's chromium: run 'sudo apt-get install -y chromium', then 'npm test' again" >&2
  exit 1
fi

mkdir -p test-results
rm -f test-results/vitest.json test-results/playwright.json test-results/cross-browser-*.json
status=0
times=()
step() {
  local name=$1 t0=$SECONDS
  echo
  echo "== $name"
  shift
  "$@" || { status=1; echo "== FAILED: $*" >&2; }
  times+=("$(printf '%6d s  %s' $((SECONDS - t0)) "$name")")
}

# astro sync writes .astro/types.d.ts (astro:content, import.meta.glob, ?url), which tsc reads.
step "lint (biome + dependency-cruiser)" npm run --silent lint
step "type check (astro sync + tsc)" bash -c "astro sync >/dev/null && tsc --noEmit -p ."
step "unit tests (vitest)" vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
step "site build (astro + pagefind)" npm run build
if [ -f dist/pagefind/pagefind-ui.js ]; then
  step "browser tests (playwright + chromium)" playwright test
  # After Playwright, whose astro preview has stopped (Astro runs one preview per project).
  step "browser smoke tests (firefox-esr + webkitgtk)" node test/cross-browser/run.ts firefox webkit
else
  echo "== skipping browser tests: the site did not build" >&2
  status=1
fi

echo
echo "== time per step (load: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${times[@]}"
printf '%6d s  total\n' "$SECONDS"
node test/slowest.mjs test-results/vitest.json test-results/playwright.json test-results/cross-browser-firefox.json test-results/cross-browser-webkit.json
echo
echo "== summary"
node test/summary.mjs test-results/vitest.json test-results/playwright.json test-results/cross-browser-firefox.json test-results/cross-browser-webkit.json || status=1
exit $status
