// @vitest-environment happy-dom
// The Console view: a region named Console (控制台), each printed line as text with the callback
// call that printed it, the cap's "N more lines" below the box, and a short line when nothing printed.
import { beforeEach, describe, expect, it } from "vitest";
import { strings } from "../../src/i18n/index.ts";
import { renderConsole } from "../../src/playground/views/console.ts";

const en = strings("en").views;
const zh = strings("zh-cn").views;

let container: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  container = document.createElement("div");
  document.body.append(container);
});

const title = () => container.querySelector("section h3")?.textContent;
const lines = () => [...container.querySelectorAll(".pg-console__line")].map((l) => l.textContent);

describe("renderConsole", () => {
  it("shows each line in order, tagged with its callback call when printed inside one", () => {
    renderConsole(
      container,
      {
        lines: [
          { text: "loaded" },
          { text: "asked for 4096", at: { callback: "read_packet", call: 1 } },
          { text: "warn: <b>not html</b>", at: { callback: "seek", call: 12345 } },
        ],
        more: 0,
      },
      en,
    );
    expect(title()).toBe("Console");
    const section = container.querySelector("section")!;
    expect(section.getAttribute("aria-labelledby")).toBe(section.querySelector("h3")!.id);
    expect(lines()).toEqual([
      "loaded",
      "read_packet #1 asked for 4096",
      "seek #12,345 warn: <b>not html</b>",
    ]);
    expect(container.querySelector("b")).toBeNull();
    expect(container.querySelector(".pg-console__line.is-problem")).not.toBeNull();
    expect(container.querySelector(".pg-console__more")).toBeNull();
  });

  it("says how many lines the cap left out, and is empty but for that when none were kept", () => {
    renderConsole(container, { lines: [{ text: "a" }], more: 9800 }, en);
    expect(container.querySelector(".pg-console__more")?.textContent).toBe("9,800 more lines");
    renderConsole(container, { lines: [], more: 1 }, en);
    expect(lines()).toEqual([]);
    expect(container.querySelector(".pg-console__more")?.textContent).toBe("1 more line");
    expect(container.textContent).not.toContain(en.console.none);
  });

  it("nothing printed: a short line, in the page's language", () => {
    renderConsole(container, undefined, en);
    expect(container.textContent).toBe("ConsoleNothing printed.");
    renderConsole(container, undefined, zh);
    expect(title()).toBe("控制台");
    expect(container.textContent).toContain("没有输出。");
    renderConsole(container, { lines: [{ text: "x" }], more: 3 }, zh);
    expect(container.querySelector(".pg-console__more")?.textContent).toBe("还有 3 行");
  });
});
