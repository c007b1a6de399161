// One playground on the page: editor, saved code, controls, runs and views.
// Loaded lazily by mount.ts; each playground is independent (own worker).
import {
  EngineStartError,
  RunStopped,
  RunnerClient,
  loadEngineModule,
  type RunOutcome,
  type StoppedResult,
} from "./client.ts";
import type { PlaygroundConfig } from "./config.ts";
import type { EditorHandle } from "./editor/index.ts";
import { sampleBytes } from "./media.ts";
import { CodeStore, decodeShare, encodeShare, type StorageLike } from "./persist.ts";
import type { RunResult, TimeoutResult } from "./protocol.ts";
import { strings, type PlaygroundStrings, type ViewStrings } from "../i18n/index.ts";
import { renderByteMap } from "./views/bytemap.ts";
import { renderDiagnostics } from "./views/diagnostics.ts";
import { clearView, h } from "./views/dom.ts";
import { formatMs, formatSize } from "./views/format.ts";
import { renderInfo } from "./views/info.ts";
import { renderOutput } from "./views/output.ts";
import { Player } from "./views/player.ts";
import { renderTrace } from "./views/trace.ts";
import type { GradeResult } from "../runtime/types.ts";
import "./views/styles.css";

export class PlaygroundController {
  private readonly root: HTMLElement;
  private readonly config: PlaygroundConfig;
  private readonly t: PlaygroundStrings;
  private readonly v: ViewStrings;
  private readonly store: CodeStore;
  private readonly client: RunnerClient;
  private editor: EditorHandle | null = null;
  private ownFile: File | null = null;
  private player: Player | null = null;
  private running = false;
  /** What the status says while the current Run or Check is busy. */
  private busyText = "";

