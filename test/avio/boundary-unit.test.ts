// src/avio/boundary.ts on its own: each helper reads a learner value once, through intrinsics, and
// never runs the value's own code (getters, toString, toJSON, Proxy traps aside, which it guards).
// The engine-level attack cases are in boundary.test.ts.
import { describe, expect, it } from "vitest";
import {
  callLearner,
  copyBytes,
  describeThrown,
  describeValue,
  learnerFunction,
  readInteger,
  snapshotExports,
} from "../../src/avio/boundary.ts";

// TEXT_MAX plus the error's name.
const TEXT_BOUND = 1100;

describe("boundary.ts itself", () => {
  it("describeValue names objects by kind without running their code", () => {
    let ran = 0;
    const loud = {
      toString: () => String(++ran),
      toJSON: () => ++ran,
      get x() {
        return ++ran;
      },
    };
    expect(describeValue(loud)).toBe("{…}");
    expect(describeValue([1])).toBe("[…]");
    expect(describeValue(Promise.resolve())).toBe("Promise");
    expect(describeValue(new Uint8Array(3))).toBe("Uint8Array(3)");
    expect(describeValue(-0)).toBe("-0");
    expect(describeValue(NaN)).toBe("NaN");
    expect(describeValue(12n)).toBe("12n");
    expect(describeValue("x".repeat(5000)).length).toBeLessThan(TEXT_BOUND);
    expect(ran).toBe(0);
  });

  it("describeThrown reads data properties only and never a getter", () => {
    let ran = 0;
    const e = new TypeError("plain");
    expect(describeThrown(e)).toBe("TypeError: plain");
    const g = Object.defineProperty(new Error("m"), "name", { get: () => String(++ran) });
    expect(describeThrown(g)).toBe("m");
    expect(describeThrown("text")).toBe("text");
    expect(describeThrown({})).toBeNull();
    expect(ran).toBe(0);
  });

  it("readInteger: one read, integers only", () => {
    expect(readInteger(5, "int")).toEqual({ ok: true, n: 5 });
    expect(readInteger(-0, "int")).toEqual({ ok: true, n: 0 });
    expect(readInteger(5n, "int")).toEqual({ ok: false, shown: "5n" });
    expect(readInteger(5n, "int64")).toEqual({ ok: true, n: 5 });
    expect(readInteger(2n ** 60n, "int64").ok).toBe(false);
    expect(readInteger("5", "int").ok).toBe(false);
  });

  it("copyBytes copies a genuine Uint8Array through the intrinsics; a look-alike is refused", () => {
    const a = new Uint8Array([1, 2, 3]);
    Object.defineProperty(a, "length", { value: 0 });
    Object.defineProperty(a, "subarray", { value: () => new Uint8Array(0) });
    expect([...copyBytes(a)!]).toEqual([1, 2, 3]);
    expect(copyBytes({ length: 3, 0: 1 })).toBeNull();
    expect(copyBytes(new Proxy(new Uint8Array(2), {}))).toBeNull();
    expect(copyBytes(new Int8Array(2))).toBeNull();
  });

  it("callLearner calls with this === undefined and reports what was thrown as bounded text", () => {
    const self: unknown[] = [];
    const f = learnerFunction(function (this: unknown) {
      self.push(this);
      throw new RangeError("x".repeat(10_000));
    })!;
    const r = callLearner(f, []);
    expect(self).toEqual([undefined]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.thrown!.length).toBeLessThan(TEXT_BOUND);
    expect(learnerFunction({})).toBeNull();
  });

  it("snapshotExports reads each export once, into a plain object the host owns", () => {
    let reads = 0;
    const ex = {
      get read_packet() {
        reads++;
        return reads === 1 ? () => 1 : "changed";
      },
      seekable: 0,
    };
    const s = snapshotExports(ex);
    expect(s.ok && typeof s.exports.read_packet).toBe("function");
    expect(s.ok && s.exports.read_packet).toBe(s.ok && s.exports.read_packet);
    expect(reads).toBe(1);
    const throwing = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("no keys");
        },
      },
    );
    expect(snapshotExports(throwing)).toEqual({ ok: false, thrown: "Error: no keys" });
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, i]));
    const m = snapshotExports(many);
    expect(m.ok && Object.keys(m.exports).length).toBe(64);
  });
});
