// One playground on the page: controls, Run/Check orchestration and the result views; its code
// (static or editor, saved, undo, share) is code-state.ts.
// Loaded lazily by mount.ts; each playground is independent (own worker).
import {
  EngineStartError,
  RunStopped,
  WorkerClient,
  loadEngineModule,
  type CheckResult,
  type RunOutcome,
  type StoppedResult,
} from "./client.ts";
import type { PlaygroundConfig } from "./config.ts";
import { CodeState } from "./code-state.ts";
import { sampleBytes } from "./media.ts";
import type { StorageLike } from "./persist.ts";
import type { MuxFormat, RunResult, TimeoutResult } from "./protocol.ts";
import { strings, type PlaygroundStrings, type ViewStrings } from "../i18n/index.ts";
import { renderByteMap } from "./views/bytemap.ts";
import { checkSummary, renderCheck } from "./views/check.ts";
import { renderConsole } from "./views/console.ts";
import { clearView } from "./views/dom.ts";
import { formatSize } from "./views/format.ts";
import { renderInfo } from "./views/info.ts";
import { renderRunDiagnostics, renderStopped } from "./views/outcome.ts";
import { renderOutput } from "./views/output.ts";
import { Player } from "./views/player.ts";
import { renderTrace } from "./views/trace.ts";
import { addSentence, placeSyntaxError, runMarksOf, typeErrorNote } from "./run-lines.ts";
import type { GradeResult } from "../runtime/types.ts";
import { ignoredVideoNote, runVerdict } from "./verdict.ts";
// player.css styles views/player.ts and views/waveform.ts; imported here, where the Player is made.
import "./views/player.css";

/** What the exercise page records of a Check for a hand-in (marked unverified there). */
/** What a Run's verdict begins with, in the results (revealed under Run). */
const RUN_VERDICT = ".pg-diag, .pg-diag-none, .pg-notrun";
/** One playground per page starts its worker unasked (the first to mount: the one the reader reached). */
let prestarted = false;
/** Once the page has nothing else to do (no requestIdleCallback in WebKit: a task after a pause). */
const whenIdle = (f: () => void) =>
  "requestIdleCallback" in globalThis ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 200);
/** The head of the sample the warm-up decodes: enough for every decoder's code to run hot. */
const WARM_BYTES = 64 * 1024;
const checkCounts = (r: GradeResult) => ({
  status: r.status,
  passed: r.tests.filter((x) => x.status === "pass").length,
  total: r.tests.length,
});

export class PlaygroundController {
  private readonly root: HTMLElement;
  private readonly config: PlaygroundConfig;
  private readonly t: PlaygroundStrings;
  private readonly v: ViewStrings;
  private readonly code: CodeState;
  private readonly client: WorkerClient;
  private ownFile: File | null = null;
  private player: Player | null = null;
  private running = false;
  /** Counts Runs and Checks begun: a late note only joins the status of the action it belongs to. */
  private actions = 0;
  /** What the status says while the current Run or Check is busy. */
  private busyText = "";

  constructor(root: HTMLElement, deps: PlaygroundDeps) {
    this.root = root;
    this.config = JSON.parse(root.dataset.playground!);
    this.t = strings(this.config.locale).playground;
    this.v = strings(this.config.locale).views;
    this.code = new CodeState(root, this.config, this.t, deps.storage, () => void this.run());
    this.client = new WorkerClient({
      createWorker: deps.createWorker,
      timeoutMs: this.config.timeoutSeconds * 1000,
      // Shown only while a Run or Check waits for it: a download begun on focus stays quiet.
      onProgress: (loaded, total) => {
        if (!this.running) return;
        // Once the download is complete the run goes on: say so again ("Running…").
        if (loaded >= total) this.status(this.busyText, "busy");
        else
          this.status(
            this.t.loadingEngine(formatSize(loaded, this.v.locale), formatSize(total, this.v.locale)),
            "busy",
          );
      },
    });
  }

  private $<T extends HTMLElement>(sel: string): T | null {
    return this.root.querySelector<T>(sel);
  }

  private engineError(e: unknown): string {
    const T = this.t;
    if (e instanceof EngineStartError)
      return e.reason === "no_simd"
        ? T.engineNoSimd
        : T.engineError(e.reason === "download" ? T.engineDownload(e.message) : T.runnerStart(e.message));
    return T.engineError(e instanceof Error ? e.message : String(e));
  }

  private status(text: string, kind: "" | "error" | "busy" | "expected" = ""): void {
    const el = this.$("[data-status]")!;
    el.textContent = text;
    el.dataset.kind = kind;
  }

