// 字节分成大小不一的块陆续到达（就像来自网络或压缩包）。
// `index` 是正在读取的块，`offset` 是在这一块中的位置。
import { AVERROR_EOF } from "avio";

export interface ChunkedSource {
  chunks: Uint8Array[];
  index: number;
  offset: number;
}

export function read_packet(opaque: ChunkedSource, buf: Uint8Array, buf_size: number): number {
  // TODO：最多复制 buf_size 个字节；一块读完时，接着从下一块继续读。
  void buf_size;
  return AVERROR_EOF;
}

/** 供练习场使用：把文件切成大小不一的块（测试使用自己的切法）。 */
export function create_opaque(data: Uint8Array): ChunkedSource {
  const sizes = [1, 700, 3, 4096, 0, 12000, 5];
  const chunks: Uint8Array[] = [];
  for (let at = 0, i = 0; at < data.length; i++) {
    const n = sizes[i % sizes.length];
    chunks.push(data.subarray(at, at + n));
    at += n;
  }
  return { chunks, index: 0, offset: 0 };
}
