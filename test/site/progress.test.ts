import { describe, expect, it } from "vitest";
import {
  countRead,
  loadProgress,
  markRead,
  parseProgress,
  PROGRESS_KEY,
  serializeProgress,
} from "../../src/site/progress.ts";
import type { StorageLike } from "../../src/site/storage.ts";

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
  };
}

const broken: StorageLike = {
  getItem: () => {
    throw new DOMException("blocked", "SecurityError");
  },
  setItem: () => {
    throw new DOMException("full", "QuotaExceededError");
  },
};

describe("reading progress", () => {
  it("round-trips through its stored form", () => {
    const read = new Set(["seek", "buffer"]);
    expect(parseProgress(serializeProgress(read))).toEqual(read);
  });

  it("treats missing or corrupt data as nothing read", () => {
    for (const raw of [null, "", "{", "42", "null", '{"read":"seek"}', '{"read":[1,null]}']) {
      expect(parseProgress(raw), String(raw)).toEqual(new Set());
    }
  });

  it("marks a lesson read and persists it", () => {
    const storage = memoryStorage();
    expect(markRead(storage, "memory-io")).toEqual(new Set(["memory-io"]));
    expect(markRead(storage, "parameters")).toEqual(new Set(["memory-io", "parameters"]));
    expect(JSON.parse(storage.data[PROGRESS_KEY]!)).toEqual({ read: ["memory-io", "parameters"] });
    expect(loadProgress(storage)).toEqual(new Set(["memory-io", "parameters"]));
  });

  it("keeps working when storage is blocked or missing", () => {
    expect(loadProgress(broken)).toEqual(new Set());
    expect(markRead(broken, "seek")).toEqual(new Set(["seek"]));
    expect(markRead(undefined, "seek")).toEqual(new Set(["seek"]));
  });

  it("counts read lessons among a list", () => {
    expect(countRead(new Set(["a", "x"]), ["a", "b", "c"])).toBe(1);
  });
});
