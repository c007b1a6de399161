// 这里没有要修改的地方：一个正确的 read_packet，让调用记录显示
// avformat_open_input() 在探测时请求了什么。最初的几次调用发生在任何
// 解封装器存在之前；修改 buffer_size 和输入，观察第一次的 buf_size，
// 以及在格式确定之前有多少次调用。
import { AVERROR_EOF } from "avio";

interface BufferData {
  data: Uint8Array; // 整个文件
  pos: number; // 下一次读取的起点
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF;
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
