// Hand-built RunResults for the view tests, shaped after real engine runs on
// test/fixtures (same call sequences, sizes, pointers and log lines).
import {
  AVERROR_EOF,
  AVERROR_EXIT,
  AVERROR_EXTERNAL,
  AVSEEK_SIZE,
  SEEK_SET,
} from "../../src/avio/constants.ts";
import { diagnose, type CallbackName } from "../../src/avio/diagnostics.ts";
import { TraceRecorder, type TraceEntry } from "../../src/avio/trace.ts";
import type { ByteRange, RunResult, SeekJump } from "../../src/playground/protocol.ts";

/**
 * Plays callbacks against a file of `size` bytes the way the engine records them: the trace via
 * the real TraceRecorder, contiguous reads merged into one byte-map range.
 */
class Run {
  readonly trace = new TraceRecorder();
  readonly reads: ByteRange[] = [];
  readonly seeks: SeekJump[] = [];
  pos = 0;
  private seq = 0;
  private calls: Record<CallbackName, number> = { read_packet: 0, write_packet: 0, seek: 0 };

  size: number;

  constructor(size: number) {
    this.size = size;
  }

  /** read_packet; `ret` defaults to what an in-memory reader returns. `toFFmpeg` is the safety net's answer. */
  read(bufSize: number, ret?: number, toFFmpeg?: number): this {
    const left = this.size - this.pos;
    const value = ret ?? (left > 0 ? Math.min(bufSize, left) : AVERROR_EOF);
    const got = toFFmpeg ?? value;
    const before = this.pos;
    const seq = ++this.seq;
    if (got > 0) {
      const last = this.reads.at(-1);
      if (last && last.end === before) last.end += got;
      else this.reads.push({ start: before, end: before + got, seq });
      this.pos += got;
    }
    this.add(seq, "read_packet", { buf_size: bufSize }, value, got, Math.max(got, 0), before);
    return this;
  }

  write(bufSize: number): this {
    const before = this.pos;
    this.pos += bufSize;
    this.size = Math.max(this.size, this.pos);
    this.add(++this.seq, "write_packet", { buf_size: bufSize }, bufSize, bufSize, bufSize, before);
    return this;
  }

  seek(offset: number, whence: number): this {
    const before = this.pos;
    const seq = ++this.seq;
    const size = (whence & AVSEEK_SIZE) !== 0;
    const ret = size ? this.size : offset;
    if (!size) this.pos = offset;
    this.seeks.push({ from: before, to: this.pos, seq, size });
    this.add(seq, "seek", { offset, whence }, ret, ret, 0, before);
    return this;
  }

  repeat(n: number, step: (run: this) => void): this {
    for (let i = 0; i < n; i++) step(this);
    return this;
  }

  private add(
    seq: number,
    callback: CallbackName,
    args: object,
    ret: number,
    toFFmpeg: number,
    bytes: number,
    posBefore: number,
  ) {
    this.trace.nextSeq();
    // Learner callbacks on in-memory data take microseconds; vary them a little.
    const ms = 0.002 + ((seq * 7919) % 97) / 4000;
    this.trace.add({
      seq,
      callback,
      call: ++this.calls[callback],
      ...args,
      ret,
      returnedToFFmpeg: toFFmpeg,
      bytes,
      posBefore,
      posAfter: this.pos,
      ms,
    });
  }

  result(): Pick<RunResult, "trace" | "byteMap"> {
    return {
      trace: this.trace.snapshot(),
      byteMap: { size: this.size, reads: this.reads, seeks: this.seeks },
    };
  }
}

/** min/max peaks of a plucked-note envelope: loud attacks decaying, twice a second. */
function peaks(points: number, seconds: number): Float32Array {
  const out = new Float32Array(points * 2);
  for (let p = 0; p < points; p++) {
    const t = (p / points) * seconds;
    const a = 0.05 + 0.85 * Math.exp(-6 * (t % 0.5)) * (0.6 + 0.4 * Math.sin(t * 1.7));
    out[2 * p] = -a * (0.9 + 0.1 * Math.sin(p));
    out[2 * p + 1] = a * (0.9 + 0.1 * Math.cos(p));
  }
  return out;
}

/** Interleaved float PCM of a decaying 440 Hz tone. */
function tone(seconds: number, sampleRate: number, channels: number): Float32Array {
  const frames = Math.round(seconds * sampleRate);
  const pcm = new Float32Array(frames * channels);
  for (let i = 0; i < frames; i++) {
    const t = i / sampleRate;
    const v = 0.5 * Math.exp(-6 * (t % 0.5)) * Math.sin(2 * Math.PI * 440 * t);
    for (let c = 0; c < channels; c++) pcm[i * channels + c] = v;
  }
  return pcm;
}

