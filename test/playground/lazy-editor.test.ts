// @vitest-environment happy-dom
// The hand-over from the static code to the editor: what the learner typed before CodeMirror was
// ready is replayed in order, at the caret, through the editor's own keymap.
import { afterEach, expect, test } from "vitest";
import type { EditorHandle } from "../../src/playground/editor/index.ts";
import { replaceStaticCode } from "../../src/playground/lazy-editor.ts";
import { captureStaticInput } from "../../src/playground/static-input.ts";

let editor: EditorHandle | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
  document.body.replaceChildren();
});

function staticCode(): HTMLElement {
  const host = document.body.appendChild(document.createElement("div"));
  const code = host.appendChild(document.createElement("div"));
  code.dataset.static = "";
  code.tabIndex = 0;
  return code;
}

const key = (el: HTMLElement, k: string, init: KeyboardEventInit = {}) =>
  el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...init }));

test("keys, Enter and Backspace typed before the editor loaded land in order at the caret", async () => {
  const el = staticCode();
  const input = captureStaticInput(el);
  let wanted = 0;
  input.onIntent = () => wanted++;
  input.caret = 3; // clicked after "abc"
  for (const k of ["x", "y", "Backspace", "z", "Enter", "!"]) key(el, k);
  // Leaving by keyboard is not kept.
  expect(key(el, "Tab"), "Tab is left to the browser").toBe(true);
  expect(wanted).toBe(1);
  editor = await replaceStaticCode(input, { doc: "abc\ndef", label: "code", typeCheck: "off" });
  expect(editor.getCode()).toBe("abcxz\n!\ndef");
  expect(editor.view.state.selection.main.head).toBe(7);
  expect(document.body.querySelector("[data-static]"), "the static code is gone").toBeNull();
  expect(input.pending).toEqual([]);
});

test("a paste is kept as text; Ctrl+Enter runs instead of being typed", async () => {
  const pg = document.body.appendChild(document.createElement("section"));
  pg.dataset.playground = "{}";
  const run = pg.appendChild(document.createElement("button"));
  run.dataset.action = "run";
  let runs = 0;
  run.addEventListener("click", () => runs++);
  const host = pg.appendChild(document.createElement("div"));
  const el = host.appendChild(document.createElement("div"));
  el.dataset.static = "";
  const input = captureStaticInput(el);
  key(el, "Enter", { ctrlKey: true });
  expect(runs).toBe(1);
  const paste = new Event("paste", { bubbles: true, cancelable: true }) as ClipboardEvent;
  Object.defineProperty(paste, "clipboardData", { value: { getData: () => "pasted()" } });
  el.dispatchEvent(paste);
  editor = await replaceStaticCode(input, { doc: "", label: "code", typeCheck: "off" });
  expect(editor.getCode()).toBe("pasted()");
});
