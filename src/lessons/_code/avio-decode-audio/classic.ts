// The course example "07-09 avio_decode_audio", ported line for line to the
// workbook's API, defects included. The "FILE *" is an object with a read
// position, and fread() copies from the bytes you picked. Run it: the audio
// decodes, and the diagnostics list what the C program gets wrong.
import {
  AVERROR_EOF, av_free, av_malloc, avformat_alloc_context, avformat_close_input,
  avformat_find_stream_info, avformat_open_input, avio_alloc_context, decode_audio,
} from "avio";

const BUF_SIZE = 20480;

// Stands in for FILE *in_file = fopen(..., "rb").
interface FILE { bytes: Uint8Array; pos: number }

function fread(dst: Uint8Array, size: number, file: FILE): number {
  const n = Math.min(size, file.bytes.length - file.pos);
  dst.set(file.bytes.subarray(file.pos, file.pos + n));
  file.pos += n;
  return n;
}

function read_packet(opaque: FILE, buf: Uint8Array, buf_size: number): number {
  const read_size = fread(buf, buf_size, opaque);
  if (read_size <= 0) return AVERROR_EOF;
  return read_size;
}

export function main(input: Uint8Array): void {
  const in_file: FILE = { bytes: input, pos: 0 };
  const io_buffer = av_malloc(BUF_SIZE);
  const avio_ctx = avio_alloc_context(io_buffer, BUF_SIZE, 0, in_file, read_packet, null, null);
  const format_ctx = avformat_alloc_context();
  format_ctx.pb = avio_ctx;
  avformat_open_input(format_ctx, null, null, null); // return value ignored
  avformat_find_stream_info(format_ctx, null); // fills in sample rate and channels

  // The original loops av_read_frame → avcodec_send_packet → avcodec_receive_frame
  // on stream 0 and writes each frame's samples out; decode_audio runs that loop.
  decode_audio(format_ctx, 0, { sample_fmt: "f32" });

  av_free(io_buffer); // defect: this pointer was replaced (and freed) by libavformat
  avformat_close_input(format_ctx);
  // defect: avio_context_free(avio_ctx) is never called
}
