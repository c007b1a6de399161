// avio's section of the English catalogue (src/i18n/en.ts merges it in): the safety net's findings,
// keyed by diagnostic code, and the sentences naming what this build of FFmpeg lacks. English is the
// reference: zh-cn.ts must have exactly these keys.
import { returnName } from "../error-names.ts";

/** Facts a message is built from (a Diagnostic's params). */
export type Params = Record<string, string | number>;
/** A decoder or demuxer as the missing-component sentences list it. */
export type ComponentName = { name: string; description: string };

const diagnostics = {
  read_packet_returned_zero: (p: Params) =>
    `read_packet returned 0 on call ${p.call} — FFmpeg requires AVERROR_EOF at end of stream (0 is not an end: when avio_read() reads straight into its caller's memory it calls read_packet again at once, forever; otherwise it returns 0 bytes and the demuxer decides).`,
  read_packet_zero_loop: (p: Params) =>
    `Stopped: read_packet returned 0 ${p.count} times in a row (calls ${p.first}–${p.call}). Here FFmpeg 5.1 would keep calling it forever (whether it does depends on the format and on how much each read asks for); return AVERROR_EOF when no byte is left.`,
  read_packet_overflow: (p: Params) =>
    `read_packet returned ${p.value} on call ${p.call}, more than buf_size (${p.buf_size}) — it may fill at most buf_size bytes and must return how many it wrote. The engine stopped the read (FFmpeg would have read past its buffer).`,
  callback_not_integer: (p: Params) =>
    `${p.callback} returned ${p.value} on call ${p.call} — it must return an integer (a byte count or position ≥ 0, or a negative AVERROR code).`,
  callback_threw: (p: Params) =>
    `${p.callback} threw on call ${p.call}: ${p.value}. A C callback cannot throw; return a negative AVERROR instead (the engine gave FFmpeg AVERROR_EXTERNAL).`,
  callback_threw_unshowable: (p: Params) =>
    `${p.callback} threw on call ${p.call} a value that cannot be shown (its name and message are not plain text). A C callback cannot throw; return a negative AVERROR instead (the engine gave FFmpeg AVERROR_EXTERNAL).`,
  buffer_detached: (p: Params) =>
    `${p.callback} gave away buf on call ${p.call} (its ArrayBuffer was transferred, so it holds no bytes any more). buf is FFmpeg's memory lent for this call: fill it in place. The engine stopped the read.`,
  read_budget_exceeded: (p: Params) =>
    `Stopped after ${p.calls} read_packet calls and ${p.bytes} bytes without reaching the end (budget: ${p.maxCalls} calls / ${p.maxBytes} bytes). Does read_packet advance its position and return AVERROR_EOF at the end?`,
  seek_wrong_position: (p: Params) =>
    `seek(offset=${p.offset}, ${p.whence}) returned ${p.value} on call ${p.call} — after SEEK_SET it must return the new absolute position, ${p.offset}. FFmpeg now believes it is at ${p.offset}.`,
  seek_size_wrong: (p: Params) =>
    `seek(…, AVSEEK_SIZE) returned ${p.value} on call ${p.call}, but the stream has ${p.size} bytes — AVSEEK_SIZE asks for the total size and must not move the position.`,
  seek_size_fallback: (p: Params) =>
    `seek(…, AVSEEK_SIZE) returned ${p.value} on call ${p.call}, though the input's size is known (${p.size} bytes) — so FFmpeg fell back: avio_size() (libavformat/aviobuf.c) asked seek(-1, SEEK_END) for the last byte and then seeked back, two more calls each time it wants the size. Answer AVSEEK_SIZE with the size.`,
  seek_force_not_masked: (p: Params) =>
    `seek failed for whence ${p.whence} on call ${p.call} — AVSEEK_FORCE is a flag OR-ed into whence; mask it off (whence & ~AVSEEK_FORCE) and seek as usual.`,
  output_differs: (p: Params) =>
    `The bytes you kept are not the file FFmpeg wrote: FFmpeg wrote ${p.expected} bytes, you kept ${p.got}, and they first differ at byte ${p.at} — write_packet must store each buf at the current position (a seek moves it back to patch the header), and the file ends at the furthest byte written.`,
  write_packet_modified_buffer: (p: Params) =>
    `write_packet changed the bytes of buf on call ${p.call} — FFmpeg's documentation forbids modifying the buffer it hands you; copy it instead.`,
  double_free_replaced_buffer: (p: Params) =>
    `double free: libavformat replaced this buffer (${p.ptr}) and already freed it — free avio_ctx.buffer (now ${p.current}), not the pointer you passed to avio_alloc_context.`,
  double_free: (p: Params) =>
    `double free: ${p.what} (${p.ptr}) was already freed. The engine ignored the second free (in C this corrupts the heap).`,
  invalid_free: (p: Params) => `invalid free: ${p.ptr} was not returned by av_malloc. The engine ignored it.`,
  buffer_not_av_malloc: (p: Params) =>
    `avio_alloc_context: the buffer (${p.ptr}) must come from av_malloc — FFmpeg may av_free it and replace it.`,
  leak_avio_context: () =>
    `leak: an AVIOContext was never freed — call avio_context_free(avio_ctx) (avformat_close_input does not free a custom pb).`,
  leak_avio_buffer: (p: Params) =>
    `leak: the AVIOContext's buffer (${p.ptr}, ${p.size} bytes) was never freed — call av_freep(avio_ctx, "buffer") before avio_context_free.`,
  leak_av_malloc: (p: Params) => `leak: ${p.size} bytes from av_malloc (${p.ptr}) were never freed.`,
  leak_format_context: (p: Params) => `leak: an AVFormatContext (${p.kind}) was never freed — call ${p.fix}.`,
  ffmpeg_error: (p: Params) => `${p.fn} failed: ${p.error} (${p.code}).`,
  more_of_the_same: (p: Params) => `…and ${p.n} more of the same (${p.code}), not listed.`,
};

