// 输出模式：FFmpeg 的 WAV 封装器把它产生的字节交给 write_packet，
// 最后再调用 seek 回到开头修补文件头。
// 把所有字节收集到一个可增长的缓冲区里。
import { AVERROR, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";

export interface OutputBuffer {
  data: Uint8Array; // 容量；需要时扩大它
  pos: number; // 下一次写入的位置
  size: number; // 实际输出的字节数（文件长度）
}

export function write_packet(opaque: OutputBuffer, buf: Uint8Array, buf_size: number): number {
  // TODO：把 buf[0..buf_size) 存到 opaque.pos 处，必要时扩大 opaque.data；
  // 推进 pos，更新 size，返回 buf_size。
  return buf_size;
}

export function seek(opaque: OutputBuffer, offset: number, whence: number): number {
  // TODO：与输入的 seek 相同，但范围是目前已写入的内容（opaque.size）。
  void [AVSEEK_FORCE, AVSEEK_SIZE, SEEK_CUR, SEEK_END, SEEK_SET];
  return AVERROR(EINVAL);
}
