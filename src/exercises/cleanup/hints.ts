import type { Hint } from "../hints.ts";

export const hints: Hint[] = [
  {
    section: "lifecycle#who-owns-what",
    text: {
      en: "After `avio_alloc_context()` the buffer belongs to the context, and `avformat_close_input()` never frees a `pb` you set yourself. Free the context with `avio_context_free()`.",
      "zh-cn": "`avio_alloc_context()` 之后，缓冲区归上下文所有，而 `avformat_close_input()` 从不释放你自己设置的 `pb`。用 `avio_context_free()` 释放上下文。",
    },
  },
  {
    section: "buffer#free-avio_ctx-buffer-not-your-pointer",
    text: {
      en: "libavformat may replace the buffer while probing: free the one in use now, `av_freep(avio_ctx, \"buffer\")`, not the pointer you allocated.",
      "zh-cn": "libavformat 可能在探测格式时替换缓冲区：释放当前正在用的那个，`av_freep(avio_ctx, \"buffer\")`，而不是你当初分配的指针。",
    },
  },
  {
    section: "lifecycle#cleanup",
    text: {
      en: "When `avformat_open_input()` fails it has freed the format context but not your `pb`: every path, success or failure, ends with the same cleanup in reverse order of allocation.",
      "zh-cn": "`avformat_open_input()` 失败时，它已经释放了格式上下文，但没有释放你的 `pb`：无论成功还是失败，每条路径都以同样的清理结束，顺序与分配相反。",
    },
  },
];
