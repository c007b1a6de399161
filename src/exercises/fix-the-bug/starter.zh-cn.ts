// 这个 read_packet 是从一个总是使用 4 KiB 缓冲区的项目里复制来的。
// 在那里它能正常解码 MP3 文件——但它有两个 bug。找出并修复它们。
export interface BufferData {
  data: Uint8Array;
  pos: number;
}

const CHUNK = 4096;

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const chunk = opaque.data.subarray(opaque.pos, opaque.pos + CHUNK);
  buf.set(chunk);
  opaque.pos += chunk.length;
  return chunk.length;
}
