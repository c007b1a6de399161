// Naming what this build of FFmpeg lacks. The workbook's FFmpeg has a chosen set of demuxers
// and decoders (wasm/build.sh); a learner's own file may need one that is not there. FFmpeg then
// says only "Decoder not found" or "Invalid data found when processing input" — the second is
// wrong for an AIFF or CAF file: it is valid data for a demuxer this build leaves out. Here the
// engine finds out which one, and says so in the learner's language.
import { AVERROR_EXIT, AVERROR_INVALIDDATA } from "./constants.ts";
import type { Engine } from "./engine.ts";

export type MissingLanguage = "en" | "zh-cn";

/** A decoder or demuxer: FFmpeg's short name and long name (AVCodec / AVInputFormat). */
export interface Component {
  name: string;
  description: string;
}

/** What this build has, as FFmpeg lists it (av_codec_iterate, av_demuxer_iterate). */
export interface SupportedComponents {
  decoders: Component[];
  demuxers: Component[];
}

export type { MissingComponent, ProbeFinding, Signature } from "./missing-types.ts";
import type { MissingComponent, ProbeFinding, Signature } from "./missing-types.ts";

const supportedCache = new WeakMap<Engine, SupportedComponents>();

/** The decoders and demuxers built into this engine. */
export function supportedComponents(engine: Engine): SupportedComponents {
  let s = supportedCache.get(engine);
  if (!s) {
    const raw = JSON.parse(engine.cstr(engine.module._wb_components_json())) as Record<
      "decoders" | "demuxers",
      [string, string][]
    >;
    const list = (l: [string, string][]) =>
      l.map(([name, description]) => ({ name, description })).sort((a, b) => a.name.localeCompare(b.name));
    s = { decoders: list(raw.decoders), demuxers: list(raw.demuxers) };
    supportedCache.set(engine, s);
  }
  return s;
}

