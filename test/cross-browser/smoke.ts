// The smoke suite every engine besides Chromium runs (Chromium keeps the full Playwright suite):
// a lesson, a playground Run, the "returned 0" diagnostic, a print in the Console, an endless loop named and stopped,
// a zh-cn playground, search, the sandbox's attack cases and an exercise Check. Engine-neutral:
// everything goes through a Driver, and every wait is on page state with a deadline.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { encodeShare } from "../../src/playground/persist.ts";
import { ATTACK, FORGE, PROBES, REACH, REACH_PROBES, siteState } from "../browser/sandbox-probes.ts";
import type { Driver, PageFn } from "./driver.ts";
import { READ_PACKET } from "../learner-code.ts";

export interface SmokeContext {
  driver: Driver;
  /** Where screenshots go, named `<engine>-<name>.png`. */
  shot(name: string, selector?: string): Promise<void>;
  /** The built site, to compare what the service worker cached with this build's bytes. */
  dist: URL;
}
export interface SmokeCase {
  name: string;
  run(ctx: SmokeContext): Promise<void>;
}

const LESSON = "/lessons/memory-io/";
const PG = "[data-playground]";
const STATUS = `${PG} [data-status]`;
const DIAG = `${PG} [data-panel="diagnostics"]`;
const exerciseFile = (name: string) =>
  readFileSync(new URL(`../../src/exercises/read-packet/${name}`, import.meta.url), "utf8");

// ---- page-side helpers (serialized into the page: self-contained) ----
const textOf = (sel: string) => document.querySelector(sel)?.textContent ?? null;
const attrOf = (sel: string, name: string) => document.querySelector(sel)?.getAttribute(name) ?? null;
const isVisible = (sel: string) => {
  const el = document.querySelector(sel);
  return !!el && el.checkVisibility();
};
/** The text of the first editor inside the first `sel`. */
const editorText = (sel: string) =>
  [...(document.querySelector(sel)?.querySelectorAll(".cm-content .cm-line") ?? [])]
    .map((l) => l.textContent)
    .join("\n");

/** Removes what an earlier Run or Check on this page left, so a wait sees only the new result. */
const clearResults = (sel: string) => {
  document
    .querySelector(sel)
    ?.querySelectorAll('.pg-check-results, [data-status], [data-panel="diagnostics"]')
    .forEach((el) => (el.classList.contains("pg-check-results") ? el.remove() : (el.textContent = "")));
};

// One ceiling for every wait, not a wait: each poll returns as soon as its state holds. It is
// generous because compiling the engine or indexing a search on a busy 2-core machine is slow.
const CEILING = 60_000;

