// A playground's code: what is shown (static until the learner wants the editor, then CodeMirror),
// where it is saved (CodeStore), the one step of Undo after Reset / Solution / a share link, and
// share links themselves. Learners' work is never lost: saved code differing from the starter,
// or a share link for this playground, loads the editor at once.
import type { PlaygroundConfig } from "./config.ts";
import type { EditorHandle } from "./editor/index.ts";
import { replaceStaticCode } from "./lazy-editor.ts";
import { CodeStore, decodeShare, encodeShare, MAX_CODE_BYTES, type StorageLike } from "./persist.ts";
import { captureStaticInput, type StaticInput } from "./static-input.ts";
import type { PlaygroundStrings } from "../i18n/index.ts";

export class CodeState {
  private readonly root: HTMLElement;
  private readonly config: PlaygroundConfig;
  private readonly t: PlaygroundStrings;
  private readonly store: CodeStore;
  private readonly onRun: () => void;
  private readonly input: StaticInput | null;
  private editor: EditorHandle | null = null;
  private loading: Promise<EditorHandle> | null = null;

  constructor(
    root: HTMLElement,
    config: PlaygroundConfig,
    t: PlaygroundStrings,
    storage: StorageLike | undefined,
    onRun: () => void,
  ) {
    this.root = root;
    this.config = config;
    this.t = t;
    this.onRun = onRun;
    this.store = new CodeStore(storage, config.scope);
    const el = root.querySelector<HTMLElement>("[data-static-code]");
    this.input = el ? captureStaticInput(el) : null;
  }

  /**
   * Shows the editor when it is needed now (saved work, a share link, or the learner already
   * reached for the static code); otherwise loads it on their first focus, click or key.
   */
  async start(): Promise<void> {
    const saved = this.store.saved();
    const shared = await decodeShare(location.hash, this.config.id);
    const own = saved !== null && saved !== this.config.starter;
    // A refused link (too large, damaged) only says so: the learner's code stays as it was.
    // The learner's saved code replaces the starter on screen at once (plain until the editor is in).
    if (own && this.input) showPlain(this.input.element, saved);
    if (!this.input || own || (shared !== null && "code" in shared) || this.input.wanted)
      await this.ensureEditor();
    else this.input.onIntent = () => void this.ensureEditor();
    this.updateUndo();
  }

  ensureEditor(): Promise<EditorHandle> {
    this.loading ??= (async () => {
      const opts = {
        doc: this.store.saved() ?? this.config.starter,
        label: this.t.editorLabel(this.config.title),
        hint: this.t.editorHint,
        onChange: (c: string) => {
          if (!this.store.save(c))
            this.showNotice(this.t.notSaved(String(MAX_CODE_BYTES / 1024)), "not-saved");
          else this.hideNotice("not-saved");
        },
        onRun: this.onRun,
      };
      let editor: EditorHandle;
      if (this.input) editor = await replaceStaticCode(this.input, opts);
      else {
        const { createEditor } = await import("./editor/index.ts");
        const host = this.root.querySelector<HTMLElement>("[data-editor]")!;
        host.replaceChildren();
        editor = await createEditor({ ...opts, parent: host });
      }
      this.editor = editor;
      this.root.dataset.editor = "live";
      this.updateUndo();
      return editor;
    })();
    return this.loading;
  }

  /** The editor, once it has loaded (null while the code is static). */
  get liveEditor(): EditorHandle | null {
    return this.editor;
  }

  /** The code as the learner sees it: the editor's, or the static starter code before it loads. */
  text(): string {
    return this.editor?.getCode() ?? this.store.saved() ?? this.config.starter;
  }

  /** Reset / solution / link: the code before is kept one step back (Undo). */
  async replace(next: string): Promise<void> {
    const current = this.text();
    if (current === next) return;
    const editor = await this.ensureEditor();
    this.store.replace(current, next);
    editor.setCode(next, { undoable: true });
    this.updateUndo();
  }

  async undo(): Promise<void> {
    const editor = await this.ensureEditor();
    const restored = this.store.undo(editor.getCode());
    if (restored === null) return;
    editor.setCode(restored, { undoable: true });
    this.updateUndo();
    editor.focus();
  }

  private updateUndo(): void {
    const btn = this.root.querySelector<HTMLButtonElement>('[data-action="undo"]')!;
    const prev = this.store.previous();
    btn.hidden = prev === null || prev === this.text();
    btn.title = this.t.undoReset;
  }

  /** Puts the code in the address (#code/…) and copies the link; false when the clipboard refused. */
  async copyLink(): Promise<boolean> {
    const hash = await encodeShare(this.config.id, this.text());
    history.replaceState(null, "", hash);
    try {
      await navigator.clipboard.writeText(location.href);
      return true;
    } catch {
      return false;
    }
  }

