import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS } from "./bench/browser.ts";

/** Browser tests run against the built site (`npm run build`) served by `astro preview`. */
const PORT = Number(process.env.PW_PORT ?? 4329); // PW_PORT: a second checkout can run its own preview
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "test/browser",
  testMatch: "*.spec.ts",
  // Kept apart from test-results/screenshots, which Playwright must not wipe.
  outputDir: "test-results/playwright",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Ceilings, not waits: every expectation polls for its state and returns as soon as it holds.
  // They are generous because a busy 2-core machine can take many seconds to compile the engine,
  // index a search or start a worker, and a slow pass is still a pass.
  // Tests name no shorter timeout of their own: a run's 20 s time budget fits under this ceiling,
  // and so does a wasm compile on two cores shared with a stress load.
  timeout: 120_000,
  expect: { timeout: 60_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's chromium (installed by scripts/test.sh); Playwright's own browser download is not used.
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
    },
  },
  webServer: {
    command: `astro preview --host 127.0.0.1 --port ${PORT}`,
    url: `${BASE_URL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: "1" },
  },
});
