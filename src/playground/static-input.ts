// The playground's code is first shown as static highlighted HTML (Playground.astro); CodeMirror
// loads on the learner's first focus, click or keystroke in it. Until it is ready, what the learner
// does there is kept here, in order — keys, pastes, where they clicked — and handed to the editor
// when it takes over (lazy-editor.ts). This module loads with the page, so it stays tiny.

/** One thing the learner did before the editor was ready. */
export type PendingInput =
  | { type: "key"; init: KeyboardEventInit & { key: string } }
  | { type: "text"; text: string };

export interface StaticInput {
  /** The static code element (role=textbox). */
  readonly element: HTMLElement;
  /** Offset in the code where the learner clicked last, or null (keyboard focus: the start). */
  caret: number | null;
  readonly pending: PendingInput[];
  /** Whether the learner has shown they want to edit (focus, click, key). */
  wanted: boolean;
  /** Called on the first sign of intent (set by whoever loads the editor). */
  onIntent: (() => void) | null;
}

const inputs = new WeakMap<HTMLElement, StaticInput>();

/** Keys that move focus or do nothing by themselves: left to the browser, not kept. */
const PASS = new Set(["Tab", "Escape", "Shift", "Control", "Alt", "Meta", "CapsLock", "ContextMenu"]);

/** Starts keeping the learner's input on `element` (idempotent); returns its record. */
export function captureStaticInput(element: HTMLElement): StaticInput {
  const known = inputs.get(element);
  if (known) return known;
  const input: StaticInput = { element, caret: null, pending: [], wanted: false, onIntent: null };
  inputs.set(element, input);
  const want = () => {
    if (input.wanted) return;
    input.wanted = true;
    input.onIntent?.();
  };
  element.addEventListener("focusin", want);
  element.addEventListener("pointerdown", (ev) => {
    input.caret = caretAt(element, ev.clientX, ev.clientY);
    want();
  });
  element.addEventListener("keydown", (ev) => {
    const mod = ev.ctrlKey || ev.metaKey;
    if (PASS.has(ev.key) || ev.isComposing) return;
    if (mod && ev.key === "Enter") {
      // Run, as in the editor: the button's click is kept by mount.ts until the controls are wired.
      ev.preventDefault();
      element.closest("[data-playground]")?.querySelector<HTMLElement>('[data-action="run"]')?.click();
      return;
    }
    // Copy works on the static text as it is; a paste arrives as its own event (below).
    if (mod && !ev.altKey && ["c", "v", "x"].includes(ev.key.toLowerCase())) return;
    // The keys are the editor's: no page scroll on Space or arrows, no site shortcut ("/" opens search).
    ev.preventDefault();
    ev.stopPropagation();
    const { key, code, ctrlKey, metaKey, shiftKey, altKey } = ev;
    input.pending.push({ type: "key", init: { key, code, ctrlKey, metaKey, shiftKey, altKey } });
    want();
  });
  element.addEventListener("paste", (ev) => {
    const text = ev.clipboardData?.getData("text/plain");
    if (!text) return;
    ev.preventDefault();
    input.pending.push({ type: "text", text });
    want();
  });
  return input;
}

/** The code offset under a point: lines are the element's `[data-line]` children, one per line. */
function caretAt(element: HTMLElement, x: number, y: number): number | null {
  const cp = document.caretPositionFromPoint?.(x, y);
  const range = cp ? null : document.caretRangeFromPoint?.(x, y);
  const pos = cp
    ? { node: cp.offsetNode, offset: cp.offset }
    : range && { node: range.startContainer, offset: range.startOffset };
  const node = pos?.node;
  if (!pos || !node || !element.contains(node)) return null;
  const line = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>("[data-line]");
  if (!line) return null;
  const before = document.createRange();
  before.setStart(line, 0);
  before.setEnd(node, pos.offset);
  let offset = before.toString().length;
  for (let l = line.previousElementSibling; l; l = l.previousElementSibling)
    offset += (l.textContent ?? "").length + 1; // + the line break
  return offset;
}