  async mount(): Promise<void> {
    // The code shows statically until the learner reaches for it (or saved work needs the editor).
    await this.code.start();
    this.root.dataset.ready = "true";
    this.wireControls();
    // The engine (one WebAssembly.Module per page) downloads and compiles as soon as a playground
    // comes near, so the first Run does not wait for it; the worker starts once the learner is
    // about to use this playground (pointer over it, or focus).
    void loadEngineModule().catch(() => {});
    // The first playground the reader reaches also starts its worker once the page is idle, and
    // warms it on its selected sample: the first Run is then about as fast as the next (#29).
    if (!prestarted) {
      prestarted = true;
      const sample = this.$<HTMLSelectElement>('select[name="media"]')?.value;
      // data-warm: the worker is up and warm (what the lazy-loading test waits for).
      if (sample)
        whenIdle(() =>
          this.client
            .prestart(sampleBytes(sample).then((b) => b.slice(0, WARM_BYTES)))
            .then(() => (this.root.dataset.warm = "true"))
            .catch(() => {}),
        );
    }
    const warm = () => void this.client.ready().catch(() => {});
    this.root.addEventListener("focusin", warm, { once: true });
    this.root.addEventListener("pointerenter", warm, { once: true });
    // A button clicked before the controls were wired (mount.ts kept it): do it now.
    const pending = this.root.dataset.pendingAction;
    delete this.root.dataset.pendingAction;
    if (pending) this.$<HTMLButtonElement>(`button[data-action="${CSS.escape(pending)}"]`)?.click();
    await this.code.offerShared();
  }

