import type { Hint } from "../hints.ts";

export const hints: Hint[] = [
  {
    section: "write-packet#the-contract",
    text: {
      en: "`pos` is where the next byte goes and `size` how long the file is; they differ after a seek back. A write ends at `pos + buf_size`; `size` only ever grows to that.",
      "zh-cn": "`pos` 是下一个字节写入的位置，`size` 是文件的长度；seek 回去之后两者就不同了。一次写入结束于 `pos + buf_size`；`size` 只会增长到这个值。",
    },
  },
  {
    section: "write-packet#the-contract",
    text: {
      en: "When `data` is too small, allocate a bigger array (double it) and copy the first `size` bytes over, then `data.set(buf.subarray(0, buf_size), pos)`.",
      "zh-cn": "`data` 不够大时，分配一个更大的数组（容量翻倍），把前 `size` 个字节复制过去，然后 `data.set(buf.subarray(0, buf_size), pos)`。",
    },
  },
  {
    section: "write-packet#what-the-wav-muxer-writes-and-when",
    text: {
      en: "At the end the muxer seeks back to patch the header: `seek` must move `pos` and return it, and `AVSEEK_SIZE` is answered with `size`, not the capacity.",
      "zh-cn": "最后封装器会 seek 回去修补文件头：`seek` 必须移动 `pos` 并返回它，`AVSEEK_SIZE` 要用 `size` 回答，而不是容量。",
    },
  },
];
