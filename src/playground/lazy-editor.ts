// The hand-over from the static code to CodeMirror: the editor is created with the same text,
// the caret where the learner clicked, then every key and paste they made while it loaded is
// replayed in order through the editor's own keymap — and focus moves into it if it was on the code.
import type { EditorHandle, EditorOptions } from "./editor/index.ts";
import type { StaticInput } from "./static-input.ts";

export async function replaceStaticCode(
  input: StaticInput,
  opts: Omit<EditorOptions, "parent">,
): Promise<EditorHandle> {
  const { createEditor, runScopeHandlers } = await import("./editor/index.ts");
  const host = input.element.parentElement!;
  const hadFocus = input.element.contains(document.activeElement);
  const editor = await createEditor({ ...opts, parent: host });
  // The static code and its hint go; the editor brings its own.
  for (const el of host.querySelectorAll("[data-static]")) el.remove();
  const view = editor.view;
  const caret = Math.min(input.caret ?? 0, view.state.doc.length);
  view.dispatch({ selection: { anchor: caret } });
  for (const p of input.pending.splice(0)) {
    if (p.type === "text") {
      view.dispatch(view.state.replaceSelection(p.text), { userEvent: "input.paste", scrollIntoView: true });
      continue;
    }
    const ev = new KeyboardEvent("keydown", p.init);
    if (runScopeHandlers(view, ev, "editor")) continue;
    // A character (one code point, no shortcut modifier): typed as it is.
    if ([...p.init.key].length === 1 && !p.init.ctrlKey && !p.init.metaKey)
      view.dispatch(view.state.replaceSelection(p.init.key), {
        userEvent: "input.type",
        scrollIntoView: true,
      });
  }
  input.onIntent = null;
  if (hadFocus) editor.focus();
  return editor;
}
