// The code editor of the playgrounds: CodeMirror 6 with a light setup. TypeScript support
// (typescript.ts: type errors, completion, hover docs) is a separate chunk loaded with import()
// on first focus or hover, so a page that never touches an editor never downloads TypeScript.
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import {
  Compartment,
  EditorState,
  Prec,
  Transaction,
  type Extension,
  type TransactionSpec,
} from "@codemirror/state";
import {
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { type RunMark, runMarks, setRunMarks } from "./run-marks.ts";
import { editorTheme } from "./theme.ts";
import { tokenHighlighter } from "./tokens.ts";
import type { SyntaxPlace } from "./tsenv.ts";
import type { TypeScriptSupport } from "./typescript.ts";

export type { RunMark } from "./run-marks.ts";
export type { SyntaxPlace } from "./tsenv.ts";

// For the hand-over from the static code (lazy-editor.ts): keys pressed before the editor loaded.
export { runScopeHandlers } from "@codemirror/view";

export interface EditorOptions {
  parent: HTMLElement;
  /** Initial code. */
  doc: string;
  /** Accessible name of the editor, e.g. "read_packet: your code". */
  label: string;
  /** Every change of the text, including setCode. */
  onChange?(code: string): void;
  /** Ctrl+Enter / Cmd+Enter. */
  onRun?(): void;
  /**
   * Read to screen readers with the label (localize it). Default: defaultHint().
   * Leaving the editor by keyboard is CodeMirror's: Escape, then Tab (or Ctrl+M toggles Tab).
   */
  hint?: string;
  /** When TypeScript support loads: on first focus or hover (default), right away, or never. */
  typeCheck?: "on-focus" | "eager" | "off";
  /**
   * Lines wrap while this media query matches (default: narrow screens, where a long line's
   * key comment would otherwise be off-screen); "" never wraps.
   */
  wrapWhen?: string;
}

/** Below this width (a phone) playground code wraps instead of scrolling sideways. */
export const WRAP_QUERY = "(max-width: 40rem)";

export interface EditorHandle {
  getCode(): string;
  /**
   * Replaces the whole text. `undoable: true` (e.g. "reset to starter code") lets Ctrl+Z bring
   * the learner's code back; by default the undo history starts afresh (e.g. loading saved code).
   */
  setCode(code: string, opts?: { undoable?: boolean }): void;
  focus(): void;
  destroy(): void;
  /** Loads TypeScript support now (if not yet) and resolves once it is active. */
  loadTypes(): Promise<void>;
  /** Marks the lines a Run's findings point at (replacing the last Run's marks); an edit clears them. */
  markRun(marks: readonly RunMark[]): void;
  /** TypeScript's errors in the current text, or null while TypeScript support is not loaded. */
  typeErrors(): Promise<number | null>;
  /** Where TypeScript's parser lost track in the current text, or null (it parses, or no TypeScript yet). */
  syntaxError(): Promise<SyntaxPlace | null>;
  view: EditorView;
}

/** The default hint (English); the run sentence only when there is an onRun. */
export function defaultHint(canRun: boolean): string {
  const leave = "Code editor. Tab indents; to leave the editor, press Escape and then Tab.";
  return canRun ? `${leave} Ctrl+Enter (Cmd+Enter on a Mac) runs the code.` : leave;
}

/** The editor's extensions apart from TypeScript support; DOM-free (tested in Node). */
export function baseExtensions(opts: { onRun?(): void; history: Compartment }): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    opts.history.of(history()),
    indentOnInput(),
    indentUnit.of("  "),
    EditorState.tabSize.of(2),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    javascript({ typescript: true }),
    syntaxHighlighting(tokenHighlighter),
    editorTheme,
    runMarks,
    // Above defaultKeymap, whose Mod-Enter inserts a blank line.
    Prec.highest(
      keymap.of([
        {
          key: "Mod-Enter",
          run: () => {
            if (!opts.onRun) return false;
            opts.onRun();
            return true;
          },
        },
      ]),
    ),
    // indentWithTab: Escape then Tab still moves focus out (CodeMirror's built-in escape hatch).
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
  ];
}

/**
 * The transactions that replace the text. Not undoable: the history extension is removed and
 * re-added, which is the only way to empty it, so older edits cannot be undone into the new text.
 */
