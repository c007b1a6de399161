import type { Hint } from "../hints.ts";

export const hints: Hint[] = [
  {
    section: "read-packet#partial-reads-are-fine",
    text: {
      en: "Keep a count of bytes written into `buf` and loop: copy what fits from the current chunk at `offset`, then move on while `buf` has room and chunks are left.",
      "zh-cn": "记下已经写入 `buf` 的字节数并循环：从当前块的 `offset` 处复制放得下的部分，只要 `buf` 还有空间、还有剩下的块，就继续。",
    },
  },
  {
    section: "read-packet#the-contract",
    text: {
      en: "Copy to `buf` at the count already written: `buf.set(bytes, written)`. When a chunk is used up, `index++` and `offset = 0`; an empty chunk is used up at once.",
      "zh-cn": "复制到 `buf` 中已写入字节数的位置：`buf.set(bytes, written)`。一个块用完时，`index++` 并令 `offset = 0`；空块一开始就是用完的。",
    },
  },
  {
    section: "read-packet#never-return-0",
    text: {
      en: "Return the count written, or `AVERROR_EOF` when it is 0 because no chunk is left.",
      "zh-cn": "返回已写入的字节数；如果因为没有剩下的块而一个字节都没写，就返回 `AVERROR_EOF`。",
    },
  },
];
