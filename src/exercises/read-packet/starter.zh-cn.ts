// 用文件接下来的字节填充 `buf`，并返回复制了多少字节。
import { AVERROR_EOF } from "avio";

export interface BufferData {
  data: Uint8Array; // 整个文件
  pos: number; // 下一次读取的起点
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  // TODO：从 opaque.data 的 opaque.pos 处最多复制 buf_size 个字节到 buf，
  // 推进 opaque.pos，并返回复制的字节数。
  return AVERROR_EOF;
}
