// 一次可能在结束前中断的下载：`data` 保存已到达的字节，
// `errno` 说明传输是怎样结束的（完成时为 0）。
import { AVERROR, AVERROR_EOF, EIO } from "avio";

export interface Download {
  data: Uint8Array; // 已到达的字节
  pos: number; // 下一次读取的起点
  errno: number; // 0：传输已完成；否则是让它中断的错误
}

export function read_packet(opaque: Download, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) {
    // TODO：这里真的是文件的结尾吗？
    void AVERROR;
    return AVERROR_EOF;
  }
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

/** 供练习场使用：传输在文件的 60% 处以 EIO 中断（测试使用自己的设置）。 */
export function create_opaque(data: Uint8Array): Download {
  return { data: data.subarray(0, Math.floor(data.length * 0.6)), pos: 0, errno: EIO };
}