const dumpLog = (lines: string[]) => lines.map((text) => ({ level: 32, text }));

/** mp3 at buffer_size 32768: 11 full reads, AVSEEK_SIZE queries, a short read, then AVERROR_EOF twice. */
export function mp3Result(): RunResult {
  const size = 361_653;
  const run = new Run(size)
    .read(32768)
    .repeat(2, (r) => r.seek(0, AVSEEK_SIZE))
    .repeat(5, (r) => r.read(32768))
    .repeat(3, (r) => r.seek(0, AVSEEK_SIZE))
    .repeat(5, (r) => r.read(32768))
    .read(32768)
    .read(32768)
    .read(32768);
  const sampleRate = 44100;
  const duration = 22.570_667;
  return {
    type: "result",
    id: 1,
    status: "ok",
    info: {
      format: "mp3",
      codec: "mp3",
      sampleRate,
      channels: 2,
      channelLayout: "stereo",
      duration,
      bytesRead: size,
      fileSize: size,
      decodedSamples: 995_328,
    },
    ...run.result(),
    diagnostics: [],
    log: [
      { level: 24, text: "[mp3float @ 0x6a2e40] Could not update timestamps for skipped samples." },
      ...dumpLog([
        "Input #0, mp3, from 'memory input':",
        "  Metadata:",
        "    encoder         : Lavf59.27.100",
        "  Duration: 00:00:22.57, start: 0.025057, bitrate: 128 kb/s",
        "  Stream #0:0: Audio: mp3, 44100 Hz, stereo, fltp, 128 kb/s",
      ]),
    ],
    waveform: { peaks: peaks(400, duration), points: 400, totalSamples: 995_328 },
    playback: { pcm: tone(3, sampleRate, 2), sampleRate, channels: 2 },
    buffer: { original: 6_679_552, afterOpen: 6_686_704 },
    ms: 41.7,
  };
}

/** m4a with moov at the end: read to the end to find moov, seek back to mdat at 44, read again. */
export function m4aMoovEndResult(): RunResult {
  const size = 25_352;
  const run = new Run(size)
    .read(4096)
    .seek(0, AVSEEK_SIZE)
    .repeat(6, (r) => r.read(4096))
    .seek(0, AVSEEK_SIZE)
    .seek(44, SEEK_SET)
    .read(4096)
    .repeat(3, (r) => r.seek(0, AVSEEK_SIZE))
    .repeat(5, (r) => r.read(4096));
  return {
    type: "result",
    id: 2,
    status: "ok",
    info: {
      format: "mov,mp4,m4a,3gp,3g2,mj2",
      codec: "aac",
      sampleRate: 48000,
      channels: 2,
      channelLayout: "stereo",
      duration: 2,
      bytesRead: 49_928,
      fileSize: size,
      decodedSamples: 96_256,
    },
    ...run.result(),
    diagnostics: [],
    log: dumpLog([
      "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'memory input':",
      "  Duration: 00:00:02.00, start: 0.000000, bitrate: 101 kb/s",
      "  Stream #0:0[0x1](und): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, stereo, fltp, 95 kb/s (default)",
    ]),
    waveform: { peaks: peaks(300, 2), points: 300, totalSamples: 96_256 },
    playback: { pcm: tone(2, 48000, 2), sampleRate: 48000, channels: 2 },
    buffer: { original: 6_679_552, afterOpen: 6_684_616 },
    ms: 18.2,
  };
}

/**
 * WAV whose read_packet returns 0 at the end instead of AVERROR_EOF: FFmpeg asks again and again
 * until the safety net stops the run on the 1000th zero (FFmpeg gets AVERROR_EXIT). The trace
 * keeps the first 500 and last 200 calls.
 */
export function zeroLoopResult(): RunResult {
  const size = 88_278;
  const run = new Run(size)
    .read(4096)
    .repeat(7, (r) => r.seek(0, AVSEEK_SIZE))
    .repeat(21, (r) => r.read(4096))
    .repeat(999, (r) => r.read(4096, 0))
    .read(4096, 0, AVERROR_EXIT);
  return {
    type: "result",
    id: 3,
    status: "ffmpeg-error",
    error: { stage: "decode", message: "Immediate exit requested", code: AVERROR_EXIT },
    info: {
      format: "wav",
      codec: "pcm_s16le",
      sampleRate: 22050,
      channels: 1,
      channelLayout: "mono",
      duration: 2.001_678,
      bytesRead: size,
      fileSize: size,
      decodedSamples: 44_100,
    },
    ...run.result(),
    diagnostics: [
      diagnose("read_packet_returned_zero", { callback: "read_packet", call: 23, value: 0 }),
      diagnose("read_packet_zero_loop", { callback: "read_packet", call: 1022, count: 1000, first: 23 }),
    ],
    log: [
      ...dumpLog([
        "Input #0, wav, from 'memory input':",
        "  Duration: 00:00:02.00, bitrate: 352 kb/s",
        "  Stream #0:0: Audio: pcm_s16le ([1][0][0][0] / 0x0001), 22050 Hz, 1 channels, s16, 352 kb/s",
      ]),
      { level: 16, text: "[wav @ 0x65fd20] Error during demuxing: Immediate exit requested" },
    ],
    waveform: { peaks: peaks(300, 2), points: 300, totalSamples: 44_100 },
    playback: { pcm: tone(2, 22050, 1), sampleRate: 22050, channels: 1 },
    buffer: { original: 6_679_552, afterOpen: 6_679_552 },
    ms: 63.4,
  };
}

