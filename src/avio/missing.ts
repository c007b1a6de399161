// Naming what this build of FFmpeg lacks. The workbook's FFmpeg has a chosen set of demuxers
// and decoders (wasm/build.sh); a learner's own file may need one that is not there. FFmpeg then
// says only "Decoder not found" or "Invalid data found when processing input" — the second is
// wrong for an AIFF or CAF file: it is valid data for a demuxer this build leaves out. Here the
// engine finds out which one, and says so in the learner's language.
import { AVERROR_EOF, AVERROR_EXIT, AVERROR_INVALIDDATA } from "./constants.ts";
import type { Engine } from "./engine.ts";
import { strings } from "../i18n/index.ts";
import type { Locale } from "../i18n/locales.ts";

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
  // Nothing delivered: nothingToProbe says the probe met AVERROR_EOF. A read_packet that answered
  // AVERROR_INVALIDDATA (av_probe_input_buffer2() passes a non-EOF error on as itself) or kept
  // answering 0 gets FFmpeg's message and its own diagnostics instead.
  if (head.length === 0 && engine.lastTrace(1)[0]?.returnedToFFmpeg !== AVERROR_EOF) return null;
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

/**
 * The learner-facing sentence for what is missing, in the learner's language: what the file needs,
 * that this workbook's FFmpeg does not have it, and what it does have.
 */
export function missingText(
  m: MissingComponent,
  supported: SupportedComponents,
  lang: Locale = "en",
): string {
  const t = strings(lang).avio.missing;
  if (m.kind === "decoder") {
    const decoders = t.decoders(supported.decoders);
    if (!m.name) return t.unknownCodec(String(m.tag), decoders);
    return t.noDecoder(m.description ? t.named(m.name, m.description) : m.name, decoders);
  }
  const p = m.probe;
  const builtIn = t.demuxers(supported.demuxers);
  if (p && p.bytes === 0) return t.nothingToProbe;
  if (m.description) {
    const found = m.name ? t.foundWith(m.description, m.name) : t.foundUnread(m.description);
    const guess = p?.closest ? t.scoredThenFailed(p.closest.name, p.closest.score) : "";
    return t.noDemuxer(found, guess, builtIn);
  }
  const closest = p?.closest ? t.closest(p.closest.name, p.closest.score) : t.noneScored;
  return t.unrecognised(p ? p.bytes : 0, p?.head ?? "", closest, builtIn);
}
