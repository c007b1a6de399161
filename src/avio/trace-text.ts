// Names for what callbacks return and a plain-text trace, shared by the CLI
// and the playground's trace view.
import { whenceName } from "./bridge.ts";
import { returnName } from "./error-names.ts";
import type { SessionReport } from "./session.ts";
import type { TraceEntry } from "./trace.ts";

export { returnName };

export function describeArgs(e: TraceEntry): string {
  if (e.callback === "seek") return `offset=${e.offset}, whence=${whenceName(e.whence ?? 0)}`;
  return `buf_size=${e.buf_size}`;
}

export function formatTraceEntry(e: TraceEntry): string {
  const ret = returnName(e.ret);
  const changed = e.returnedToFFmpeg !== e.ret ? ` (FFmpeg got ${returnName(e.returnedToFFmpeg)})` : "";
  return `${String(e.seq).padStart(6)}  ${e.callback.padEnd(12)} #${String(e.call).padEnd(5)} ${describeArgs(e).padEnd(40)} → ${(ret + changed).padEnd(22)} pos ${e.posBefore} → ${e.posAfter}`;
}

export function formatTrace(report: SessionReport): string {
  const { head, tail, omitted, totals } = report.trace;
  const lines = head.map(formatTraceEntry);
  if (omitted) lines.push(`   … ${omitted} calls not kept …`);
  lines.push(...tail.map(formatTraceEntry));
  lines.push(
    "totals: " +
      (Object.entries(totals) as [string, { calls: number; bytes: number; errors: number }][])
        .filter(([, t]) => t.calls)
        .map(([name, t]) => `${name} ${t.calls} calls, ${t.bytes} bytes, ${t.errors} errors`)
        .join("; "),
  );
  for (const d of report.diagnostics) lines.push(`${d.severity}: ${d.message}`);
  return lines.join("\n");
}
