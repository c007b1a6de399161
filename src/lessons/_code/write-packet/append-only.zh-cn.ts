// 一个忽略位置的 write_packet：每一块都追加到末尾。
// seek 回调函数移动了 opaque.pos，但没有代码读取它。运行它，看看文件头视图
// 和文件大小，然后让 write_packet 写到 pos 处。
import { AVSEEK_FORCE, AVSEEK_SIZE, SEEK_CUR, SEEK_END } from "avio";

interface OutputBuffer {
  data: Uint8Array;
  pos: number;
  size: number;
}

export function create_opaque(): OutputBuffer {
  return { data: new Uint8Array(64 * 1024), pos: 0, size: 0 };
}

export function write_packet(opaque: OutputBuffer, buf: Uint8Array, buf_size: number): number {
  const end = opaque.size + buf_size; // BUG：应为 opaque.pos + buf_size
  if (end > opaque.data.length) {
    const grown = new Uint8Array(Math.max(end, opaque.data.length * 2));
    grown.set(opaque.data.subarray(0, opaque.size));
    opaque.data = grown;
  }
  opaque.data.set(buf.subarray(0, buf_size), opaque.size); // BUG：总是写在末尾
  opaque.size = end;
  opaque.pos = end;
  return buf_size;
}

export function seek(opaque: OutputBuffer, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.size;
  whence &= ~AVSEEK_FORCE;
  const pos = whence === SEEK_CUR ? opaque.pos + offset : whence === SEEK_END ? opaque.size + offset : offset;
  opaque.pos = pos;
  return pos;
}