// Signatures, each as the named demuxer's probe function in FFmpeg 5.1.9 checks it (prefixes
// only: enough to name the format, not to accept it). Long names are the demuxers' own.
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const SIGNATURES: {
  at: number;
  bytes: number[];
  also?: { at: number; bytes: number[] }[];
  sig: Signature;
}[] = [
  // libavformat/aiffdec.c aiff_probe: FORM, then AIFF or AIFC
  {
    at: 0,
    bytes: ascii("FORM"),
    also: [{ at: 8, bytes: ascii("AIFF") }],
    sig: { demuxer: "aiff", description: "Audio IFF" },
  },
  {
    at: 0,
    bytes: ascii("FORM"),
    also: [{ at: 8, bytes: ascii("AIFC") }],
    sig: { demuxer: "aiff", description: "Audio IFF" },
  },
  // libavformat/iff.c iff_probe: FORM with 8SVX/16SV/MAUD (Amiga), FRM8 with DSD (DSDIFF)
  {
    at: 0,
    bytes: ascii("FORM"),
    also: [{ at: 8, bytes: ascii("8SVX") }],
    sig: { demuxer: "iff", description: "IFF (Interchange File Format)" },
  },
  {
    at: 0,
    bytes: ascii("FORM"),
    also: [{ at: 8, bytes: ascii("16SV") }],
    sig: { demuxer: "iff", description: "IFF (Interchange File Format)" },
  },
  {
    at: 0,
    bytes: ascii("FRM8"),
    also: [{ at: 12, bytes: ascii("DSD ") }],
    sig: { demuxer: "iff", description: "IFF (Interchange File Format)" },
  },
  // libavformat/wavdec.c wav_probe: RIFF/RIFX/RF64/BW64, then WAVE
  ...["RIFF", "RIFX", "RF64", "BW64"].map((tag) => ({
    at: 0,
    bytes: ascii(tag),
    also: [{ at: 8, bytes: ascii("WAVE") }],
    sig: { demuxer: "wav", description: "WAV / WAVE (Waveform Audio)" },
  })),
  // libavformat/avidec.c avi_probe: RIFF, then AVI
  {
    at: 0,
    bytes: ascii("RIFF"),
    also: [{ at: 8, bytes: ascii("AVI ") }],
    sig: { demuxer: "avi", description: "AVI (Audio Video Interleaved)" },
  },
  // libavformat/wavdec.c w64_probe: the "riff" GUID
  {
    at: 0,
    bytes: [0x72, 0x69, 0x66, 0x66, 0x2e, 0x91, 0xcf, 0x11],
    sig: { demuxer: "w64", description: "Sony Wave64" },
  },
  // libavformat/cafdec.c probe: "caff", version 1
  {
    at: 0,
    bytes: [...ascii("caff"), 0, 1],
    sig: { demuxer: "caf", description: "Apple CAF (Core Audio Format)" },
  },
  // libavformat/au.c au_probe
  { at: 0, bytes: ascii(".snd"), sig: { demuxer: "au", description: "Sun AU" } },
  // libavformat/ape.c ape_probe
  { at: 0, bytes: ascii("MAC "), sig: { demuxer: "ape", description: "Monkey's Audio" } },
  // libavformat/wvdec.c wv_probe
  { at: 0, bytes: ascii("wvpk"), sig: { demuxer: "wv", description: "WavPack" } },
  // libavformat/tta.c tta_probe
  { at: 0, bytes: ascii("TTA1"), sig: { demuxer: "tta", description: "TTA (True Audio)" } },
  // libavformat/takdec.c tak_probe
  { at: 0, bytes: ascii("tBaK"), sig: { demuxer: "tak", description: "raw TAK" } },
  // libavformat/amr.c amr_probe
  { at: 0, bytes: ascii("#!AMR"), sig: { demuxer: "amr", description: "3GPP AMR" } },
  // libavformat/dsfdec.c dsf_probe
  { at: 0, bytes: ascii("DSD "), sig: { demuxer: "dsf", description: "DSD Stream File (DSF)" } },
  // libavformat/vocdec.c voc_probe (ff_voc_magic)
  { at: 0, bytes: ascii("Creative Voice File\x1a"), sig: { demuxer: "voc", description: "Creative Voice" } },
  // libavformat/mpc8.c mpc8_probe, libavformat/mpc.c mpc_probe
  { at: 0, bytes: ascii("MPCK"), sig: { demuxer: "mpc8", description: "Musepack SV8" } },
  { at: 0, bytes: ascii("MP+"), sig: { demuxer: "mpc", description: "Musepack" } },
  // libavformat/asfdec_f.c asf_probe: the ASF header GUID (WMA, WMV)
  {
    at: 0,
    bytes: [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11],
    sig: { demuxer: "asf", description: "ASF (Advanced / Active Streaming Format)" },
  },
  // libavformat/flvdec.c flv_probe
  { at: 0, bytes: ascii("FLV"), sig: { demuxer: "flv", description: "FLV (Flash Video)" } },
  // libavformat/flacdec.c flac_probe, oggdec.c ogg_probe, matroskadec.c matroska_probe (EBML)
  { at: 0, bytes: ascii("fLaC"), sig: { demuxer: "flac", description: "raw FLAC" } },
  { at: 0, bytes: ascii("OggS"), sig: { demuxer: "ogg", description: "Ogg" } },
  { at: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3], sig: { demuxer: "matroska", description: "Matroska / WebM" } },
  // libavformat/mov.c mov_probe: an ftyp box first
  { at: 4, bytes: ascii("ftyp"), sig: { demuxer: "mov", description: "QuickTime / MOV" } },
  // Not audio FFmpeg decodes at all: notes for a synthesizer (FFmpeg 5.1 has no MIDI demuxer).
  {
    at: 0,
    bytes: ascii("MThd"),
    sig: { demuxer: null, description: "Standard MIDI File (notes, not recorded sound)" },
  },
];

const matches = (head: Uint8Array, at: number, bytes: number[]) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);

/** The container the first bytes of a file name by their signature, if one is known. */
export function sniffSignature(head: Uint8Array): Signature | null {
  for (const s of SIGNATURES)
    if (matches(head, s.at, s.bytes) && (s.also ?? []).every((a) => matches(head, a.at, a.bytes)))
      return s.sig;
  return null;
}

