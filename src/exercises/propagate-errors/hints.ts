import type { Hint } from "../hints.ts";

export const hints: Hint[] = [
  {
    section: "read-packet#errors",
    text: {
      en: "Running out of `data` is not always the end of the file. Look at `errno` at that moment: 0 means the transfer completed.",
      "zh-cn": "`data` 读完并不总是文件的结束。在那一刻看看 `errno`：0 表示传输已经完成。",
    },
  },
  {
    section: "read-packet#errors",
    text: {
      en: "An error is a negative code: `AVERROR(errno)`. `errno` itself is positive, and FFmpeg would read a positive return as a byte count.",
      "zh-cn": "错误是一个负的错误码：`AVERROR(errno)`。`errno` 本身是正数，而 FFmpeg 会把正的返回值当作字节数。",
    },
  },
  {
    section: "read-packet#never-return-0",
    text: {
      en: "Keep the order: while bytes are left, copy them as before; only the call after the last byte returns `AVERROR_EOF` or `AVERROR(errno)`, and never 0.",
      "zh-cn": "保持顺序：只要还有字节，就照常复制；只有最后一个字节之后的那次调用才返回 `AVERROR_EOF` 或 `AVERROR(errno)`，绝不返回 0。",
    },
  },
];
