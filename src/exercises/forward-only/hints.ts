import type { Hint } from "../hints.ts";

export const hints: Hint[] = [
  {
    section: "streaming#how-real-players-do-it",
    text: {
      en: "List what this connection can do: tell its length, and skip ahead up to `window` bytes. Everything else `seek` is asked must fail with a negative code such as `AVERROR(ESPIPE)`, without moving.",
      "zh-cn": "列出这个连接能做的事：告诉长度，以及向前跳过最多 `window` 个字节。除此之外 `seek` 被要求做的一切，都必须以负的错误码（如 `AVERROR(ESPIPE)`）失败，并且不移动位置。",
    },
  },
  {
    section: "seek#seek-decides-whether-the-stream-is-seekable",
    text: {
      en: "Passing `seek` makes `avio_alloc_context()` set `seekable` to `AVIO_SEEKABLE_NORMAL`: a promise that any position can be reached. Demuxers act on it, the Ogg one by jumping to `size − 65,307` (`MAX_PAGE_SIZE` in `oggdec.c`, clamped to 0 for a small file) to read the last pages for the duration, and back again. Can this stream keep that promise?",
      "zh-cn": "传入 `seek` 会让 `avio_alloc_context()` 把 `seekable` 设为 `AVIO_SEEKABLE_NORMAL`：承诺任何位置都能到达。解封装器会据此行事，比如 Ogg 解封装器会跳到 `size − 65,307`（`oggdec.c` 中的 `MAX_PAGE_SIZE`，文件很小时截到 0）去读最后几页以确定时长，然后再跳回来。这个流能兑现这个承诺吗？",
    },
  },
  {
    section: "seek#avseek-size",
    text: {
      en: "With `seekable = 0`, demuxers read forward instead of jumping, yet `AVSEEK_SIZE` still reaches your `seek`. Answer it: the MP3 demuxer trims the encoder's padding only when it knows the length.",
      "zh-cn": "设为 `seekable = 0` 后，解封装器会向前读取而不是跳转，但 `AVSEEK_SIZE` 仍然会传到你的 `seek`。回答它：MP3 解封装器只有知道长度时，才会裁掉编码器加的填充。",
    },
  },
];
