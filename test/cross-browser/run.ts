// Runs the smoke suite (smoke.ts) in Firefox ESR and WebKitGTK against the built site, served by
// `astro preview` on its own port (Playwright uses 4329). Usage:
//   node test/cross-browser/run.ts [firefox] [webkit] [--port N] [--grep TEXT]
// Every test name starts with the engine ("firefox › …"), failures leave a screenshot
// (test-results/screenshots/<engine>-FAILED-*.png), each engine writes
// test-results/cross-browser-<engine>.json for test/summary.mjs, and the last line is
// "N passed, N failed".
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Driver } from "./driver.ts";
import { launchFirefox } from "./firefox.ts";
import { cases } from "./smoke.ts";
import { launchWebKit } from "./webkit.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIST = new URL("../../dist/", import.meta.url);
const SHOTS = join(ROOT, "test-results/screenshots");
const ENGINES: Record<string, (baseUrl: string) => Promise<Driver>> = {
  firefox: launchFirefox,
  webkit: launchWebKit,
};
/** Per test: generous for a busy 2-core machine; every wait inside has its own, shorter deadline. */
const CASE_TIMEOUT_MS = 120_000;

interface TestReport {
  name: string;
  status: "passed" | "failed";
  ms: number;
  error?: string;
}

const args = process.argv.slice(2);
const portFlag = args.indexOf("--port");
const PORT = portFlag >= 0 ? Number(args.splice(portFlag, 2)[1]) : 4339;
let BASE_URL = `http://127.0.0.1:${PORT}`;
const grepFlag = args.indexOf("--grep");
const GREP = grepFlag >= 0 ? args.splice(grepFlag, 2)[1]! : "";
const engines = args.length ? args : Object.keys(ENGINES);
for (const e of engines)
  if (!ENGINES[e]) throw new Error(`unknown engine "${e}" (known: ${Object.keys(ENGINES).join(", ")})`);

const answers = () =>
  fetch(`${BASE_URL}/`).then(
    (r) => r.ok,
    () => false,
  );

/** Serves dist/ with astro preview, or reuses a preview already answering on the port (as Playwright does). */
async function startPreview(): Promise<ChildProcess | null> {
  if (!existsSync(new URL("pagefind/pagefind-ui.js", DIST)))
    throw new Error("no built site in dist/: run `npm run build` first");
  if (await answers()) {
    console.log(`cross-browser: reusing the server on ${BASE_URL}`);
    return null;
  }
  const proc = spawn(
    join(ROOT, "node_modules/.bin/astro"),
    ["preview", "--host", "127.0.0.1", "--port", String(PORT)],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
    },
  );
  let stderr = "";
  proc.stderr!.on("data", (d) => (stderr += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) {
      // Astro serves one preview per project: use the one already running (same dist/).
      const running = /already running[\s\S]*?URL:\s*(http\S+)/.exec(stderr);
      if (running) {
        BASE_URL = running[1]!.replace(/\/$/, "");
        console.log(`cross-browser: reusing this project's astro preview on ${BASE_URL}`);
        return null;
      }
      throw new Error(`astro preview exited with ${proc.exitCode}: ${stderr.trim()}`);
    }
    if (await answers()) return proc;
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill();
  throw new Error(`astro preview did not answer on ${BASE_URL} within 60 s`);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms)),
    ),
  ]).finally(() => clearTimeout(timer));
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

async function runEngine(engine: string): Promise<{ version: string; tests: TestReport[] }> {
  const tests: TestReport[] = [];
  const record = (t: TestReport) => {
    tests.push(t);
    const mark = t.status === "passed" ? "✓" : "✘";
    console.log(`  ${mark} ${t.name} (${(t.ms / 1000).toFixed(1)} s)`);
    if (t.error) console.log(`      ${t.error.replace(/\n/g, "\n      ")}`);
  };
  for (const f of readdirSync(SHOTS)) if (f.startsWith(`${engine}-`)) rmSync(join(SHOTS, f)); // last run's, failures included
  const t0 = Date.now();
  let driver: Driver;
  try {
    driver = await withTimeout(ENGINES[engine]!(BASE_URL), 60_000, `starting ${engine}`);
  } catch (e) {
    record({
      name: `${engine} › the browser starts`,
      status: "failed",
      ms: Date.now() - t0,
      error: e instanceof Error ? e.message : String(e),
    });
    return { version: engine, tests };
  }
  console.log(`${engine}: ${driver.version} (started in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const shot = async (name: string, selector?: string) =>
    driver.screenshot(join(SHOTS, `${engine}-${name}.png`), selector);
  try {
    for (const c of cases.filter((c) => c.name.includes(GREP))) {
      const name = `${engine} › ${c.name}`;
      const start = Date.now();
      try {
        await withTimeout(c.run({ driver, shot, dist: DIST }), CASE_TIMEOUT_MS, name);
        const errors = await driver.takeErrors();
        if (errors.length) throw new Error(`console errors on the visited pages:\n${errors.join("\n")}`);
        record({ name, status: "passed", ms: Date.now() - start });
      } catch (e) {
        await driver.takeErrors().catch(() => []);
        await shot(`FAILED-${slug(c.name)}`).catch(() => {});
        await driver.goto("about:blank").catch(() => {}); // the next case starts on a fresh page
        record({
          name,
          status: "failed",
          ms: Date.now() - start,
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
  } finally {
    await withTimeout(driver.close(), 30_000, `closing ${engine}`).catch((e) =>
      console.error(`  (${engine} did not close cleanly: ${e.message})`),
    );
  }
  return { version: driver.version, tests };
}

mkdirSync(SHOTS, { recursive: true });
let preview: ChildProcess | null = null;
let passed = 0;
let failed = 0;
const lines: string[] = [];
try {
  preview = await startPreview();
  // The engines run side by side (each line names its engine): the suite's time is the slower one's.
  const results = await Promise.all(
    engines.map(async (engine) => ({ engine, ...(await runEngine(engine)) })),
  );
  for (const { engine, version, tests } of results) {
    const p = tests.filter((t) => t.status === "passed").length;
    const f = tests.length - p;
    passed += p;
    failed += f;
    lines.push(`${engine} (${version}): ${p} passed, ${f} failed`);
    writeFileSync(
      join(ROOT, `test-results/cross-browser-${engine}.json`),
      JSON.stringify({ engine, version, passed: p, failed: f, tests }, null, 2),
    );
  }
} catch (e) {
  console.error(`cross-browser: ${e instanceof Error ? e.message : String(e)}`);
  failed += 1;
} finally {
  preview?.kill();
}
console.log();
for (const l of lines) console.log(l);
const failing = lines.filter((l) => !/ 0 failed$/.test(l)).map((l) => l.split(" ")[0]);
console.log(
  `${passed} passed, ${failed} failed${failing.length ? ` (failed in: ${failing.join(", ")})` : ""}`,
);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
