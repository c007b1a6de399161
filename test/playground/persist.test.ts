import { describe, expect, it } from "vitest";
import { CodeStore, decodeShare, decodeShareTarget, encodeShare } from "../../src/playground/persist.ts";

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    map: m,
  };
}

describe("CodeStore", () => {
  it("autosaves per playground and restores", () => {
    const s = memoryStorage();
    const a = new CodeStore(s, "read-packet/first");
    expect(a.saved()).toBeNull();
    a.save("edited");
    expect(new CodeStore(s, "read-packet/first").saved()).toBe("edited");
    expect(new CodeStore(s, "read-packet/other").saved()).toBeNull();
  });

  it("reset is undoable, and the undo itself can be undone", () => {
    const s = memoryStorage();
    const st = new CodeStore(s, "x/1");
    st.save("my work");
    st.replace("my work", "starter");
    expect(st.saved()).toBe("starter");
    expect(st.undo("starter")).toBe("my work");
    expect(st.saved()).toBe("my work");
    expect(st.undo("my work")).toBe("starter");
  });

  it("survives blocked storage", () => {
    const broken = {
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("blocked");
      },
    };
    const st = new CodeStore(broken, "x/1");
    expect(() => st.save("a")).not.toThrow();
    expect(st.saved()).toBeNull();
  });
});

describe("share links", () => {
  it("round-trip code, unicode and all, for the right playground only", async () => {
    const code = "export function read_packet() { return -541478725; } // 回调函数 ✓\n".repeat(20);
    const hash = await encodeShare("read-packet/first", code);
    expect(hash).toMatch(/^#code\/read-packet%2Ffirst\/[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(code.length); // compressed
    expect(await decodeShare(hash, "read-packet/first")).toBe(code);
    expect(await decodeShare(hash, "read-packet/second")).toBeNull();
  });

  it("names the playground a link is for, so the page can wake that one first", async () => {
    expect(decodeShareTarget(await encodeShare("read-packet/io-error", "x"))).toBe("read-packet/io-error");
    expect(decodeShareTarget("#intro")).toBeNull();
    expect(decodeShareTarget("#code/%E0%A4%A/AAAA")).toBeNull(); // a broken escape
  });

  it("a damaged link yields null, not an exception", async () => {
    expect(await decodeShare("#code/a/AAAA", "a")).toBeNull();
    expect(await decodeShare("#intro", "a")).toBeNull();
  });
});
