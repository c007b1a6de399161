// The safety net's findings. Each has a stable code (the key translations and
// lesson links hang off) and the facts of the call that broke a rule.

export type CallbackName = "read_packet" | "write_packet" | "seek";

export type DiagnosticCode =
  | "read_packet_returned_zero"
  | "read_packet_zero_loop"
  | "read_packet_overflow"
  | "callback_not_integer"
  | "callback_threw"
  | "read_budget_exceeded"
  | "seek_wrong_position"
  | "seek_size_wrong"
  | "seek_force_not_masked"
  | "write_packet_modified_buffer"
  | "double_free_replaced_buffer"
  | "double_free"
  | "invalid_free"
  | "buffer_not_av_malloc"
  | "leak_avio_context"
  | "leak_avio_buffer"
  | "leak_av_malloc"
  | "leak_format_context"
  | "ffmpeg_error";

export interface Diagnostic {
  code: DiagnosticCode;
  severity: "error" | "warning";
  /** The learner's callback involved, if any. */
  callback?: CallbackName;
  /** 1-based number of the call to that callback. */
  call?: number;
  /** What the callback returned (or threw), as text. */
  value?: string;
  /** Facts the message is built from (offsets, sizes, pointers, AVERROR text). */
  params: Record<string, string | number>;
  /** English text; other languages format from code + params. */
  message: string;
  /** Lesson slug and anchor that teaches the rule. */
  lesson: string;
}

type Params = Record<string, string | number>;

const rules: Record<
  DiagnosticCode,
  { severity: Diagnostic["severity"]; lesson: string; en: (p: Params) => string }
