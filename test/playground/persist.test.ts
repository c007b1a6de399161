import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  CodeStore,
  decodeShare,
  decodeShareTarget,
  encodeShare,
  inflateCapped,
  MAX_CODE_BYTES,
} from "../../src/playground/persist.ts";

const base64Url = (b: Uint8Array) => Buffer.from(b).toString("base64url");

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

  it("does not save code over the cap: the last saved code stays", () => {
    const s = memoryStorage();
    const st = new CodeStore(s, "x/1");
    expect(st.save("small")).toBe(true);
    expect(st.save("é".repeat(MAX_CODE_BYTES / 2 + 1))).toBe(false); // 2 bytes each in UTF-8
    expect(st.saved()).toBe("small");
    expect(st.save("é".repeat(MAX_CODE_BYTES / 2))).toBe(true);
    st.replace("x".repeat(MAX_CODE_BYTES + 1), "starter");
    expect(st.previous()).toBeNull();
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
    expect(await decodeShare(hash, "read-packet/first")).toEqual({ code });
    expect(await decodeShare(hash, "read-packet/second")).toBeNull();
  });

  it("names the playground a link is for, so the page can wake that one first", async () => {
    expect(decodeShareTarget(await encodeShare("read-packet/io-error", "x"))).toBe("read-packet/io-error");
    expect(decodeShareTarget("#intro")).toBeNull();
    expect(decodeShareTarget("#code/%E0%A4%A/AAAA")).toBeNull(); // a broken escape
  });

  it("a damaged link is refused, not an exception; a hash that is no share link is null", async () => {
    expect(await decodeShare("#code/a/AAAA", "a")).toEqual({ refused: "damaged" });
    expect(await decodeShare("#intro", "a")).toBeNull();
  });

  it("code of exactly the cap opens; one byte more is refused", async () => {
    const atCap = "x".repeat(MAX_CODE_BYTES);
    expect(await decodeShare(await encodeShare("a", atCap), "a")).toEqual({ code: atCap });
    expect(await decodeShare(await encodeShare("a", `${atCap}y`), "a")).toEqual({ refused: "too-large" });
  });

  it("a ~100 kB link inflating to 100 MB is refused quickly, the reader stopping just past the cap", async () => {
    const huge = Buffer.alloc(100 * 1024 * 1024, " "); // spaces: deflate at its ~1,032:1 best
    const packed = deflateRawSync(huge, { level: 9 });
    expect(packed.length).toBeLessThan(130_000);
    const started = performance.now();
    const result = await decodeShare(`#code/a/${base64Url(packed)}`, "a");
    expect(result).toEqual({ refused: "too-large" });
    expect(performance.now() - started).toBeLessThan(1000);

    const inflated = await inflateCapped(packed, MAX_CODE_BYTES);
    expect(inflated.ok).toBe(false);
    if (inflated.ok) return;
    // Read stopped about one step (1 KiB in, at most ~1 MiB out) past the cap: nowhere near 100 MB.
    expect(inflated.outputRead).toBeGreaterThan(MAX_CODE_BYTES);
    expect(inflated.outputRead).toBeLessThan(MAX_CODE_BYTES + 2 * 1024 * 1024);
    // Node's zlib takes up to 64 KiB of input into its buffers ahead of the reader; never all of it.
    expect(inflated.inputRead).toBeLessThan(packed.length);
  });

  it("a link too long to hold code under the cap is refused without inflating", async () => {
    const long = `#code/a/${"A".repeat(2 * MAX_CODE_BYTES)}`;
    expect(await decodeShare(long, "a")).toEqual({ refused: "too-large" });
  });
});
