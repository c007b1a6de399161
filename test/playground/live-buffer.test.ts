// The live channel (which callback a stuck run is in) needs shared memory. WebKitGTK isolates the
// page and has shared wasm memory but no SharedArrayBuffer global; the client must still get one.
import { afterEach, expect, test, vi } from "vitest";
import { liveBuffer } from "../../src/playground/client.ts";

afterEach(() => vi.unstubAllGlobals());

test("without cross-origin isolation there is no live channel", () => {
  vi.stubGlobal("crossOriginIsolated", false);
  expect(liveBuffer(16)).toBeNull();
});

test("with the global: a SharedArrayBuffer", () => {
  vi.stubGlobal("crossOriginIsolated", true);
  const buf = liveBuffer(16)!;
  expect(buf).toBeInstanceOf(SharedArrayBuffer);
  expect(buf.byteLength).toBe(16);
});

test("without the global (WebKitGTK): the constructor of a shared wasm Memory's buffer", () => {
  const Real = SharedArrayBuffer;
  vi.stubGlobal("crossOriginIsolated", true);
  vi.stubGlobal("SharedArrayBuffer", undefined);
  const buf = liveBuffer(16)!;
  expect(buf).toBeInstanceOf(Real);
  expect(buf.byteLength).toBe(16);
  const a = new Int32Array(buf);
  Atomics.store(a, 2, 7);
  expect(Atomics.load(a, 2)).toBe(7);
});

test("no shared memory at all: no live channel, no crash", () => {
  vi.stubGlobal("crossOriginIsolated", true);
  vi.stubGlobal("SharedArrayBuffer", undefined);
  vi.stubGlobal("WebAssembly", { ...WebAssembly, Memory: class { constructor() { throw new TypeError("shared memory is off"); } } });
  expect(liveBuffer(16)).toBeNull();
});
