// mux mode's output: the bytes the learner kept, and whether they are the file FFmpeg wrote.
// Output is checked like input: "No rule broken" only when the learner's bytes are FFmpeg's file.
import { copyBytes, readInteger, readProperty } from "../avio/boundary.ts";
import { diagnose, type Diagnostic } from "../avio/diagnostics.ts";

/** mux mode: the bytes the learner's opaque collected ({ data, size } or a Uint8Array), each field read once. */
export function outputBytes(opaque: unknown): Uint8Array | null {
  const whole = copyBytes(opaque);
  if (whole) return whole;
  const field = readProperty(opaque, "data");
  const data = field.ok ? copyBytes(field.value) : null;
  if (!data) return null;
  const size = readProperty(opaque, "size");
  const n = size.ok ? readInteger(size.value, "int") : null;
  return n?.ok && n.n >= 0 ? data.slice(0, n.n) : data;
}

/**
 * output_differs when `kept` (the learner's bytes) is not `written` (FFmpeg's file, replayed by the
 * host from what write_packet accepted, SessionReport.written); null when they are the same or
 * FFmpeg's file is not known.
 */
export function outputDiffers(kept: Uint8Array | null, written: Uint8Array | undefined): Diagnostic | null {
  if (!written) return null;
  const got = kept ?? new Uint8Array(0);
  const at = firstDifference(got, written);
  return at < 0
    ? null
    : diagnose("output_differs", { callback: "write_packet", expected: written.length, got: got.length, at });
}

/** The first offset where `a` and `b` differ (the shorter one's length if one starts the other), or -1. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}