  constructor(root: HTMLElement, deps: PlaygroundDeps) {
    this.root = root;
    this.config = JSON.parse(root.dataset.playground!);
    this.t = strings(this.config.locale).playground;
    this.v = strings(this.config.locale).views;
    this.store = new CodeStore(deps.storage, this.config.scope);
    this.client = new RunnerClient({
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
    const host = this.$("[data-editor]")!;
    const code = this.store.saved() ?? this.config.starter;
    this.status(this.t.editorLoading, "busy");
    const { createEditor } = await import("./editor/index.ts");
    host.replaceChildren();
    this.editor = await createEditor({
      parent: host,
      doc: code,
      label: this.t.editorLabel(this.config.title),
      hint: this.t.editorHint,
      onChange: (c) => this.store.save(c),
      onRun: () => void this.run(),
    });
    this.status("");
    this.root.dataset.ready = "true";
    this.wireControls();
    this.updateUndo();
    // The engine (one WebAssembly.Module per page) downloads and compiles as soon as a playground
    // comes near, so the first Run does not wait for it; the worker starts once the learner is
    // about to use this playground (pointer over it, or focus).
    void loadEngineModule().catch(() => {});
    const warm = () => void this.client.ready().catch(() => {});
    this.root.addEventListener("focusin", warm, { once: true });
    this.root.addEventListener("pointerenter", warm, { once: true });
    // A button clicked before the controls were wired (mount.ts kept it): do it now.
    const pending = this.root.dataset.pendingAction;
    delete this.root.dataset.pendingAction;
    if (pending) this.$<HTMLButtonElement>(`button[data-action="${CSS.escape(pending)}"]`)?.click();
    await this.offerSharedCode();
  }

  private wireControls(): void {
    this.root.addEventListener("click", (ev) => {
      const action = (ev.target as Element).closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action === "run") void this.run();
      else if (action === "stop") this.client.stop();
      else if (action === "reset") this.replaceCode(this.config.starter);
      else if (action === "undo") this.undo();
      else if (action === "solution" && this.config.solution && confirm(this.t.solutionConfirm))
        this.replaceCode(this.config.solution);
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

  /** Empties every result view: what is on screen always belongs to the latest action. */
  private clearResults(): void {
    this.player?.destroy();
    this.player = null;
    for (const el of this.root.querySelectorAll<HTMLElement>("[data-panel]")) clearView(el);
    this.$("[data-results]")!.hidden = true;
  }

  /** Run and Check: busy buttons, a Stop button, and a clean slate for the results. */
  private begin(button: HTMLButtonElement, text: string): () => void {
    this.running = true;
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

  private code(): string {
    return this.editor?.getCode() ?? this.config.starter;
  }

  /** Reset / solution / link: the code before is kept one step back (Undo). */
  private replaceCode(next: string): void {
    const current = this.code();
    if (current === next) return;
    this.store.replace(current, next);
    this.editor?.setCode(next, { undoable: true });
    this.updateUndo();
  }

  private undo(): void {
    const restored = this.store.undo(this.code());
    if (restored === null) return;
    this.editor?.setCode(restored, { undoable: true });
    this.updateUndo();
    this.editor?.focus();
  }

  private updateUndo(): void {
    const btn = this.$<HTMLButtonElement>('[data-action="undo"]')!;
    const prev = this.store.previous();
    btn.hidden = prev === null || prev === this.code();
    btn.title = this.t.undoReset;
  }

  private async copyLink(): Promise<void> {
    const hash = await encodeShare(this.config.id, this.code());
    history.replaceState(null, "", hash);
    try {
      await navigator.clipboard.writeText(location.href);
      this.status(this.t.linkCopied);
    } catch {
      this.status(this.t.linkFailed);
    }
  }

  /**
   * A share link lands on its playground: scrolled to, the editor focused, and a banner saying
   * where the code came from. It never overwrites saved work without asking.
   */
  private async offerSharedCode(): Promise<void> {
    const shared = await decodeShare(location.hash, this.config.id);
    if (shared === null) return;
    const banner = this.$("[data-link-banner]")!;
    const saved = this.store.saved();
    const ask = saved !== null && saved !== shared;
    if (!ask) this.replaceCode(shared);
    banner.querySelector("[data-link-text]")!.textContent = ask ? this.t.linkBanner : this.t.linkLoaded;
    for (const b of banner.querySelectorAll<HTMLElement>("[data-ask]")) b.hidden = !ask;
    banner.querySelector<HTMLElement>('[data-action="link-dismiss"]')!.hidden = ask;
    banner.hidden = false;
    banner.addEventListener("click", (ev) => {
      const action = (ev.target as Element).closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action === "link-load") this.replaceCode(shared);
      if (action === "link-load" || action === "link-keep" || action === "link-dismiss") {
        banner.hidden = true;
        this.editor?.focus();
      }
    });
    // Focus without scrolling (focusing scrolls "nearest" on its own), then land on the playground.
    this.editor?.view.contentDOM.focus({ preventScroll: true });
    this.holdInView();
  }

  /**
   * Scrolls the playground to the top of the window and keeps it there while the page settles
   * (other playgrounds waking up and growing, CodeMirror bringing its cursor into view), until the
   * learner scrolls, clicks, touches or types.
   */
  private holdInView(): void {
    // Instant: a smooth scroll past other playgrounds would wake them, and their growth would move the target.
    const place = () => this.root.scrollIntoView({ block: "start", behavior: "instant" });
    place();
    const top = this.root.getBoundingClientRect().top;
    let frame = 0;
    const check = () => {
      frame = 0;
      if (Math.abs(this.root.getBoundingClientRect().top - top) > 4) place();
    };
    const onShift = () => {
      if (!frame) frame = requestAnimationFrame(check);
    };
    const resize = new ResizeObserver(onShift);
    resize.observe(document.body);
    addEventListener("scroll", onShift, { passive: true });
    const USER = ["wheel", "touchstart", "pointerdown", "keydown"] as const;
    const release = () => {
      resize.disconnect();
      removeEventListener("scroll", onShift);
      for (const type of USER) removeEventListener(type, release, true);
      clearTimeout(settled);
    };
    for (const type of USER) addEventListener(type, release, { capture: true, passive: true });
    const settled = setTimeout(release, 10_000); // by then the page has long settled
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
        code: this.code(),
        mode: this.config.mode,
        media,
        buffer_size: Number(
          this.$<HTMLSelectElement>('select[name="buffer_size"]')?.value ?? this.config.bufferSize,
        ),
        useSeek: seekBox ? seekBox.checked : this.config.seek,
        outputFormat:
          (this.$<HTMLSelectElement>('select[name="output_format"]')?.value as "wav" | "flac" | undefined) ??
          this.config.outputFormat,
        waveformPoints: 1000,
        playbackSeconds: 120,
        maxReadCalls: this.config.maxReadCalls,
        lang: this.config.locale,
      });
      const notAudio = !!own && outcome.type === "result" && outcome.inputUnreadable === true;
      this.show(outcome, { notAudio, file: own ? this.ownFile!.name : undefined });
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
      const result = await this.client.check(exercise, this.code(), this.config.locale, 20_000);
      this.showCheck(result);
      if (result.status === "pass") {
        this.root.dispatchEvent(new CustomEvent("exercise-passed", { bubbles: true, detail: { exercise } }));
      } else {
        // The page may hold the solution back while it still has a hint to give (cancels the event).
        const noHintLeft = this.root.dispatchEvent(
          new CustomEvent("exercise-failed", { bubbles: true, cancelable: true, detail: { exercise } }),
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

  private showCheck(r: GradeResult): void {
    const t = this.t;
    const el = this.panel("check");
    this.$("[data-results]")!.hidden = false;
    const passed = r.tests.filter((x) => x.status === "pass").length;
    const summary =
      r.status === "pass"
        ? t.checkPassed(r.tests.length)
        : r.tests.length === 0 || (r.status === "error" && r.message)
          ? t.checkError(r.message ?? "")
          : t.checkFailed(passed, r.tests.length);
    this.status(summary, r.status === "pass" ? "" : "error");
    if (!el) return;
    const box = document.createElement("section");
    box.className = "pg-check-results";
    box.setAttribute("aria-label", t.testsTitle);
    const head = document.createElement("h4");
    head.textContent = t.testsTitle;
    const p = document.createElement("p");
    p.className = "pg-check-summary";
    p.dataset.status = r.status;
    p.textContent = summary;
    const ol = document.createElement("ol");
    let firstFailure = true;
    for (const test of r.tests) {
      const li = document.createElement("li");
      li.dataset.status = test.status;
      const mark = `<span class="pg-test-mark" aria-hidden="true">${test.status === "pass" ? "✓" : "✗"}</span>`;
      const label = `${mark} <span class="sr-only">${t[test.status === "skipped" ? "error" : test.status]}:</span> <span class="pg-test-name"></span>${test.hidden ? `<span class="pg-muted">${t.hidden}</span>` : ""}`;
      if (test.status === "pass") {
        li.innerHTML = label;
        li.querySelector(".pg-test-name")!.textContent = test.title;
      } else {
        const details = document.createElement("details");
        details.open = firstFailure;
        firstFailure = false;
        const sum = document.createElement("summary");
        sum.innerHTML = label;
        sum.querySelector(".pg-test-name")!.textContent = test.title;
        const msg = document.createElement("p");
        msg.className = "pg-test-message";
        msg.textContent = test.message ?? "";
        details.append(sum, msg);
        if (test.trace?.length) {
          const tr = document.createElement("div");
          renderTrace(
            tr,
            {
              head: test.trace,
              tail: [],
              omitted: 0,
              totals: { read_packet: zero(), write_packet: zero(), seek: zero() },
            },
            this.v,
          );
          tr.querySelector("h2,h3,h4")?.replaceChildren(t.callsAround);
          tr.querySelector(".pg-errno-note")?.remove(); // said once, under the test list
          details.append(tr);
        }
        li.append(details);
      }
      ol.append(li);
    }
    box.append(head, p, ol);
    if (r.tests.some((x) => x.message?.includes("AVERROR(E"))) {
      const note = document.createElement("p");
      note.className = "pg-hint pg-errno-note";
      note.textContent = this.v.errnoNote;
      box.append(note);
    }
    const next = this.config.next;
    if (r.status === "pass" && next) {
      const a = document.createElement("a");
      a.className = "pg-next";
      a.href = next.href;
      a.textContent = next.title ? t.nextExercise(next.title) : t.allExercises;
      a.append(" →");
      const para = document.createElement("p");
      para.append(a);
      p.after(para); // right under "Exercise complete!", not after the list
    }
    el.replaceChildren(box);
  }

  private download(): void {
    const blob = new Blob([this.code()], { type: "text/typescript" });
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
    const notRun = r.status === "compile-error" || r.status === "missing-export";
    if (r.status === "ok") {
      const video = opts.file && r.log.some((line) => /\bVideo: /.test(line.text));
      this.status(
        [t.done(this.v.milliseconds(formatMs(r.ms, this.v.locale))), video ? t.videoIgnored : ""]
          .filter(Boolean)
          .join(t.sentenceGap),
      );
    } else if (r.status === "compile-error") this.status(t.compileError(r.error!.message), "error");
    else if (r.status === "missing-export") this.status(t.missingExport(r.error!.message), "error");
    else if (r.status === "threw") this.status(t.threw(r.error!.message), "error");
    else if (this.config.expectedError && r.error?.message.includes(this.config.expectedError))
      this.status(t.expectedError(r.error.stage ?? "?", r.error.message), "expected");
    else if (opts.notAudio) this.status(t.notAudioStatus(opts.file!), "error");
    else this.status(t.failed(r.error?.stage ?? "?", r.error?.message ?? ""), "error");
    const base = this.config.locale === "en" ? "" : `/${this.config.locale}`;
    const p = (name: string, fn: (el: HTMLElement) => void) => {
      const el = this.panel(name);
      if (el) fn(el);
    };
    // Code that never ran has no results: only what stopped it, never "No rule broken".
    if (notRun) {
      p("diagnostics", (el) =>
        el.replaceChildren(
          this.box("pg-notrun", t.notRunTitle, [r.error?.message ?? "", t.notRun], this.v.diagnostics.title),
        ),
      );
      return;
    }
    if (opts.notAudio) {
      // FFmpeg's refusal is about the file, not a rule the callbacks broke.
      const diagnostics = r.diagnostics.filter((d) => d.code !== "ffmpeg_error");
      p("diagnostics", (el) => {
        renderDiagnostics(el, { ...r, diagnostics }, this.v, { base });
        el.querySelector(".pg-view__title")?.after(
          this.box("pg-notaudio", t.notAudioTitle, [
            t.notAudio(opts.file!, r.error?.message ?? ""),
            r.error?.missing ?? "",
          ]),
        );
        if (diagnostics.length === 0) el.querySelector(".pg-diag-none")?.remove();
      });
    } else
      p("diagnostics", (el) => {
        renderDiagnostics(el, r, this.v, { base });
        // FFmpeg stopped for want of a decoder or demuxer this build leaves out: name it.
        const missing = r.error?.missing ?? r.missing;
        if (missing)
          el.querySelector(".pg-view__title")?.after(this.box("pg-missing", t.missingTitle, [missing]));
      });
    p("info", (el) => renderInfo(el, r, this.v));
    p("waveform", (el) => {
      this.player ??= new Player(el, this.v);
      this.player.render(r);
    });
    p("trace", (el) => renderTrace(el, r.trace, this.v));
    p("bytemap", (el) => renderByteMap(el, r.byteMap, this.v));
    p("output", (el) => (r.output ? renderOutput(el, r.output, this.v) : el.replaceChildren()));
  }

  /** A titled message in a result panel; `region` names it as a landmark (the panel it stands for). */
  private box(className: string, title: string, lines: string[], region?: string): HTMLElement {
    const attrs = region
      ? { class: `pg-outcome ${className}`, role: "region", "aria-label": region }
      : { class: `pg-outcome ${className}` };
    return h(
      "div",
      attrs,
      h("h4", {}, title),
      lines.filter(Boolean).map((l) => h("p", {}, l)),
    );
  }

  /** The run was stopped, by the time budget or by the learner: the stuck call and the calls before it. */
  private showTimeout(o: TimeoutResult | StoppedResult): void {
    const t = this.t;
    const seconds = String(this.config.timeoutSeconds);
    const stopped = o.type === "stopped";
    this.status(stopped ? t.stopped : t.timeoutStatus(seconds), "error");
    const stuck = o.stuck ? t.stuckIn(o.stuck.callback, o.stuck.call) : "";
    this.panel("diagnostics")?.replaceChildren(
      this.box(
        "pg-timeout",
        stopped ? t.stoppedTitle : t.timeoutTitle,
        [[stuck, stopped ? "" : t.timeout(seconds)].filter(Boolean).join(t.sentenceGap)],
        this.v.diagnostics.title,
      ),
    );
    const trace = this.panel("trace");
    if (trace) {
      if (o.last.length === 0) {
        // Nothing returned: say so in the same terms as the stuck call, not "no callback was called".
        clearView(trace);
        trace.append(
          h(
            "section",
            { class: "pg-view pg-trace-view", role: "region", "aria-label": this.v.trace.title },
            h("h3", { class: "pg-view__title" }, `${this.v.trace.title} — ${t.lastCalls}`),
            h(
              "p",
              { class: "pg-muted" },
              o.stuck ? t.stuckFirst(o.stuck.callback, o.stuck.call) : t.noneReturned,
            ),
          ),
        );
      } else {
        const totals = { read_packet: zero(), write_packet: zero(), seek: zero() };
        renderTrace(trace, { head: o.last, tail: [], omitted: 0, totals }, this.v);
        trace.querySelector("h2,h3,h4")?.insertAdjacentText("beforeend", ` — ${t.lastCalls}`);
      }
    }
    for (const name of ["info", "bytemap", "output", "waveform"]) {
      const el = this.panel(name);
      if (el) clearView(el);
    }
  }
}

const zero = () => ({ calls: 0, bytes: 0, ms: 0, errors: 0 });

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
