// 一个程序里包含自定义 I/O 的两个方向：从内存解码输入（read_packet + seek），
// 把它编码成 FLAC 写进内存（write_packet + seek），再从内存解码这个 FLAC，
// 逐个比较每一个采样。往返转换不精确时 main() 会抛出异常；“完成”表示它是精确的。
import {
  AVERROR, AVERROR_EOF, AVFormatContext, AVIOContext, AVMEDIA_TYPE_AUDIO, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL,
  SEEK_CUR, SEEK_END, SEEK_SET, av_err2str, av_find_best_stream, av_freep, av_malloc, av_write_trailer,
  avformat_alloc_context,
  avformat_alloc_output_context2, avformat_close_input, avformat_find_stream_info, avformat_free_context,
  avformat_new_stream, avformat_open_input, avformat_write_header, avio_alloc_context, avio_context_free,
  decode_audio, write_audio_samples,
} from "avio";

// ---- 输入：内存中的字节，从头读到尾，可以 seek ----------------
interface Source {
  data: Uint8Array;
  pos: number;
}

function read_packet(src: Source, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, src.data.length - src.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(src.data.subarray(src.pos, src.pos + n));
  src.pos += n;
  return n;
}

function seek_in(src: Source, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return src.data.length;
  whence &= ~AVSEEK_FORCE;
  const pos = whence === SEEK_SET ? offset : whence === SEEK_CUR ? src.pos + offset : whence === SEEK_END ? src.data.length + offset : -1;
  if (pos < 0 || pos > src.data.length) return AVERROR(EINVAL);
  src.pos = pos;
  return pos;
}

// ---- 输出：一块不断增长的内存，在 pos 处写入 --------------------
interface Sink {
  data: Uint8Array;
  pos: number; // 下一个字节写到哪里
  size: number; // 文件有多长
}

function write_packet(out: Sink, buf: Uint8Array, buf_size: number): number {
  const end = out.pos + buf_size;
  if (end > out.data.length) {
    const grown = new Uint8Array(Math.max(end, 2 * out.data.length));
    grown.set(out.data.subarray(0, out.size));
    out.data = grown;
  }
  out.data.set(buf.subarray(0, buf_size), out.pos);
  out.pos = end;
  out.size = Math.max(out.size, end);
  return buf_size;
}

function seek_out(out: Sink, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return out.size;
  whence &= ~AVSEEK_FORCE;
  const pos = whence === SEEK_SET ? offset : whence === SEEK_CUR ? out.pos + offset : whence === SEEK_END ? out.size + offset : -1;
  if (pos < 0) return AVERROR(EINVAL);
  out.pos = pos;
  return pos;
}

interface Input {
  fmt_ctx: AVFormatContext;
  pb: AVIOContext;
  stream_index: number;
}

/**
 * 通过自定义 I/O 打开 `bytes`：avio_alloc_context、pb、avformat_open_input，以及最合适的音频流。
 * FLAC 和 Ogg 不需要 seek 就能从头解码到尾；MP3 需要它来去掉末尾的填充。
 */
function open_input(bytes: Uint8Array, seekable: boolean): Input {
  const buffer = av_malloc(4096);
  const pb = avio_alloc_context(buffer, 4096, 0, { data: bytes, pos: 0 }, read_packet, null, seekable ? seek_in : null);
  if (!pb) throw new Error("avio_alloc_context failed");
  const fmt_ctx = avformat_alloc_context();
  fmt_ctx.pb = pb;
  let ret = avformat_open_input(fmt_ctx, null, null, null);
  if (ret < 0) {
    free_io(pb); // FFmpeg 已释放 fmt_ctx，但绝不会释放 pb
    throw new Error(`cannot open: ${av_err2str(ret)}`);
  }
  ret = avformat_find_stream_info(fmt_ctx, null);
  if (ret >= 0) ret = av_find_best_stream(fmt_ctx, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0);
  if (ret < 0) {
    avformat_close_input(fmt_ctx);
    free_io(pb);
    throw new Error(`cannot open: ${av_err2str(ret)}`);
  }
  return { fmt_ctx, pb, stream_index: ret };
}

function free_io(pb: AVIOContext): void {
  av_freep(pb, "buffer"); // 现在正在使用的缓冲区，未必是我们分配的那一个
  avio_context_free(pb);
}

export function main(input: Uint8Array): void {
  // 1. 输入端：从内存读取 MP3（或所选的其他文件）。
  const src = open_input(input, true);
  const { sample_rate, channels } = src.fmt_ctx.stream(src.stream_index);

  // 2. 输出端：一个通过 write_packet 写进内存的 FLAC 封装器。
  const out: Sink = { data: new Uint8Array(64 * 1024), pos: 0, size: 0 };
  const oc = avformat_alloc_output_context2(null, "flac", null);
  if (!oc) throw new Error("no FLAC muxer");
  const opb = avio_alloc_context(av_malloc(4096), 4096, 1, out, null, write_packet, seek_out);
  if (!opb) throw new Error("avio_alloc_context failed");
  oc.pb = opb;
  const st = avformat_new_stream(oc, { encoder: "flac", sample_rate, channels });
  if (!st) throw new Error("no FLAC encoder");
  let ret = avformat_write_header(oc, null);

  // 3. 解码为 s16，每到一块就编码一块；留一份副本用来比较。
  const original: Int16Array[] = [];
  if (ret >= 0) {
    const dec = decode_audio(src.fmt_ctx, src.stream_index, {
      sample_fmt: "s16",
      on_samples: (samples) => {
        original.push(samples as Int16Array);
        ret = write_audio_samples(st, samples as Int16Array);
        return ret < 0; // 返回 true 会停止解码
      },
    });
    if (ret >= 0) ret = dec.ret;
  }
  if (ret >= 0) ret = av_write_trailer(oc); // FLAC 在这里跳回偏移 8，修补 STREAMINFO
  free_io(opb);
  avformat_free_context(oc);
  avformat_close_input(src.fmt_ctx);
  free_io(src.pb);
  if (ret < 0) throw new Error(`transcoding failed: ${av_err2str(ret)}`);

  // 4. 再从内存解码这个 FLAC，逐个比较每一个采样。
  const expected = concat(original);
  const flac = open_input(out.data.subarray(0, out.size), false);
  let at = 0;
  let differs = -1;
  const again = decode_audio(flac.fmt_ctx, flac.stream_index, {
    sample_fmt: "s16",
    on_samples: (samples) => {
      for (let i = 0; i < samples.length; i++, at++)
        if (samples[i] !== expected[at]) {
          differs = at;
          return true;
        }
      return false;
    },
  });
  avformat_close_input(flac.fmt_ctx);
  free_io(flac.pb);
  if (again.ret < 0) throw new Error(`decoding the FLAC: ${av_err2str(again.ret)}`);
  if (differs >= 0) throw new Error(`the FLAC differs from the input at sample ${differs}`);
  if (at !== expected.length) throw new Error(`the FLAC has ${at} samples, the input ${expected.length}`);
  // 完成：${out.size} 字节的 FLAC，解码出的采样与输入完全相同。
}

function concat(parts: Int16Array[]): Int16Array {
  const all = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  return all;
}
