// A plain memory reader. Run it and open "Stream info": the row "AVIO buffer"
// shows the pointer you passed to avio_alloc_context and the one the context
// uses after avformat_open_input. Try other inputs and buffer sizes.
import { AVERROR_EOF } from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