/** "mov" matches "mov,mp4,m4a,3gp,3g2,mj2": FFmpeg's demuxer names may list several. */
const isBuiltInDemuxer = (supported: SupportedComponents, name: string) =>
  supported.demuxers.some((d) => d.name.split(",").includes(name));

/**
 * After avformat_open_input failed with `ret`: is the input valid data for a demuxer this build
 * lacks (or for none it knows)? Null when a built-in demuxer recognised the bytes — then the data
 * really is broken and FFmpeg's message stands. Looks at what read_packet delivered from
 * position 0 in the current run (Engine.probeHead).
 *
 * Usually FFmpeg says AVERROR_INVALIDDATA (no demuxer probed above 0). But a built-in demuxer
 * may take the data with a low score and then fail otherwise: libavformat/mp3dec.c
 * mp3_read_probe returns 1 when a small buffer holds one chance MPEG audio frame header (small
 * WavPack and TTA files made by native ffmpeg do), then the mp3 demuxer fails with
 * AVERROR(EINVAL). So a signature of a demuxer not built in counts whatever the error.
 */
export function missingDemuxer(engine: Engine, ret: number): MissingComponent | null {
  if (ret >= 0 || ret === AVERROR_EXIT || engine.stopped) return null; // stopped by the safety net, not a format problem
  const head = engine.probeHead();
  const supported = supportedComponents(engine);
  const signature = sniffSignature(head);
  let closest: ProbeFinding["closest"] = null;
  if (head.length > 0) {
    const p = engine.module._malloc(head.length);
    try {
      engine.module.HEAPU8.set(head, p);
      const [name, score] = engine.outInt((out) => engine.cstr(engine.module._wb_probe(p, head.length, out)));
      if (name) closest = { name, score };
    } finally {
      engine.module._free(p);
    }
  }
  const probe: ProbeFinding = {
    bytes: head.length,
    head: Array.from(head.subarray(0, 16), (b) => b.toString(16).padStart(2, "0")).join(" "),
    signature,
    closest,
  };
  if (signature) {
    if (signature.demuxer !== null && isBuiltInDemuxer(supported, signature.demuxer)) return null; // ours: broken data
    return { kind: "demuxer", name: signature.demuxer, description: signature.description, probe };
  }
  // No known signature. A built-in demuxer that is sure of itself (libavformat/format.c retries
  // below AVPROBE_SCORE_RETRY = 25) means the data is ours but broken.
  if (ret !== AVERROR_INVALIDDATA || (closest && closest.score > 25)) return null;
  return { kind: "demuxer", name: null, description: null, probe };
}

/** After decoding a stream failed with AVERROR_DECODER_NOT_FOUND: the codec that has no decoder here. Null if it has one. */
/** `p`: the AVFormatContext pointer. */
export function missingDecoder(engine: Engine, p: number, stream_index: number): MissingComponent | null {
  const M = engine.module;
  if (M._wb_codec_has_decoder(p, stream_index)) return null;
  const name = engine.cstr(M._wb_codec_name(p, stream_index));
  const description = engine.cstr(M._wb_codec_long_name(p, stream_index));
  if (name === "none") {
    const t = M._wb_codec_tag(p, stream_index) >>> 0;
    return { kind: "decoder", name: null, description: null, tag: `0x${t.toString(16).padStart(4, "0")}` };
  }
  return { kind: "decoder", name, description: description || null };
}

const list = (items: Component[], lang: MissingLanguage) =>
  items.map((c) => c.name).join(lang === "zh-cn" ? "、" : ", ");
const listDemuxers = (items: Component[], lang: MissingLanguage) =>
  items
    .map((c) => (lang === "zh-cn" ? `${c.name}：${c.description}` : `${c.name}: ${c.description}`))
    .join(lang === "zh-cn" ? "；" : "; ");

/**
 * The learner-facing sentence for what is missing, in English or Simplified Chinese: what the
 * file needs, that this workbook's FFmpeg does not have it, and what it does have.
 */
