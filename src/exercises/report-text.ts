// Text a submission controls (its messages, its file name) made safe for every report, and the
// caps that keep one submission's report (and the grader's memory) bounded.
import { isWide } from "../i18n/wide.ts";
import type { ConsoleLine, ConsoleOutput, GradeResult } from "../runtime/types.ts";

/**
 * Escaped visibly: controls and line breaks (a message cannot draw a fake row), bidirectional
 * and invisible marks (U+200B–U+200F, U+061C, U+FEFF, …: a name cannot read as another one),
 * lone surrogates and non-characters (U+FFFE, U+FFFF: not legal in XML 1.0).
 */
const UNSAFE =
  /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\p{Bidi_Control}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}]/gu;

function escapeChar(c: string): string {
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  if (c === "\t") return "\\t";
  const code = c.codePointAt(0)!;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, "0")}`;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
}

/** Printable text: every unsafe character becomes a visible escape such as `\u200F`. */
export function printable(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}

/**
 * A file name's bytes as text that names exactly those bytes: UTF-8 kept, a backslash doubled,
 * any byte that is not UTF-8 written `\xNN`. Two different names never read the same, and a
 * backslash in a name stays a backslash (never a folder separator).
 */
export function nameFromBytes(bytes: Uint8Array): string {
  const plain = Buffer.from(bytes).toString("utf8");
  if (Buffer.from(plain, "utf8").equals(bytes)) return plain.replaceAll("\\", "\\\\");
  const strict = new TextDecoder("utf-8", { fatal: true });
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    let taken = 0;
    // The longest valid UTF-8 sequence (1–4 bytes) starting here.
    for (let n = 1; n <= 4 && i + n <= bytes.length && !taken; n++) {
      try {
        const ch = strict.decode(bytes.subarray(i, i + n));
        if ([...ch].length === 1) {
          out += ch === "\\" ? "\\\\" : ch;
          taken = n;
        }
      } catch {
        /* not yet a whole sequence */
      }
    }
    if (!taken) {
      out += `\\x${bytes[i].toString(16).padStart(2, "0")}`;
      taken = 1;
    }
    i += taken;
  }
  return out;
}

/** Terminal columns: CJK and full-width characters and emoji take two, combining marks none. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /\p{M}/u.test(ch) ? 0 : isWide(ch) || /\p{Extended_Pictographic}/u.test(ch) ? 2 : 1;
  return w;
}

/** Characters kept of one message; of all a submission's messages together. */
export const MESSAGE_CAP = 2000;
export const REPORT_CAP = 16_000;

/** A submission's console in a report: lines kept, characters per line, characters in all. */
export const CONSOLE_LINES = 50;
export const CONSOLE_LINE_CHARS = 500;
export const CONSOLE_CHARS = 4000;

/**
 * A submission's console as a report keeps it: at most CONSOLE_LINES lines of at most
 * CONSOLE_LINE_CHARS characters ("…" marks a cut), CONSOLE_CHARS in all; every line not kept is
 * counted in `more`. Read once, guarded: whatever the child sent, the host keeps only this shape.
 */
export function capConsole(out: unknown): ConsoleOutput | undefined {
  if (!out || typeof out !== "object") return undefined;
  const { lines, more } = out as { lines?: unknown; more?: unknown };
  const all = Array.isArray(lines) ? lines : [];
  const kept: ConsoleLine[] = [];
  let chars = 0;
  let extra = typeof more === "number" && Number.isFinite(more) && more > 0 ? Math.floor(more) : 0;
  for (const l of all) {
    const raw = String((l as { text?: unknown })?.text ?? "");
    const text = raw.length > CONSOLE_LINE_CHARS ? `${raw.slice(0, CONSOLE_LINE_CHARS - 1)}…` : raw;
    if (kept.length >= CONSOLE_LINES || chars + text.length > CONSOLE_CHARS) {
      extra++;
      continue;
    }
    chars += text.length;
    const at = (l as { at?: { callback?: unknown; call?: unknown } })?.at;
    kept.push(
      at && typeof at.callback === "string" && typeof at.call === "number"
        ? { text, at: { callback: at.callback as never, call: at.call } }
        : { text },
    );
  }
  return kept.length || extra ? { lines: kept, more: extra } : undefined;
}

/**
 * The result with every message cut to MESSAGE_CAP characters and all of them together to
 * REPORT_CAP: one submission's output can never make a report (or the grader) huge. Escaped, the
 * worst case is about 6 bytes per character: under 100 KB of text per submission.
 */
export function capResult(
  result: GradeResult,
  notes: { cut: (n: number) => string; capped: (n: number) => string },
): GradeResult {
  let budget = REPORT_CAP;
  const cap = (m: string | undefined): string | undefined => {
    if (m === undefined) return m;
    if (budget <= 0) return notes.capped(REPORT_CAP);
    const keep = Math.min(m.length, MESSAGE_CAP, budget);
    budget -= keep;
    return keep < m.length ? m.slice(0, keep) + notes.cut(m.length - keep) : m;
  };
  const { console: printed, ...rest } = result;
  const console = capConsole(printed);
  return {
    ...rest,
    ...(console ? { console } : {}),
    ...(result.message === undefined ? {} : { message: cap(String(result.message)) }),
    tests: result.tests.map((t) =>
      t.message === undefined || t.message === null ? t : { ...t, message: cap(String(t.message)) },
    ),
  };
}
