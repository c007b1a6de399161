// @vitest-environment happy-dom
// createEditor in a simulated DOM: accessibility wiring, callbacks, teardown. TypeScript
// support (a Web Worker) is left off here; the playground's browser tests cover it live.
import { afterEach, describe, expect, test } from "vitest";
import { createEditor, type EditorHandle } from "../../src/playground/editor/index.ts";

let handle: EditorHandle | null = null;
afterEach(() => {
  handle?.destroy();
  handle = null;
  document.body.replaceChildren();
});

async function mount(extra: { onRun?(): void; onChange?(code: string): void; hint?: string } = {}) {
  const parent = document.body.appendChild(document.createElement("div"));
  handle = await createEditor({
    parent,
    doc: "let a = 1;",
    label: "read_packet: your code",
    typeCheck: "off",
    ...extra,
  });
  return { parent, handle, content: handle.view.contentDOM };
}

describe("createEditor", () => {
  test("labels the text box and describes how to leave it", async () => {
    const { content } = await mount({ onRun() {} });
    expect(content.getAttribute("aria-label")).toBe("read_packet: your code");
    const hint = document.getElementById(content.getAttribute("aria-describedby")!);
    expect(hint?.textContent).toMatch(/Escape.*Tab/);
  });

  test("a localized hint replaces the default", async () => {
    const { content } = await mount({ hint: "按 Esc 再按 Tab 离开编辑器。" });
    expect(document.getElementById(content.getAttribute("aria-describedby")!)?.textContent).toBe(
      "按 Esc 再按 Tab 离开编辑器。",
    );
  });

  test("getCode/setCode round-trip and onChange sees every change", async () => {
    const changes: string[] = [];
    const { handle } = await mount({ onChange: (c) => changes.push(c) });
    expect(handle.getCode()).toBe("let a = 1;");
    handle.setCode("let b = 2;");
    handle.view.dispatch({ changes: { from: 0, insert: "// hi\n" } });
    expect(handle.getCode()).toBe("// hi\nlet b = 2;");
    expect(changes).toEqual(["let b = 2;", "// hi\nlet b = 2;"]);
  });

  test("Ctrl+Enter calls onRun and does not edit the text", async () => {
    let runs = 0;
    const { handle, content } = await mount({ onRun: () => runs++ });
    content.dispatchEvent(
      new KeyboardEvent("keydown", {
        key: "Enter",
        keyCode: 13,
        ctrlKey: true,
        bubbles: true,
        cancelable: true,
      }),
    );
    expect(runs).toBe(1);
    expect(handle.getCode()).toBe("let a = 1;");
  });

  test("destroy removes the editor and its hint", async () => {
    const { parent, handle } = await mount();
    handle.destroy();
    expect(parent.children).toHaveLength(0);
  });
});
