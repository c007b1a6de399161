// 随时间陆续到达的字节。create_opaque 把文件切成 1400 字节的“网络数据包”；
// 每次 read_packet 调用把下一个数据包带来的内容交给 FFmpeg，就像在套接字上
// 调用 recv()。这里没有 seek：交出去的数据就没有了。试试 MP3、ADTS AAC、
// Ogg 和 Opus 示例，再试试 moov atom 在末尾的 M4A。
import { AVERROR_EOF } from "avio";

interface Stream {
  packets: Uint8Array[]; // 网络将按顺序送达的内容
  next: number; // 下一个到达的数据包的序号
  carry: Uint8Array | null; // 一个数据包中没能放进 buf 的部分
}

export function create_opaque(data: Uint8Array): Stream {
  const packets: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += 1400) packets.push(data.subarray(at, at + 1400));
  return { packets, next: 0, carry: null };
}

export function read_packet(s: Stream, buf: Uint8Array, buf_size: number): number {
  // 真实的数据源会在这里阻塞，直到有数据包到达（或连接关闭）。
  const chunk = s.carry ?? s.packets[s.next++];
  if (!chunk) return AVERROR_EOF; // 连接已关闭：流结束了
  const n = Math.min(buf_size, chunk.length);
  buf.set(chunk.subarray(0, n));
  s.carry = n < chunk.length ? chunk.subarray(n) : null;
  return n; // 读得少也没关系：FFmpeg 会再来要剩下的
}