export type DiagnosticCode = keyof typeof diagnostics;

/** A diagnostic's text with its FFmpeg error code shown by name, as in the trace. */
export const withCodeName = (p: Params): Params =>
  typeof p.code === "number" ? { ...p, code: returnName(p.code) } : p;

export const avio = {
  diagnostics,
  /** The text of a diagnostic (its code and params), after the learner's line when it names one (params.line). */
  diagnostic: (d: { code: DiagnosticCode; params: Params }): string => {
    const text = diagnostics[d.code](withCodeName(d.params));
    return typeof d.params.line === "number" ? `line ${d.params.line}: ${text}` : text;
  },

  missing: {
    decoders: (items: ComponentName[]) => items.map((c) => c.name).join(", "),
    demuxers: (items: ComponentName[]) => items.map((c) => `${c.name}: ${c.description}`).join("; "),
    named: (name: string, description: string) => `${name} (${description})`,
    unknownCodec: (tag: string, decoders: string) =>
      `The container opened, but its audio is in a codec FFmpeg does not know (the container's codec tag is ${tag}), so no FFmpeg decodes it. Decoders built in: ${decoders}. Choose another file.`,
    noDecoder: (what: string, decoders: string) =>
      `This workbook's FFmpeg has no decoder for ${what}: the container opened, but its audio cannot be decoded here. Decoders built in: ${decoders}. Convert the file to one of them (e.g. ffmpeg -i INPUT -c:a flac OUTPUT.flac) or choose another file.`,
    nothingToProbe: `There was nothing to probe: read_packet returned AVERROR_EOF before delivering any byte, so FFmpeg could not tell the format ("Invalid data found when processing input"). Either the input is empty, or read_packet does not copy data from position 0 and return how many bytes it copied.`,
    foundWith: (description: string, name: string) =>
      `${description} data, which FFmpeg reads with its ${name} demuxer — not built in here`,
    foundUnread: (description: string) => `${description}, which no FFmpeg demuxer reads`,
    /** A built-in demuxer took the data with a low score and failed: that is the error FFmpeg reported. */
    scoredThenFailed: (name: string, score: number) =>
      ` Only ${name} among the demuxers built in gave it a score (${score} of 100), and then failed: that is the error FFmpeg reports.`,
    noDemuxer: (found: string, guess: string, demuxers: string) =>
      `This workbook's FFmpeg has no demuxer for this format: probing found ${found}.${guess} The data is not necessarily broken. Demuxers built in — ${demuxers}.`,
    closest: (name: string, score: number) =>
      `the closest, ${name}, scored ${score} of 100, too low to be sure`,
    noneScored: "none scored above 0",
    unrecognised: (bytes: number, head: string, closest: string, demuxers: string) =>
      `This workbook's FFmpeg has no demuxer for this format: probing the first ${bytes} bytes (${head}) found no signature it knows, and among the demuxers built in ${closest}. Demuxers built in — ${demuxers}.`,
  },
};

export type AvioStrings = typeof avio;
