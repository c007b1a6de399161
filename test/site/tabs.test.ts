import { describe, expect, it } from "vitest";
import { nextTabIndex } from "../../src/site/tabs.ts";

describe("tab keyboard model", () => {
  it("moves with arrows and wraps around", () => {
    expect(nextTabIndex("ArrowRight", 0, 2)).toBe(1);
    expect(nextTabIndex("ArrowRight", 1, 2)).toBe(0);
    expect(nextTabIndex("ArrowLeft", 0, 2)).toBe(1);
    expect(nextTabIndex("Home", 1, 3)).toBe(0);
    expect(nextTabIndex("End", 0, 3)).toBe(2);
  });

  it("leaves other keys (including Up/Down for scrolling) alone", () => {
    for (const key of ["ArrowDown", "ArrowUp", "Enter", "a"]) expect(nextTabIndex(key, 0, 2)).toBeNull();
    expect(nextTabIndex("ArrowRight", 0, 0)).toBeNull();
  });
});