  /** Says `text` in the link banner with only Dismiss: a link refused, or code too large to save. */
  private showNotice(text: string, kind: "link" | "not-saved"): void {
    const banner = this.root.querySelector<HTMLElement>("[data-link-banner]")!;
    const dismiss = banner.querySelector<HTMLElement>('[data-action="link-dismiss"]')!;
    banner.querySelector("[data-link-text]")!.textContent = text;
    for (const b of banner.querySelectorAll<HTMLElement>("[data-ask]")) b.hidden = true;
    dismiss.hidden = false;
    banner.dataset.notice = kind;
    banner.hidden = false;
    dismiss.onclick = () => {
      banner.hidden = true;
    };
  }

  private hideNotice(kind: "link" | "not-saved"): void {
    const banner = this.root.querySelector<HTMLElement>("[data-link-banner]")!;
    if (banner.dataset.notice === kind) {
      banner.hidden = true;
      delete banner.dataset.notice;
    }
  }

  /**
   * Show solution asks in the page, next to the buttons (not the browser's confirm(), which blocks
   * the tab and cannot be styled or translated with the page): Enter takes the solution, Escape or
   * "Keep my code" leaves the code as it is.
   */
  askSolution(solution: string): void {
    const banner = this.root.querySelector<HTMLElement>("[data-solution-banner]");
    const asker = this.root.querySelector<HTMLElement>('[data-action="solution"]');
    if (!banner) return;
    const close = (take: boolean) => {
      banner.hidden = true;
      banner.onclick = banner.onkeydown = null;
      if (take) void this.replace(solution).then(() => this.editor?.focus());
      else asker?.focus();
    };
    banner.onclick = (ev) => {
      const action = (ev.target as Element).closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action === "solution-yes" || action === "solution-no") close(action === "solution-yes");
    };
    banner.onkeydown = (ev) => {
      if (ev.key === "Escape") close(false);
    };
    banner.hidden = false;
    banner.querySelector<HTMLElement>('[data-action="solution-yes"]')!.focus();
  }

  /**
   * A share link lands on its playground: scrolled to, the editor focused, and a banner saying
   * where the code came from. It never overwrites saved work without asking.
   */
  async offerShared(): Promise<void> {
    const link = await decodeShare(location.hash, this.config.id);
    if (link === null) return;
    if ("refused" in link) {
      const kib = String(MAX_CODE_BYTES / 1024);
      this.showNotice(link.refused === "too-large" ? this.t.linkTooLarge(kib) : this.t.linkDamaged, "link");
      holdInView(this.root);
      return;
    }
    const shared = link.code;
    const editor = await this.ensureEditor();
    const banner = this.root.querySelector<HTMLElement>("[data-link-banner]")!;
    const saved = this.store.saved();
    const ask = saved !== null && saved !== shared;
    if (!ask) await this.replace(shared);
    banner.querySelector("[data-link-text]")!.textContent = ask ? this.t.linkBanner : this.t.linkLoaded;
    for (const b of banner.querySelectorAll<HTMLElement>("[data-ask]")) b.hidden = !ask;
    banner.querySelector<HTMLElement>('[data-action="link-dismiss"]')!.hidden = ask;
    banner.hidden = false;
    banner.addEventListener("click", (ev) => {
      const action = (ev.target as Element).closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action === "link-load") void this.replace(shared);
      if (action === "link-load" || action === "link-keep" || action === "link-dismiss") {
        banner.hidden = true;
        editor.focus();
      }
    });
    // Focus without scrolling (focusing scrolls "nearest" on its own), then land on the playground.
    editor.view.contentDOM.focus({ preventScroll: true });
    holdInView(this.root);
  }
}

/** Puts `code` in the static code's lines and gutter, unhighlighted. */
function showPlain(el: HTMLElement, code: string): void {
  const lines = code.split("\n");
  const span = (text: string, attrs: Record<string, string> = {}) => {
    const s = document.createElement("span");
    for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
    s.textContent = text;
    return s;
  };
  el.querySelector(".pg-code__lines")?.replaceChildren(...lines.map((l) => span(l, { "data-line": "" })));
  el.querySelector(".pg-code__gutter")?.replaceChildren(...lines.map((_, i) => span(String(i + 1))));
}

/**
 * Scrolls the playground to the top of the window and keeps it there while the page settles
 * (other playgrounds waking up and growing, CodeMirror bringing its cursor into view), until the
 * learner scrolls, clicks, touches or types.
 */
function holdInView(root: HTMLElement): void {
  // Instant: a smooth scroll past other playgrounds would wake them, and their growth would move the target.
  const place = () => root.scrollIntoView({ block: "start", behavior: "instant" });
  place();
  const top = root.getBoundingClientRect().top;
  let frame = 0;
  const check = () => {
    frame = 0;
    if (Math.abs(root.getBoundingClientRect().top - top) > 4) place();
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
