// The editor's state-level behaviour, without a DOM: setCode's history handling and the
// Ctrl/Cmd+Enter binding's precedence.
import { indentWithTab, redo, undo, undoDepth } from "@codemirror/commands";
import { Compartment, EditorState, type Transaction, type TransactionSpec } from "@codemirror/state";
import { keymap, type EditorView } from "@codemirror/view";
import { describe, expect, test } from "vitest";
import { baseExtensions, defaultHint, replaceDocSpecs } from "../../src/playground/editor/index.ts";

function setup(onRun?: () => void) {
  const history = new Compartment();
  let state = EditorState.create({ doc: "let a = 1;", extensions: baseExtensions({ onRun, history }) });
  const apply = (spec: TransactionSpec): void => {
    state = state.update(spec).state;
  };
  const run = (cmd: (t: { state: EditorState; dispatch: (tr: Transaction) => void }) => boolean): boolean =>
    cmd({ state, dispatch: (tr) => (state = tr.state) });
  const type = (text: string): void =>
    apply({ changes: { from: state.doc.length, insert: text }, userEvent: "input.type" });
  return {
    history,
    apply,
    run,
    type,
    get state() {
      return state;
    },
  };
}

describe("setCode (replaceDocSpecs)", () => {
  test("by default the learner's earlier edits cannot be undone into the new text", () => {
    const ed = setup();
    ed.type(" a += 1;");
    expect(undoDepth(ed.state)).toBe(1);
    for (const spec of replaceDocSpecs(ed.state, "saved code", false, ed.history)) ed.apply(spec);
    expect(ed.state.doc.toString()).toBe("saved code");
    expect(undoDepth(ed.state)).toBe(0);
    expect(ed.run(undo)).toBe(false);
    // History still works for what comes next.
    ed.type("!");
    expect(ed.run(undo)).toBe(true);
    expect(ed.state.doc.toString()).toBe("saved code");
  });

  test("undoable: one undo brings the previous text back, redo re-applies", () => {
    const ed = setup();
    ed.type(" mine();");
    for (const spec of replaceDocSpecs(ed.state, "starter", true, ed.history)) ed.apply(spec);
    expect(ed.state.doc.toString()).toBe("starter");
    expect(ed.run(undo)).toBe(true);
    expect(ed.state.doc.toString()).toBe("let a = 1; mine();");
    expect(ed.run(redo)).toBe(true);
    expect(ed.state.doc.toString()).toBe("starter");
  });
});

describe("keys", () => {
  const bindings = (state: EditorState) => state.facet(keymap).flat();
  // The run binding never reads its view.
  const noView = null as unknown as EditorView;

  test("Mod-Enter runs (before defaultKeymap's insertBlankLine) only when there is onRun", () => {
    let runs = 0;
    const withRun = setup(() => runs++);
    const first = bindings(withRun.state).find((b) => b.key === "Mod-Enter")!;
    expect(first.run!(noView)).toBe(true);
    expect(runs).toBe(1);
    // Without onRun the binding declines, so Mod-Enter falls through to the default keymap.
    const without = setup();
    expect(bindings(without.state).find((b) => b.key === "Mod-Enter")!.run!(noView)).toBe(false);
  });

  test("Tab is indentWithTab, which CodeMirror's Escape-then-Tab escape hatch lets keyboard users leave", () => {
    expect(bindings(setup().state).filter((b) => b.key === "Tab")).toEqual([indentWithTab]);
  });

  test("the screen-reader hint mentions Ctrl+Enter only when it does something", () => {
    expect(defaultHint(true)).toMatch(/Escape.*Tab.*Ctrl\+Enter/);
    expect(defaultHint(false)).not.toContain("Ctrl+Enter");
  });
});