/** Polls `fn` in the page until `ok(value)`; fails after `ms` with `what` and the last value. */
async function waitFor<A extends unknown[], R>(
  d: Driver,
  what: string,
  ms: number,
  ok: (v: R) => boolean,
  fn: PageFn<A, R>,
  ...args: A
): Promise<R> {
  const deadline = Date.now() + ms;
  let last: R | undefined;
  for (;;) {
    last = await d.eval(fn, ...args);
    if (ok(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`${what}: still ${JSON.stringify(last)?.slice(0, 400)} after ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const waitText = (d: Driver, sel: string, re: RegExp, ms = CEILING) =>
  waitFor(d, `${sel} should match ${re}`, ms, (t: string | null) => t !== null && re.test(t), textOf, sel);
const waitVisible = (d: Driver, sel: string, ms = CEILING) =>
  waitFor(d, `${sel} should be visible`, ms, (v: boolean) => v, isVisible, sel);

function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/** Opens `path` with its first playground ready. A page already there with an idle playground
 *  is kept: each page load starts the engine again (seconds in WebKit). The runner leaves the
 *  page after a failed case, so a broken page is never reused. */
async function openPlayground(d: Driver, path: string): Promise<void> {
  const here = await d.eval(
    (p: string, sel: string) =>
      location.pathname + location.hash === p &&
      document.querySelector(sel)?.getAttribute("data-ready") === "true" &&
      !document.querySelector(`${sel} [data-action="run"]`)?.hasAttribute("disabled"),
    path,
    PG,
  );
  if (here) return;
  await d.goto(path);
  // Playgrounds mount when scrolled into view.
  await d.eval((sel: string) => document.querySelector(sel)!.scrollIntoView({ block: "center" }), PG);
  await waitFor(
    d,
    "the playground should become ready",
    CEILING,
    (v: string | null) => v === "true",
    attrOf,
    PG,
    "data-ready",
  );
}

/**
 * Whether the button `sel` takes a click: enabled, and no Run or Check still busy (its Stop button
 * is hidden only once it has ended; its "Done in" shows a little before that).
 */
const clickable = (sel: string, pg: string) => {
  const b = document.querySelector<HTMLButtonElement>(sel);
  const stop = document.querySelector<HTMLButtonElement>(`${pg} [data-action="stop"]`);
  return !!b && !b.disabled && !b.hasAttribute("aria-busy") && (!stop || stop.hidden);
};

/** Clicks a playground's Run or Check once it takes clicks, on a page cleared of earlier results. */
async function clickAction(d: Driver, action: "run" | "check"): Promise<void> {
  // The WebDriver click, unlike Playwright's, does not wait for an enabled button: a click on the
  // previous Run's still-disabled button is lost, and its verdict would still be on screen.
  const button = `${PG} [data-action="${action}"]`;
  await waitFor(
    d,
    `the ${action} button should take a click`,
    CEILING,
    (ok: boolean) => ok,
    clickable,
    button,
    PG,
  );
  await d.eval(clearResults, PG);
  await d.click(button);
}

const clickRun = (d: Driver) => clickAction(d, "run");

/** Whether the editor inside `sel` has the focus (the static code hands it over once CodeMirror loads). */
const editorFocused = (sel: string) =>
  !!document.activeElement?.matches(".cm-content") &&
  !!document.querySelector(sel)?.contains(document.activeElement);

async function setCode(d: Driver, code: string): Promise<void> {
  // The code is static HTML until the learner clicks it; then CodeMirror loads and takes the focus.
  const here = await d.eval((sel: string) => !!document.querySelector(`${sel} .cm-content`), PG);
  await d.click(here ? `${PG} .cm-content` : `${PG} [data-static-code]`);
  await waitFor(d, "the editor should have the focus", CEILING, (f: boolean) => f, editorFocused, PG);
  await d.selectAll();
  await d.paste(code);
  await waitFor(
    d,
    "the editor should hold the pasted code",
    CEILING,
    (t: string) => t === code,
    editorText,
    PG,
  );
}

export const cases: SmokeCase[] = [
  {
    name: "a lesson opens cross-origin isolated, with shared memory",
    async run({ driver: d }) {
      await openPlayground(d, LESSON);
      await waitText(d, "h1", /Memory I\/O/);
      const env = await d.eval(() => ({
        isolated: globalThis.crossOriginIsolated,
        shared: new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer.constructor.name,
      }));
      check(env.isolated, "crossOriginIsolated is false: the COOP/COEP headers did not take");
      check(env.shared === "SharedArrayBuffer", `a shared wasm Memory's buffer is a ${env.shared}`);
    },
  },
  {
    name: "a playground Run shows trace rows, a drawn waveform and the stream info",
    async run({ driver: d, shot }) {
      await openPlayground(d, LESSON);
      await setCode(d, READ_PACKET);
      await clickRun(d);
      await waitText(d, STATUS, /Done in/);
      const trace = `${PG} [data-panel="trace"]`;
      await waitText(d, trace, /AVERROR_EOF/);
      const rows = await d.eval(
        (sel: string) =>
          [...document.querySelector(sel)!.querySelectorAll("tr")].filter((r) =>
            r.textContent!.includes("read_packet"),
          ).length,
        trace,
      );
      check(rows > 0, "no read_packet row in the callback trace");
      const wave = `${PG} canvas[role="img"][aria-label^="Waveform"]`;
      await waitVisible(d, wave);
      // Drawn, not just present: more than one colour on the canvas.
      const colours = await d.eval((sel: string) => {
        const c = document.querySelector<HTMLCanvasElement>(sel)!;
        const px = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        const seen = new Set<number>();
        for (let i = 0; i < px.length && seen.size < 3; i += 4)
          seen.add((px[i] << 24) | (px[i + 1] << 16) | (px[i + 2] << 8) | px[i + 3]);
        return seen.size;
      }, wave);
      check(colours > 1, "the waveform canvas is blank");
      await waitText(d, `${PG} [data-panel="info"]`, /44,100 Hz/);
      await shot("playground-ok", PG);
    },
  },
  {
    name: "a read_packet returning 0 gets the named diagnostic",
    async run({ driver: d, shot }) {
      await openPlayground(d, LESSON);
      await setCode(d, READ_PACKET.replace("return AVERROR_EOF;", "return 0;"));
      await d.select(`${PG} select[name="media"]`, "flac-44k-stereo.flac");
      await clickRun(d);
      await waitText(d, DIAG, /read_packet returned 0 on call \d+ — FFmpeg requires AVERROR_EOF/);
      const href = await d.eval(attrOf, `${DIAG} a`, "href");
      check(/\/lessons\/read-packet\/?#never-return-0/.test(href ?? ""), `the diagnostic links to ${href}`);
      await shot("playground-returns-zero", PG);
    },
  },
  {
    name: "a print in read_packet appears in the Console panel, tagged with its call",
    async run({ driver: d, shot }) {
      await openPlayground(d, LESSON);
      await setCode(d, READ_PACKET.replace("const n =", 'console.log("smoke print");\n  const n ='));
      await clickRun(d);
      await waitText(d, STATUS, /Done in/);
      const panel = `${PG} [data-panel="console"]`;
      await waitText(d, panel, /Console/);
      const first = await d.eval(textOf, `${panel} .pg-console__line`);
      check(first === "read_packet #1 smoke print", `the Console's first line is "${first}"`);
      await shot("playground-console", panel);
    },
  },
  {
    // A TypeError the engine itself raises at the learner's line: V8 and SpiderMonkey name the line
    // in the stack, JavaScriptCore (whose stack names no place for evaluated code) in the error's
    // own line property. (A `throw new Error()` in WebKit gets the callback's declaration: SES's
    // Error constructor is host code, so JavaScriptCore's line is the host's.)
    name: "a TypeError in read_packet names the learner's line, and the editor marks that line",
    async run({ driver: d, shot }) {
      await openPlayground(d, LESSON);
      const code = READ_PACKET.replace(
        "const n =",
        "if (opaque.pos > 0) (opaque as unknown as { nope: { boom: number } }).nope.boom = 1;\n  const n =",
      );
      const line = code.split("\n").findIndex((l) => l.includes("boom")) + 1;
      await setCode(d, code);
      await clickRun(d);
      await waitText(d, DIAG, new RegExp(`line ${line}: read_packet threw on call 2: TypeError`));
      // The marks are drawn once the editor has the run's lines: wait on them, not on time.
      await waitFor(
        d,
        `the editor should mark line ${line} alone`,
        CEILING,
        (marked: (string | null)[]) => marked.length === 1 && marked[0] === String(line),
        (sel: string) =>
          [...document.querySelectorAll(`${sel} .cm-avio-run-line`)].map((el) =>
            el.getAttribute("data-run-line"),
          ),
        PG,
      );
      await shot("playground-error-line", PG);
    },
  },
  {
    name: "an endless loop is stopped, the page stays responsive, the stuck callback is named",
    async run({ driver: d, shot }) {
      await openPlayground(d, LESSON);
      await setCode(d, READ_PACKET.replace("const n =", "while (true) {}\n  const n ="));
      await d.eval(() => {
        const input = document.createElement("input");
        input.id = "smoke-probe";
        input.setAttribute("aria-label", "probe");
        document.body.prepend(input);
      });
      await clickRun(d);
      await waitText(d, STATUS, /Running/);
      // While the worker spins, the page still takes typing.
      await d.type("#smoke-probe", "still typing");
      const typed = await d.eval(
        (sel: string) => document.querySelector<HTMLInputElement>(sel)!.value,
        "#smoke-probe",
      );
      check(typed === "still typing", `the page did not take typing during the run: "${typed}"`);
      const status = await d.eval(textOf, STATUS);
      check(/Running/.test(status ?? ""), `the run ended before the page was probed: "${status}"`);
      await waitText(d, STATUS, /did not return \(endless loop\?\)/);
      // Needs the live channel (shared memory between page and worker).
      await waitText(d, DIAG, /read_packet call 1 never returned/);
      await shot("playground-timeout", PG);
      await setCode(d, READ_PACKET);
      await clickRun(d);
      await waitText(d, STATUS, /Done in/);
    },
  },
  {
    name: "a zh-cn playground runs with Chinese status lines",
    async run({ driver: d, shot }) {
      await openPlayground(d, "/zh-cn/lessons/memory-io/");
      check((await d.eval(attrOf, "html", "lang")) === "zh-CN", 'the page is not lang="zh-CN"');
      await setCode(d, READ_PACKET); // saved code is shared with the English page
      await clickRun(d);
      await waitText(d, STATUS, /完成，用时/);
      await shot("playground-zh-cn", PG);
    },
  },
  {
    name: "search finds AVSEEK_SIZE in the lessons that teach it",
    async run({ driver: d, shot }) {
      await d.goto("/");
      await d.click("[data-search-open]");
      const input = "[data-search-dialog] .pagefind-ui__search-input";
      await waitVisible(d, input);
      await d.type(input, "AVSEEK_SIZE");
      await waitFor(
        d,
        "the first result should link to the seek or parameters lesson",
        CEILING,
        (h: string | null) => /^\/lessons\/(seek|parameters)\//.test(h ?? ""),
        attrOf,
        "[data-search-dialog] .pagefind-ui__result-link",
        "href",
      );
      await waitText(d, "[data-search-dialog] .pagefind-ui__result", /AVSEEK_SIZE/);
      await shot("search");
    },
  },
  {
    name: "sandbox: learner code from a shared link cannot reach Worker, fetch, caches, storage, postMessage or prototypes",
    async run({ driver: d, shot, dist }) {
      const lesson = "/lessons/read-packet/";
      await d.goto(lesson);
      await d.eval(async () => void (await navigator.serviceWorker.ready));
      const id = JSON.parse((await d.eval(attrOf, PG, "data-playground")) ?? "{}").id as string;
      const before = await d.eval(siteState);
      await d.goto("about:blank");
      await openPlayground(d, lesson + (await encodeShare(id, ATTACK)));
      if (await d.eval(isVisible, `${PG} [data-action="link-load"]`))
        await d.click(`${PG} [data-action="link-load"]`);
      await waitFor(
        d,
        "the editor should hold the shared code",
        CEILING,
        (t: string) => t.includes("probes"),
        editorText,
        PG,
      );
      await clickRun(d);
      const text = (await waitText(d, DIAG, /probes/))!;
      const open = Object.keys(PROBES).filter((name) => !text.includes(`${name}:blocked`));
      check(open.length === 0, `not blocked: ${open.join(", ")} (${text.slice(0, 400)})`);
      check(!text.includes(":OPEN"), `a probe got through: ${text.slice(0, 400)}`);
      await shot("sandbox-shared-link-probes", DIAG);
      const after = await d.eval(siteState);
      const same = JSON.stringify({ ...after, cached: [] }) === JSON.stringify({ ...before, cached: [] });
      check(same, `the origin's storage changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
      // Cache Storage holds only what the service worker fetched itself: this build's files, byte for byte.
      for (const { path, sha256 } of after.cached) {
        const file = new URL(`.${path.endsWith("/") ? `${path}index.html` : path}`, dist);
        check(
          createHash("sha256").update(readFileSync(file)).digest("base64") === sha256,
          `cached ${path} is not this build's file`,
        );
      }
    },
  },
  {
    name: "sandbox: learner code gets neither the engine's record as this nor wasm memory as buf.buffer, and forges no handle",
    async run({ driver: d, shot }) {
      await openPlayground(d, "/lessons/read-packet/");
      await setCode(d, REACH);
      await clickRun(d);
      const text = (await waitText(d, DIAG, /probes/))!;
      const open = REACH_PROBES.filter((name) => !text.includes(`${name}:blocked`));
      check(open.length === 0, `not blocked: ${open.join(", ")} (${text.slice(0, 400)})`);
      await shot("sandbox-reach", DIAG);
    },
  },
  {
    name: "sandbox: import() of any URL is refused before the code runs",
    async run({ driver: d }) {
      await openPlayground(d, "/lessons/read-packet/");
      await setCode(
        d,
        'const m = "/_astro/" + "x.js";\nexport function read_packet(): number { void import(m); return -1; }\n',
      );
      await clickRun(d);
      await waitText(d, STATUS, /import\(\) is not available here/);
    },
  },
  {
    name: "sandbox: a Check cannot be passed by patching what the tests use or by posting a result",
    async run({ driver: d, shot }) {
      await openPlayground(d, "/exercises/read-packet/");
      await setCode(d, FORGE);
      await clickAction(d, "check");
      await waitText(d, `${PG} .pg-check-summary`, /0 of 12 tests pass/);
      check(!(await d.eval(isVisible, "[data-done-badge]")), "the exercise is marked done");
      check(
        (await d.eval(() => localStorage.getItem("avio-workbook:exercises:v1"))) === null,
        "a passing Check was recorded",
      );
      await shot("sandbox-check-forge", PG);
    },
  },
  {
    name: "an exercise Check: an edited starter fails with the first failure open, the solution passes",
    async run({ driver: d, shot }) {
      await openPlayground(d, "/exercises/read-packet/");
      // The starter as it was is `unchanged` and never run: an edit that changes nothing it does.
      await setCode(d, `${exerciseFile("starter.ts")}\nexport const attempt = 1;\n`);
      await clickAction(d, "check");
      const summary = `${PG} .pg-check-summary`;
      await waitText(d, summary, /^\d+ of 12 tests pass/);
      const open = await d.eval(
        (sel: string) =>
          [...document.querySelector(sel)!.querySelectorAll(".pg-check-results details[open]")].map(
            (e) => e.textContent,
          ),
        PG,
      );
      check(open.length === 1, `${open.length} failures open, expected the first one only`);
      check(
        open[0]!.includes("copies the first buf_size bytes and returns how many"),
        `first failure: ${open[0]}`,
      );
      await shot("exercise-failed-check", PG);
      await setCode(d, exerciseFile("solution.ts"));
      await clickAction(d, "check");
      await waitText(d, summary, /All 12 tests pass/);
      await waitVisible(d, "[data-done-badge]");
      await shot("exercise-passed", PG);
    },
  },
];
