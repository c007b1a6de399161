// opaque 携带 read_packet 需要的一切：这里是文件的一份“加密”副本、
// 用来解密的密钥，以及读取位置。create_opaque 只构建一次这个状态；
// FFmpeg 在每次调用时把它交还给你。
// 把 KEY_USED_TO_READ 改成 0x5b，再运行一次。
import { AVERROR_EOF } from "avio";

const KEY = 0x5a;
const KEY_USED_TO_READ = 0x5a;

interface XorSource {
  blob: Uint8Array; // 存储的字节：每个字节都与 KEY 做了异或
  key: number;
  pos: number;
}

export function create_opaque(data: Uint8Array): XorSource {
  const blob = data.map((b) => b ^ KEY); // 假装它是加密后传来的
  return { blob, key: KEY_USED_TO_READ, pos: 0 };
}

export function read_packet(opaque: XorSource, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.blob.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  for (let i = 0; i < n; i++) buf[i] = opaque.blob[opaque.pos + i] ^ opaque.key;
  opaque.pos += n;
  return n;
}
