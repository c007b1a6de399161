import type { Hint } from "../hints.ts";

export const hints: Hint[] = [
  {
    section: "read-packet#the-contract",
    text: {
      en: "Three numbers decide a read: the bytes left (`data.length - pos`), the most FFmpeg takes (`buf_size`), and the bytes you copy: the smaller of the two.",
      "zh-cn": "一次读取由三个数决定：剩下的字节数（`data.length - pos`）、FFmpeg 最多能接收的字节数（`buf_size`），以及你复制的字节数：前两者中较小的那个。",
    },
  },
  {
    section: "read-packet#partial-reads-are-fine",
    text: {
      en: "`buf.set(data.subarray(pos, pos + n))` copies n bytes to the start of `buf`. Then move `pos` on by n, so the next call continues there, and return n.",
      "zh-cn": "`buf.set(data.subarray(pos, pos + n))` 把 n 个字节复制到 `buf` 的开头。然后把 `pos` 向后移动 n，让下一次调用从那里继续，并返回 n。",
    },
  },
  {
    section: "read-packet#never-return-0",
    text: {
      en: "When no byte is left, return `AVERROR_EOF`. 0 is not an end to FFmpeg 5.1: on some reads it calls `read_packet` again at once, forever.",
      "zh-cn": "没有剩余字节时，返回 `AVERROR_EOF`。对 FFmpeg 5.1 来说，0 并不表示结束：在某些读取中，它会立即再次调用 `read_packet`，永无止境。",
    },
  },
];