export function missingText(
  m: MissingComponent,
  supported: SupportedComponents,
  lang: MissingLanguage = "en",
): string {
  const zh = lang === "zh-cn";
  if (m.kind === "decoder") {
    if (!m.name)
      return zh
        ? `容器已经打开，但其中音频所用的编解码器 FFmpeg 不认识（容器中的编解码器标签为 ${m.tag}），任何 FFmpeg 都无法解码它。已内置的解码器：${list(supported.decoders, lang)}。请换一个文件。`
        : `The container opened, but its audio is in a codec FFmpeg does not know (the container's codec tag is ${m.tag}), so no FFmpeg decodes it. Decoders built in: ${list(supported.decoders, lang)}. Choose another file.`;
    const what = m.description
      ? zh
        ? `${m.name}（${m.description}）`
        : `${m.name} (${m.description})`
      : m.name;
    return zh
      ? `本工作簿的 FFmpeg 没有 ${what}${what.endsWith("）") ? "" : " "}的解码器：容器已经打开，但其中的音频在这里无法解码。已内置的解码器：${list(supported.decoders, lang)}。请把文件转换为其中一种格式（例如 ffmpeg -i 输入文件 -c:a flac 输出.flac），或换一个文件。`
      : `This workbook's FFmpeg has no decoder for ${what}: the container opened, but its audio cannot be decoded here. Decoders built in: ${list(supported.decoders, lang)}. Convert the file to one of them (e.g. ffmpeg -i INPUT -c:a flac OUTPUT.flac) or choose another file.`;
  }
  const p = m.probe;
  const builtIn = listDemuxers(supported.demuxers, lang);
  if (p && p.bytes === 0)
    return zh
      ? `没有可供探测的数据：read_packet 在交出任何字节之前就返回了 AVERROR_EOF 或错误，所以 FFmpeg 无法判断格式（“Invalid data found when processing input”）。要么输入是空的，要么 read_packet 没有从位置 0 开始复制数据并返回复制的字节数。`
      : `There was nothing to probe: read_packet returned AVERROR_EOF or an error before delivering any byte, so FFmpeg could not tell the format ("Invalid data found when processing input"). Either the input is empty, or read_packet does not copy data from position 0 and return how many bytes it copied.`;
  if (m.description) {
    const found = zh
      ? m.name
        ? `${m.description} 文件，FFmpeg 用 ${m.name} 解封装器读取它，而这里没有内置该解封装器`
        : `${m.description}，FFmpeg 没有能读取它的解封装器`
      : m.name
        ? `${m.description} data, which FFmpeg reads with its ${m.name} demuxer — not built in here`
        : `${m.description}, which no FFmpeg demuxer reads`;
    // A built-in demuxer may have taken the data with a low score and failed: that is the error FFmpeg reported.
    const guess = p?.closest
      ? zh
        ? `已内置的解封装器中只有 ${p.closest.name} 给了它分数（${p.closest.score}/100），随后打开失败——FFmpeg 报告的就是这个错误。`
        : ` Only ${p.closest.name} among the demuxers built in gave it a score (${p.closest.score} of 100), and then failed: that is the error FFmpeg reports.`
      : "";
    return zh
      ? `本工作簿的 FFmpeg 没有这种格式的解封装器：探测发现这是 ${found}。${guess}数据本身不一定有问题。已内置的解封装器——${builtIn}。`
      : `This workbook's FFmpeg has no demuxer for this format: probing found ${found}.${guess} The data is not necessarily broken. Demuxers built in — ${builtIn}.`;
  }
  const bytes = p ? p.bytes : 0;
  const closest = p?.closest
    ? zh
      ? `最接近的是 ${p.closest.name}，得分 ${p.closest.score}/100，不足以确认`
      : `the closest, ${p.closest.name}, scored ${p.closest.score} of 100, too low to be sure`
    : zh
      ? "没有任何解封装器给出高于 0 的得分"
      : "none scored above 0";
  return zh
    ? `本工作簿的 FFmpeg 没有能识别这种格式的解封装器：探测了开头的 ${bytes} 个字节（${p?.head ?? ""}），没有认出已知的文件签名；已内置的解封装器中${closest}。已内置的解封装器——${builtIn}。`
    : `This workbook's FFmpeg has no demuxer for this format: probing the first ${bytes} bytes (${p?.head ?? ""}) found no signature it knows, and among the demuxers built in ${closest}. Demuxers built in — ${builtIn}.`;
}