/** 2 s of 44.1 kHz stereo s16 as FFmpeg's wav muxer writes it (with its LIST/INFO chunk). */
export function wavBytes(seekable: boolean): Uint8Array {
  const frames = 88_200;
  const dataSize = frames * 4;
  const bytes = new Uint8Array(78 + dataSize);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => (bytes[at + i] = c.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, seekable ? bytes.length - 8 : 0xffffffff, true);
  text(8, "WAVEfmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 2, true);
  view.setUint32(24, 44100, true);
  view.setUint32(28, 176_400, true);
  view.setUint16(32, 4, true);
  view.setUint16(34, 16, true);
  text(36, "LIST");
  view.setUint32(40, 26, true);
  text(44, "INFOISFT");
  view.setUint32(52, 14, true);
  text(56, "Lavf59.27.100\0");
  text(70, "data");
  view.setUint32(74, seekable ? dataSize : 0xffffffff, true);
  for (let i = 0; i < frames; i++) {
    const v = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 44100));
    view.setInt16(78 + 4 * i, v, true);
    view.setInt16(80 + 4 * i, v, true);
  }
  return bytes;
}

// The first 96 bytes of FFmpeg 5.1's flac muxer output for the same audio, with and without seek.
const FLAC_HEAD = {
  seekable:
    "664c614300000022120012000001340005200ac442f0000158881ef58618925f5d318c11d7fdf5e4ccd80400002e0d0000004c61766635392e32372e3130300100000015000000656e636f6465723d4c61766635392e32372e31303081002000",
  streaming:
    "664c61430000002212001200000000004a580ac442f000000000000000000000000000000000000000000400002e0d0000004c61766635392e32372e3130300100000015000000656e636f6465723d4c61766635392e32372e31303081002000",
};

export function flacBytes(seekable: boolean): Uint8Array {
  const head = FLAC_HEAD[seekable ? "seekable" : "streaming"];
  const bytes = new Uint8Array(32_881);
  for (let i = 0; i < head.length / 2; i++) bytes[i] = parseInt(head.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** Mux mode: write_packet collects the file; with a seek callback the muxer goes back to fill in sizes. */
export function muxResult(format: "wav" | "flac", seekable: boolean): RunResult {
  const bytes = format === "wav" ? wavBytes(seekable) : flacBytes(seekable);
  const run = new Run(0);
  if (format === "wav") {
    run.write(78).repeat(Math.floor((bytes.length - 78) / 4096), (r) => r.write(4096));
    run.write(bytes.length - run.pos);
    if (seekable)
      run
        .seek(74, SEEK_SET)
        .write(4)
        .seek(bytes.length, SEEK_SET)
        .seek(4, SEEK_SET)
        .write(4)
        .seek(bytes.length, SEEK_SET);
  } else {
    run
      .write(4096)
      .write(4096)
      .write(96)
      .write(1241)
      .repeat(5, (r) => r.write(4096));
    run.write(bytes.length - run.pos);
    if (seekable) run.seek(8, SEEK_SET).write(34).seek(bytes.length, SEEK_SET);
  }
  return {
    type: "result",
    id: 4,
    status: "ok",
    ...run.result(),
    byteMap: { size: bytes.length, reads: [], seeks: run.seeks },
    diagnostics: [],
    log: [],
    output: { bytes, format },
    buffer: { original: 6_679_552, afterOpen: 6_679_552 },
    ms: 25.3,
  };
}

/** A read_packet trace entry: seq and what it returned, the rest plausible. */
export const read = (seq: number, ret: number | string, extra: Partial<TraceEntry> = {}): TraceEntry => ({
  seq,
  callback: "read_packet",
  call: seq,
  buf_size: 4096,
  ret,
  returnedToFFmpeg: typeof ret === "number" ? ret : AVERROR_EXTERNAL,
  bytes: typeof ret === "number" && ret > 0 ? ret : 0,
  posBefore: 0,
  posAfter: 0,
  ms: 0.01,
  ...extra,
});
