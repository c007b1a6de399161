import type { Hint } from "../hints.ts";

export const hints: Hint[] = [
  {
    section: "read-packet#never-more-than-buf_size",
    text: {
      en: "`CHUNK` is 4,096 whatever FFmpeg asks for. What happens when `buf_size` is 1,024?",
      "zh-cn": "不管 FFmpeg 要多少，`CHUNK` 都是 4,096。`buf_size` 是 1,024 时会怎样？",
    },
  },
  {
    section: "read-packet#never-return-0",
    text: {
      en: "At the end of the data the chunk is empty and the function returns its length: 0. 0 does not end anything: on some reads FFmpeg calls `read_packet` again at once, forever. The end is `AVERROR_EOF`.",
      "zh-cn": "数据读完时，这个块是空的，函数返回它的长度：0。0 不会结束任何东西：在某些读取中，FFmpeg 会立即再次调用 `read_packet`，永无止境。结束应当返回 `AVERROR_EOF`。",
    },
  },
];