  private wireControls(): void {
    // The exercise page's hand-in asks for the code as the learner sees it (answered synchronously).
    this.root.addEventListener("handin-request", (ev) => {
      (ev as CustomEvent<{ code?: string }>).detail.code = this.code.text();
    });
    this.root.addEventListener("click", (ev) => {
      const action = (ev.target as Element).closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action === "run") void this.run();
      else if (action === "stop") this.client.stop();
      else if (action === "reset") void this.code.replace(this.config.starter);
      else if (action === "undo") void this.code.undo();
      else if (action === "solution" && this.config.solution) this.code.askSolution(this.config.solution);
      else if (action === "link") void this.copyLink();
      else if (action === "check") void this.check();
      else if (action === "download") this.download();
    });
    const file = this.$<HTMLInputElement>('input[name="file"]')!;
    file.addEventListener("change", () => file.files?.[0] && this.useFile(file.files[0]));
    this.root.addEventListener("dragover", (ev) => {
      if (ev.dataTransfer?.types.includes("Files")) {
        ev.preventDefault();
        this.root.dataset.drop = "true";
      }
    });
    this.root.addEventListener("dragleave", () => delete this.root.dataset.drop);
    this.root.addEventListener("drop", (ev) => {
      const f = ev.dataTransfer?.files[0];
      delete this.root.dataset.drop;
      if (f) {
        ev.preventDefault();
        this.useFile(f);
      }
    });
  }

  /** A learner's own file: decoded locally (the worker reads it), never uploaded. */
  private useFile(f: File): void {
    this.ownFile = f;
    const select = this.$<HTMLSelectElement>('select[name="media"]')!;
    select.querySelector("option[data-own]")?.remove();
    const opt = new Option(
      this.t.ownFileOption(f.name, formatSize(f.size, this.v.locale)),
      "__own__",
      true,
      true,
    );
    opt.dataset.own = "";
    select.prepend(opt);
    select.value = "__own__";
    // The results on screen were for another input.
    this.clearResults();
    this.status("");
  }

  /**
   * Marks the lines the Run's findings point at (loading the editor if the code was still static),
   * and says after the status when the code has type errors: it ran anyway.
   */
  private async markLines(r: RunResult): Promise<void> {
    const marks = runMarksOf(r, this.v, this.config.locale);
    let editor = this.code.liveEditor;
    if (marks.length > 0) editor = await this.code.ensureEditor().catch(() => null);
    editor?.markRun(marks);
    // Not awaited: the type checker may still be loading, and the Run is over (Check must not wait).
    const action = this.actions;
    void typeErrorNote(editor, this.t).then((note) => {
      const el = this.$("[data-status]")!;
      if (note && action === this.actions) el.textContent = addSentence(el.textContent ?? "", note, this.t);
    });
  }

  /** Empties every result view: what is on screen always belongs to the latest action. */
  private clearResults(): void {
    this.code.liveEditor?.markRun([]);
    this.player?.destroy();
    this.player = null;
    for (const el of this.root.querySelectorAll<HTMLElement>("[data-panel]")) clearView(el);
    this.$("[data-results]")!.hidden = true;
  }

  /** Run and Check: busy buttons, a Stop button, and a clean slate for the results. */
  private begin(button: HTMLButtonElement, text: string): () => void {
    this.running = true;
    this.actions++;
    this.busyText = text;
    this.client.armStop();
    this.clearResults();
    button.setAttribute("aria-busy", "true");
    button.disabled = true;
    const stop = this.$<HTMLButtonElement>('[data-action="stop"]')!;
    stop.hidden = false;
    this.status(text, "busy");
    return () => {
      this.running = false;
      button.disabled = false;
      button.removeAttribute("aria-busy");
      const hadFocus = document.activeElement === stop;
      stop.hidden = true;
      if (hadFocus) button.focus();
    };
  }

  private async copyLink(): Promise<void> {
    this.status((await this.code.copyLink()) ? this.t.linkCopied : this.t.linkFailed);
  }

  async run(): Promise<void> {
    if (this.running) return;
    const end = this.begin(this.$<HTMLButtonElement>('[data-action="run"]')!, this.t.running);
    try {
      const select = this.$<HTMLSelectElement>('select[name="media"]')!;
      const own = select.value === "__own__" && this.ownFile;
      const media = own
        ? { name: this.ownFile!.name, file: this.ownFile! }
        : { name: select.value, bytes: await sampleBytes(select.value) };
      const seekBox = this.$<HTMLInputElement>('input[name="seek"]');
      const outcome = await this.client.run({
        code: this.code.text(),
        mode: this.config.mode,
        media,
        buffer_size: Number(
          this.$<HTMLSelectElement>('select[name="buffer_size"]')?.value ?? this.config.bufferSize,
        ),
        useSeek: seekBox ? seekBox.checked : this.config.seek,
        outputFormat:
          (this.$<HTMLSelectElement>('select[name="output_format"]')?.value as MuxFormat | undefined) ??
          this.config.outputFormat,
        movflags: this.$<HTMLInputElement>('input[name="movflags"]')?.value.trim() ?? this.config.movflags,
        waveformPoints: 1000,
        playbackSeconds: 120,
        maxReadCalls: this.config.maxReadCalls,
        lang: this.config.locale,
      });
      const notAudio = !!own && outcome.type === "result" && outcome.inputUnreadable === true;
      if (outcome.type === "result")
        await placeSyntaxError(outcome, this.code.liveEditor, this.config.locale);
      this.show(outcome, { notAudio, file: own ? this.ownFile!.name : undefined });
      if (outcome.type === "result") {
        await this.markLines(outcome);
        // Marking may have swapped the static code for the editor, moving what show() revealed:
        // revealed again once CodeMirror has measured and laid itself out (two frames).
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        this.revealVerdict(RUN_VERDICT);
      }
    } catch (e) {
      this.status(e instanceof RunStopped ? this.t.stopped : this.engineError(e), "error");
    } finally {
      end();
    }
  }

  /** Runs the exercise's tests on the code, in the worker, with the same sandbox. */
  async check(): Promise<void> {
    const exercise = this.config.exercise;
    if (!exercise || this.running) return;
    const end = this.begin(this.$<HTMLButtonElement>('[data-action="check"]')!, this.t.checking);
    try {
      const result = await this.client.grade(exercise, this.code.text(), this.config.locale);
      if (result.unchanged) {
        // Nothing was graded: no pass, no hint spent; the page forgets an earlier Check of other code.
        this.showCheck(result);
        this.root.dispatchEvent(
          new CustomEvent("exercise-unchanged", { bubbles: true, detail: { exercise } }),
        );
      } else if (result.status === "pass") {
        // The page records the pass and says whether every exercise is now done (fills allDone).
        const detail: { exercise: string; allDone?: boolean } = { exercise, ...checkCounts(result) };
        this.root.dispatchEvent(new CustomEvent("exercise-passed", { bubbles: true, detail }));
        this.showCheck(result, detail.allDone === true);
      } else if (result.timedOut) {
        // A timeout says nothing about the idea of the code: no hint is spent on it.
        this.showCheck(result);
      } else {
        this.showCheck(result);
        // The page may hold the solution back while it still has a hint to give (cancels the event).
        const noHintLeft = this.root.dispatchEvent(
          new CustomEvent("exercise-failed", {
            bubbles: true,
            cancelable: true,
            detail: { exercise, ...checkCounts(result) },
          }),
        );
        const sol = this.$<HTMLButtonElement>('[data-action="solution"]');
        if (sol && noHintLeft) sol.hidden = false; // revealed only after a failed Check
      }
    } catch (e) {
      this.status(e instanceof RunStopped ? this.t.checkStopped : this.engineError(e), "error");
    } finally {
      end();
    }
  }

  private showCheck(r: CheckResult, allDone = false): void {
    const summary = checkSummary(r, this.t);
    this.$("[data-results]")!.hidden = false;
    this.status(summary, r.status === "pass" || r.unchanged ? "" : "error");
    const el = this.panel("check");
    if (el) renderCheck(el, r, { summary, next: this.config.next, allDone }, this.t, this.v);
    const printed = this.panel("console");
    // The starter as it was never ran: "Nothing printed" would say it did.
    if (printed) r.unchanged ? clearView(printed) : renderConsole(printed, r.console, this.v);
    // The first failing test (its message and calls), else the summary.
    this.revealVerdict(this.$("[data-results] details[open]") ? "details[open]" : ".pg-check-summary");
  }

  private download(): void {
    const blob = new Blob([this.code.text()], { type: "text/typescript" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${this.config.exercise ?? this.config.id}.ts`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private panel(name: string): HTMLElement | null {
    return this.$(`[data-panel="${name}"]`);
  }

  private show(outcome: RunOutcome, opts: { notAudio?: boolean; file?: string } = {}): void {
    const results = this.$("[data-results]")!;
    results.hidden = false;
    if (outcome.type !== "result") {
      this.showTimeout(outcome);
      return;
    }
    const r: RunResult = outcome;
    const t = this.t;
    // An earlier Check's results do not describe this Run (and would sit between Run and its verdict).
    const checked = this.panel("check");
    if (checked) checked.replaceChildren();
    const notRun = r.status === "compile-error" || r.status === "missing-export";
    // One verdict: the status line says what the diagnostics below say, in their colour.
    const verdict = runVerdict(r, t, this.v, {
      expectedError: this.config.expectedError,
      notAudioFile: opts.notAudio ? opts.file : undefined,
    });
    this.status(
      [verdict.text, r.status === "ok" && opts.file ? ignoredVideoNote(r.log, t) : ""]
        .filter(Boolean)
        .join(t.sentenceGap),
      verdict.kind,
    );
    const base = this.config.home;
    const p = (name: string, fn: (el: HTMLElement) => void) => {
      const el = this.panel(name);
      if (el) fn(el);
    };
    // What the code printed, even when it never got as far as FFmpeg (a print at the top level).
    p("console", (el) => renderConsole(el, r.console, this.v));
    p("diagnostics", (el) =>
      renderRunDiagnostics(
        el,
        r,
        { base, notRun, notAudioFile: opts.notAudio ? opts.file : undefined },
        t,
        this.v,
      ),
    );
    // Code that never ran has no results: only what stopped it, never "No rule broken".
    if (notRun) {
      this.revealVerdict(".pg-notrun");
      return;
    }
    p("info", (el) => renderInfo(el, r, this.v));
    p("waveform", (el) => {
      this.player ??= new Player(el, this.v);
      this.player.render(r);
    });
    p("trace", (el) => renderTrace(el, r.trace, this.v));
    p("bytemap", (el) => renderByteMap(el, r.byteMap, this.v));
    p("output", (el) => (r.output ? renderOutput(el, r.output, this.v) : el.replaceChildren()));
    this.revealVerdict(RUN_VERDICT);
  }

  /** The verdict's first detail in view, right under Run and its status, without the learner scrolling. */
  private revealVerdict(selector: string): void {
    const first = this.$(`[data-results] :is(${selector})`);
    // "nearest": no jump when it is already visible; otherwise the least scroll that shows it.
    first?.scrollIntoView?.({ block: "nearest" });
  }

  /** The run was stopped, by the time budget or by the learner: the stuck call and the calls before it. */
  private showTimeout(o: TimeoutResult | StoppedResult): void {
    const seconds = String(this.config.timeoutSeconds);
    this.status(o.type === "stopped" ? this.t.stopped : this.t.timeoutStatus(seconds), "error");
    renderStopped(
      { diagnostics: this.panel("diagnostics"), trace: this.panel("trace") },
      o,
      seconds,
      this.t,
      this.v,
    );
    for (const name of ["info", "bytemap", "output", "waveform"]) {
      const el = this.panel(name);
      if (el) clearView(el);
    }
  }
}

/** What the page hands a playground: how to start its runner worker, and where to save code. */
export interface PlaygroundDeps {
  createWorker: () => Worker;
  /** Where edits are saved (localStorage, or undefined when blocked). */
  storage: StorageLike | undefined;
}

export async function mountPlayground(el: HTMLElement, deps: PlaygroundDeps): Promise<PlaygroundController> {
  const c = new PlaygroundController(el, deps);
  await c.mount();
  return c;
}