export function replaceDocSpecs(
  state: EditorState,
  code: string,
  undoable: boolean,
  historySlot: Compartment,
): TransactionSpec[] {
  const replace: TransactionSpec = {
    changes: { from: 0, to: state.doc.length, insert: code },
    selection: { anchor: 0 },
    scrollIntoView: true,
  };
  if (undoable) return [{ ...replace, userEvent: "input.replace" }];
  return [
    { ...replace, effects: historySlot.reconfigure([]), annotations: Transaction.addToHistory.of(false) },
    { effects: historySlot.reconfigure(history()) },
  ];
}

let editors = 0;

export async function createEditor(opts: EditorOptions): Promise<EditorHandle> {
  const historySlot = new Compartment();
  const typesSlot = new Compartment();
  const wrapSlot = new Compartment();
  const wrapQuery =
    (opts.wrapWhen ?? WRAP_QUERY) && typeof matchMedia === "function"
      ? matchMedia(opts.wrapWhen ?? WRAP_QUERY)
      : null;
  const wrapping = () => (wrapQuery?.matches ? EditorView.lineWrapping : []);
  const hintId = `avio-editor-hint-${++editors}`;

  const view = new EditorView({
    parent: opts.parent,
    state: EditorState.create({
      doc: opts.doc,
      extensions: [
        baseExtensions({ onRun: opts.onRun, history: historySlot }),
        typesSlot.of([]),
        wrapSlot.of(wrapping()),
        // tabindex: axe counts a contenteditable inside a scroller as reachable only with it.
        EditorView.contentAttributes.of({
          "aria-label": opts.label,
          "aria-describedby": hintId,
          tabindex: "0",
        }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) opts.onChange?.(u.state.doc.toString());
        }),
      ],
    }),
  });

  const hint = document.createElement("span");
  hint.id = hintId;
  hint.textContent = opts.hint ?? defaultHint(opts.onRun !== undefined);
  // Visually hidden, still read by screen readers.
  hint.style.cssText =
    "position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0;padding:0";
  opts.parent.append(hint);

  let destroyed = false;
  let support: TypeScriptSupport | null = null;
  let loading: Promise<void> | null = null;
  const loadTypes = (): Promise<void> => {
    loading ??= import("./typescript.ts").then(
      ({ typescriptSupport }) => {
        if (destroyed) return;
        support = typescriptSupport();
        view.dispatch({ effects: typesSlot.reconfigure(support.extension) });
      },
      (err: unknown) => {
        loading = null; // a failed chunk load (offline) may be retried on the next focus
        throw err;
      },
    );
    return loading;
  };
  const onIntent = (): void => {
    loadTypes().catch((err: unknown) =>
      console.warn("TypeScript support for the editor failed to load", err),
    );
  };
  const onWrapChange = () => view.dispatch({ effects: wrapSlot.reconfigure(wrapping()) });
  wrapQuery?.addEventListener("change", onWrapChange);
  const mode = opts.typeCheck ?? "on-focus";
  if (mode === "eager") onIntent();
  else if (mode === "on-focus") {
    // Not `once`: after a failed load, the next focus retries (loadTypes is idempotent).
    view.dom.addEventListener("focusin", onIntent);
    view.dom.addEventListener("pointerenter", onIntent);
  }

  return {
    view,
    getCode: () => view.state.doc.toString(),
    setCode(code, { undoable = false } = {}) {
      for (const spec of replaceDocSpecs(view.state, code, undoable, historySlot)) view.dispatch(spec);
    },
    focus: () => view.focus(),
    loadTypes,
    markRun: (marks) => view.dispatch({ effects: setRunMarks.of(marks) }),
    typeErrors: async () => {
      const s = support as TypeScriptSupport | null;
      return s ? (await s.diagnose()).filter((d) => d.severity === "error").length : null;
    },
    syntaxError: async () => {
      const s = support as TypeScriptSupport | null;
      return s ? s.syntaxError() : null;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      wrapQuery?.removeEventListener("change", onWrapChange);
      view.dom.removeEventListener("focusin", onIntent);
      view.dom.removeEventListener("pointerenter", onIntent);
      support?.dispose();
      view.destroy();
      hint.remove();
    },
  };
}
