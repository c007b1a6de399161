// 一个网络流：字节按顺序到达，连接已经提前缓冲了 `window` 个字节，
// 读过的数据就没有了。read_packet 已经写好；下面的 seek 是为内存中的
// 文件写的。
import { AVERROR, AVERROR_EOF, AVIO_SEEKABLE_NORMAL, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, ESPIPE, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";

export interface Stream {
  data: Uint8Array; // 响应内容，按到达的顺序排列
  pos: number; // 目前已读取的字节数
  window: number; // 连接已经提前缓冲了多远
}

export function read_packet(opaque: Stream, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF;
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

export function seek(opaque: Stream, offset: number, whence: number): number {
  // TODO：这些移动中，哪些是这个数据源真正能做到的？
  void ESPIPE;
  if (whence & AVSEEK_SIZE) return opaque.data.length;
  whence &= ~AVSEEK_FORCE;
  let pos: number;
  if (whence === SEEK_SET) pos = offset;
  else if (whence === SEEK_CUR) pos = opaque.pos + offset;
  else if (whence === SEEK_END) pos = opaque.data.length + offset;
  else return AVERROR(EINVAL);
  if (pos < 0 || pos > opaque.data.length) return AVERROR(EINVAL);
  opaque.pos = pos;
  return pos;
}

// 引擎在 avio_alloc_context 之后立即把 avio_ctx->seekable 设为这个值。
// TODO：这个数据源应该承诺什么？（这是传入 seek 时设置的值。）
export const seekable = AVIO_SEEKABLE_NORMAL;

/** 供练习场使用：把示例文件当作窗口为 4 KiB 的流（测试使用自己的设置）。 */
export function create_opaque(data: Uint8Array): Stream {
  return { data, pos: 0, window: 4096 };
}