> = {
  read_packet_returned_zero: {
    severity: "error",
    lesson: "read-packet#never-return-0",
    en: (p) =>
      `read_packet returned 0 on call ${p.call} — FFmpeg requires AVERROR_EOF at end of stream (0 means "no data yet", so FFmpeg asks again).`,
  },
  read_packet_zero_loop: {
    severity: "error",
    lesson: "read-packet#never-return-0",
    en: (p) =>
      `Stopped: read_packet returned 0 ${p.count} times in a row (calls ${p.first}–${p.call}). FFmpeg 5.1 keeps calling it forever on this format; return AVERROR_EOF when no byte is left.`,
  },
  read_packet_overflow: {
    severity: "error",
    lesson: "read-packet#the-contract",
    en: (p) =>
      `read_packet returned ${p.value} on call ${p.call}, more than buf_size (${p.buf_size}) — it may fill at most buf_size bytes and must return how many it wrote. The engine stopped the read (FFmpeg would have read past its buffer).`,
  },
  callback_not_integer: {
    severity: "error",
    lesson: "read-packet#the-contract",
    en: (p) =>
      `${p.callback} returned ${p.value} on call ${p.call} — it must return an integer (a byte count or position ≥ 0, or a negative AVERROR code).`,
  },
  callback_threw: {
    severity: "error",
    lesson: "read-packet#errors",
    en: (p) =>
      `${p.callback} threw on call ${p.call}: ${p.value}. A C callback cannot throw; return a negative AVERROR instead (the engine gave FFmpeg AVERROR_EXTERNAL).`,
  },
  read_budget_exceeded: {
    severity: "error",
    lesson: "read-packet#never-return-0",
    en: (p) =>
      `Stopped after ${p.calls} read_packet calls and ${p.bytes} bytes without reaching the end (budget: ${p.maxCalls} calls / ${p.maxBytes} bytes). Does read_packet advance its position and return AVERROR_EOF at the end?`,
  },
  seek_wrong_position: {
    severity: "error",
    lesson: "seek#return-value",
    en: (p) =>
      `seek(offset=${p.offset}, ${p.whence}) returned ${p.value} on call ${p.call} — after SEEK_SET it must return the new absolute position, ${p.offset}. FFmpeg now believes it is at ${p.offset}.`,
  },
  seek_size_wrong: {
    severity: "error",
    lesson: "seek#avseek-size",
    en: (p) =>
      `seek(…, AVSEEK_SIZE) returned ${p.value} on call ${p.call}, but the stream has ${p.size} bytes — AVSEEK_SIZE asks for the total size and must not move the position.`,
  },
  seek_force_not_masked: {
    severity: "warning",
    lesson: "seek#avseek-force",
    en: (p) =>
      `seek failed for whence ${p.whence} on call ${p.call} — AVSEEK_FORCE is a flag OR-ed into whence; mask it off (whence & ~AVSEEK_FORCE) and seek as usual.`,
  },
  write_packet_modified_buffer: {
    severity: "warning",
    lesson: "write-packet#the-contract",
    en: (p) =>
      `write_packet changed the bytes of buf on call ${p.call} — FFmpeg's documentation forbids modifying the buffer it hands you; copy it instead.`,
  },
  double_free_replaced_buffer: {
    severity: "error",
    lesson: "buffer#replaced",
    en: (p) =>
      `double free: libavformat replaced this buffer (${p.ptr}) and already freed it — free avio_ctx.buffer (now ${p.current}), not the pointer you passed to avio_alloc_context.`,
  },
  double_free: {
    severity: "error",
    lesson: "lifecycle#cleanup",
    en: (p) =>
      `double free: ${p.what} (${p.ptr}) was already freed. The engine ignored the second free (in C this corrupts the heap).`,
  },
  invalid_free: {
    severity: "error",
    lesson: "lifecycle#cleanup",
    en: (p) => `invalid free: ${p.ptr} was not returned by av_malloc. The engine ignored it.`,
  },
  buffer_not_av_malloc: {
    severity: "error",
    lesson: "buffer#av-malloc",
    en: (p) =>
      `avio_alloc_context: the buffer (${p.ptr}) must come from av_malloc — FFmpeg may av_free it and replace it.`,
  },
  leak_avio_context: {
    severity: "error",
    lesson: "lifecycle#cleanup",
    en: () =>
      `leak: an AVIOContext was never freed — call avio_context_free(avio_ctx) (avformat_close_input does not free a custom pb).`,
  },
  leak_avio_buffer: {
    severity: "error",
    lesson: "lifecycle#cleanup",
    en: (p) =>
      `leak: the AVIOContext's buffer (${p.ptr}, ${p.size} bytes) was never freed — call av_freep(avio_ctx, "buffer") before avio_context_free.`,
  },
  leak_av_malloc: {
    severity: "error",
    lesson: "lifecycle#cleanup",
    en: (p) => `leak: ${p.size} bytes from av_malloc (${p.ptr}) were never freed.`,
  },
  leak_format_context: {
    severity: "error",
    lesson: "lifecycle#cleanup",
    en: (p) => `leak: an AVFormatContext (${p.kind}) was never freed — call ${p.fix}.`,
  },
  ffmpeg_error: {
    severity: "error",
    lesson: "lifecycle#errors",
    en: (p) => `${p.fn} failed: ${p.error} (${p.code}).`,
  },
};

export function diagnose(code: DiagnosticCode, params: Params = {}): Diagnostic {
  const rule = rules[code];
  const d: Diagnostic = {
    code,
    severity: rule.severity,
    params,
    message: rule.en(params),
    lesson: rule.lesson,
  };
  if (typeof params.callback === "string") d.callback = params.callback as CallbackName;
  if (typeof params.call === "number") d.call = params.call;
  if (params.value !== undefined) d.value = String(params.value);
  return d;
}

/** Formats a value returned by learner code for a message. */
export function describeValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "bigint") return `${v}n`;
  if (v === null || v === undefined || typeof v !== "object") return String(v);
  try {
    return JSON.stringify(v).slice(0, 80);
  } catch {
    return Object.prototype.toString.call(v);
  }
}
