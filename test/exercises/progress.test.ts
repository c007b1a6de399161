import { describe, expect, it } from "vitest";
import {
  HINTS_KEY,
  exportProgress,
  importProgress,
  loadDone,
  loadHintsShown,
  markDone,
  showNextHint,
} from "../../src/site/exercise-progress.ts";
import { PROGRESS_KEY } from "../../src/site/progress.ts";

function storage(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    key: (i: number) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
    map: m,
  };
}

describe("exercise progress", () => {
  it("hints are shown one more per failed Check, never past the last, and remembered", () => {
    const s = storage();
    expect(showNextHint(s, "seek", 2)).toBe(1);
    expect(showNextHint(s, "seek", 2)).toBe(2);
    expect(showNextHint(s, "seek", 2)).toBe(2);
    expect(showNextHint(s, "read-packet", 3)).toBe(1);
    expect(loadHintsShown(s)).toEqual({ seek: 2, "read-packet": 1 });
    expect(loadHintsShown(storage({ [HINTS_KEY]: '{"seek": -1, "x": "2", "y": 1}' }))).toEqual({ y: 1 });
    expect(loadHintsShown(storage({ [HINTS_KEY]: "not json" }))).toEqual({});
  });

  it("marks an exercise done once, keeping the first date", () => {
    const s = storage();
    markDone(s, "seek", new Date("2026-01-01"));
    markDone(s, "seek", new Date("2026-02-02"));
    expect(loadDone(s)).toEqual({ seek: "2026-01-01T00:00:00.000Z" });
  });

  it("export → import round-trips lessons, exercises and saved code to another machine", () => {
    const a = storage({
      [PROGRESS_KEY]: JSON.stringify({ read: ["buffer", "memory-io"] }),
      "avio-workbook:playground:/exercises/seek/exercise:code": "my seek",
    });
    markDone(a, "seek", new Date("2026-01-01"));
    const file = JSON.stringify(exportProgress(a));
    const b = storage({ "avio-workbook:playground:/exercises/seek/exercise:code": "other code" });
    expect(importProgress(b, file)).toEqual({ lessons: 2, exercises: 1, code: 1 });
    expect(JSON.parse(b.getItem(PROGRESS_KEY)!).read).toEqual(["buffer", "memory-io"]);
    expect(loadDone(b)).toEqual({ seek: "2026-01-01T00:00:00.000Z" });
    expect(b.getItem("avio-workbook:playground:/exercises/seek/exercise:code")).toBe("my seek");
    expect(b.getItem("avio-workbook:playground:/exercises/seek/exercise:previous")).toBe("other code"); // nothing lost
  });

  it("refuses a file that is not a progress file", () => {
    expect(() => importProgress(storage(), "{}")).toThrow(/not an avio-workbook progress file/);
    expect(() => importProgress(storage(), "nope")).toThrow(/not a JSON file/);
  });
});
