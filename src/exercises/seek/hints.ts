import type { Hint } from "../hints.ts";

export const hints: Hint[] = [
  {
    section: "seek#whence-what-ffmpeg-asks",
    text: {
      en: "Work out the target position first: `offset` for `SEEK_SET`, the current position plus `offset` for `SEEK_CUR`, the size plus `offset` for `SEEK_END`.",
      "zh-cn": "先算出目标位置：`SEEK_SET` 是 `offset`，`SEEK_CUR` 是当前位置加 `offset`，`SEEK_END` 是总大小加 `offset`。",
    },
  },
  {
    section: "seek#avseek-size",
    text: {
      en: "Test `whence & AVSEEK_SIZE` before anything else: it is a question, so answer with the size and do not move. Then clear the other flag: `whence &= ~AVSEEK_FORCE`.",
      "zh-cn": "最先检查 `whence & AVSEEK_SIZE`：这是一个提问，用总大小回答它，不要移动位置。然后清掉另一个标志：`whence &= ~AVSEEK_FORCE`。",
    },
  },
  {
    section: "seek#return-value",
    text: {
      en: "Return the new absolute position, not 0. Only a target below 0 or above the size is invalid; the size itself is a valid position (the next read returns `AVERROR_EOF`).",
      "zh-cn": "返回新的绝对位置，而不是 0。只有小于 0 或大于总大小的目标是无效的；总大小本身是合法的位置（之后的读取返回 `AVERROR_EOF`）。",
    },
  },
];
