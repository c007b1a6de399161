// Words of the playground's own controls (the result views have theirs in
// views/strings.ts). `en` defines the shape; `zh-cn` must match it.
import type { Locale } from "../i18n/locales.ts";

const en = {
  region: (title: string) => `Playground: ${title}`,
  /** Between two sentences joined into one text: a space in English, nothing after "。". */
  sentenceGap: " ",
  editorLabel: (title: string) =>
    `TypeScript code for ${title}. Press Escape then Tab to leave the editor; Ctrl+Enter runs.`,
  /** Read to screen readers with the editor's label. */
  editorHint:
    "Code editor. Tab indents; to leave the editor, press Escape and then Tab. Ctrl+Enter (Cmd+Enter on a Mac) runs the code.",
  media: "Input",
  ownFile: "Your file…",
  ownFileOption: (name: string, size: string) => `Your file: ${name} (${size})`,
  dropHint: "Drop an audio file here to decode it. It stays on your computer.",
  bufferSize: "buffer_size",
  seek: "Pass a seek callback",
  outputFormat: "Output",
  run: "Run",
  running: "Running…",
  runShortcut: "Ctrl+Enter",
  reset: "Reset to starter",
  stop: "Stop",
  stopped: "You stopped the run. A fresh engine is ready: fix the code and run again.",
  stoppedTitle: "You stopped the run",
  checkStopped: "You stopped the tests. A fresh engine is ready.",
  undo: "Undo",
  undoReset: "Undo: bring back the code you had",
  solution: "Show solution",
  solutionConfirm: "Replace the editor's code with the solution? Your code is kept: Undo brings it back.",
  copyLink: "Copy link",
  linkCopied: "Link copied: it carries your code.",
  linkFailed: "Could not copy; the link is in the address bar.",
  sandbox:
    "Your code runs in a Web Worker with no access to this page, its storage, cookies or the network. Files you choose are decoded locally and never uploaded.",
  loadingEngine: (loaded: string, total: string) => `Downloading the FFmpeg engine… ${loaded} of ${total}`,
  compiling: "Starting FFmpeg…",
  editorLoading: "Loading the editor…",
  done: (ms: string) => `Done in ${ms}.`,
  failed: (stage: string, message: string) => `FFmpeg stopped at ${stage}: ${message}`,
  expectedError: (stage: string, message: string) =>
    `FFmpeg stopped at ${stage} with “${message}”: the expected, correct outcome here. Your error code reached the caller.`,
  compileError: (message: string) => `Your code does not compile: ${message}`,
  missingExport: (message: string) => message,
  threw: (message: string) => `Your code threw: ${message}`,
  timeoutTitle: "Your callback did not return (endless loop?)",
  timeout: (seconds: string) =>
    `The run took longer than ${seconds} s, so it was stopped. A fresh engine is ready: fix the code and run again.`,
  stuckIn: (callback: string, call: number) => `${callback} call ${call} never returned.`,
  lastCalls: "The last calls before it stopped",
  /** Status line of a timeout: the title and the explanation as one text. */
  timeoutStatus: (seconds: string) =>
    `Your callback did not return (endless loop?). The run took longer than ${seconds} s, so it was stopped. A fresh engine is ready: fix the code and run again.`,
  stuckFirst: (callback: string, call: number) =>
    `No call returned before ${callback} call ${call}: that call is where the run got stuck.`,
  noneReturned: "No callback call returned before the run stopped.",
  notRunTitle: "Your code did not run",
  notRun: "Nothing was decoded: the results of earlier runs were cleared. Fix the code and run again.",
  notAudioTitle: "Not an audio file FFmpeg can read",
  missingTitle: "Not built into this workbook's FFmpeg",
  notAudioStatus: (name: string) =>
    `“${name}” is not audio that this FFmpeg can read; your callbacks did nothing wrong.`,
  notAudio: (name: string, error: string) =>
    `“${name}” is not audio that this FFmpeg can read (FFmpeg says: ${error}). Your callbacks did nothing wrong: FFmpeg rejects this file with a correct read_packet too. Choose an audio file (MP3, AAC, FLAC, WAV, Ogg, Opus, or a video file with an audio track).`,
  videoIgnored: "The video stream is ignored: only the file's audio is decoded.",
  linkLoaded: "The code in the editor came from the link you opened. Undo brings back the code you had.",
  linkDismiss: "Dismiss",
  linkBanner: "This link carries code for this playground.",
  linkLoad: "Open the code from the link",
  linkKeep: "Keep my saved code",
  engineError: (message: string) => `The engine could not start: ${message}`,
  engineDownload: (status: string) =>
    `downloading the FFmpeg engine failed (${status}). Check the connection and Run again.`,
  runnerStart: (message: string) => `the runner's Web Worker did not start (${message}).`,
  engineNoSimd:
    "This browser cannot run the engine: it is built with WebAssembly SIMD, which needs Chrome or Edge 91+, Firefox 89+ or Safari 16.4+. The lessons still read fine; use a newer browser to run the code.",
  saved: "Saved in this browser.",
  check: "Check",
  checking: "Running the tests…",
  download: "Download my solution",
  testsTitle: "Test results",
  checkPassed: (n: number) => `All ${n} tests pass. Exercise complete!`,
  checkFailed: (passed: number, total: number) =>
    `${passed} of ${total} tests pass. The first failure is open below.`,
  checkError: (message: string) => `The tests could not run: ${message}`,
  pass: "pass",
  fail: "fail",
  error: "error",
  /** After a test name: brackets (and the space before them) as the language writes them. */
  hidden: " (hidden test)",
  callsAround: "Calls around the failure",
  nextExercise: (title: string) => `Next exercise: ${title}`,
  allExercises: "All exercises done: back to the list",
};

export type PlaygroundStrings = typeof en;

const zhCn: PlaygroundStrings = {
  region: (title) => `练习场：${title}`,
  sentenceGap: "",
  editorLabel: (title) => `${title} 的 TypeScript 代码。按 Esc 再按 Tab 离开编辑器；Ctrl+Enter 运行。`,
  editorHint:
    "代码编辑器。按 Tab 缩进；要离开编辑器，先按 Esc，再按 Tab。按 Ctrl+Enter（Mac 上为 Cmd+Enter）运行代码。",
  media: "输入",
  ownFile: "选择你自己的文件…",
  ownFileOption: (name, size) => `你的文件：${name}（${size}）`,
  dropHint: "把音频文件拖到这里即可解码。文件只在你的电脑上处理。",
  bufferSize: "buffer_size",
  seek: "传入 seek 回调函数",
  outputFormat: "输出",
  run: "运行",
  running: "运行中…",
  runShortcut: "Ctrl+Enter",
  reset: "恢复初始代码",
  stop: "停止",
  stopped: "你停止了这次运行。新的引擎已就绪：修改代码后再运行。",
  stoppedTitle: "你停止了这次运行",
  checkStopped: "你停止了测试。新的引擎已就绪。",
  undo: "撤销",
  undoReset: "撤销：找回你之前的代码",
  solution: "查看答案",
  solutionConfirm: "用答案替换编辑器中的代码吗？你的代码会被保留，点“撤销”即可找回。",
  copyLink: "复制链接",
  linkCopied: "链接已复制，其中包含你的代码。",
  linkFailed: "无法复制；链接已在地址栏中。",
  sandbox:
    "你的代码在 Web Worker 中运行，无法访问本页面、存储、Cookie 或网络。你选择的文件只在本地解码，不会上传。",
  loadingEngine: (loaded, total) => `正在下载 FFmpeg 引擎… ${loaded} / ${total}`,
  compiling: "正在启动 FFmpeg…",
  editorLoading: "正在加载编辑器…",
  done: (ms) => `完成，用时 ${ms}。`,
  failed: (stage, message) => `FFmpeg 在 ${stage} 处停止：${message}`,
  expectedError: (stage, message) =>
    `FFmpeg 在 ${stage} 处以“${message}”停止：这正是这里预期的正确结果。你的错误码传到了调用方。`,
  compileError: (message) => `代码无法编译：${message}`,
  missingExport: (message) => message,
  threw: (message) => `代码抛出了异常：${message}`,
  timeoutTitle: "回调函数没有返回（死循环？）",
  timeout: (seconds) => `运行超过 ${seconds} 秒，已被终止。新的引擎已就绪：修改代码后再运行。`,
  stuckIn: (callback, call) => `${callback} 第 ${call} 次调用没有返回。`,
  lastCalls: "停止前的最后几次调用",
  timeoutStatus: (seconds) =>
    `回调函数没有返回（死循环？）。运行超过 ${seconds} 秒，已被终止。新的引擎已就绪：修改代码后再运行。`,
  stuckFirst: (callback, call) =>
    `在 ${callback} 第 ${call} 次调用之前没有任何调用返回：运行就卡在这次调用里。`,
  noneReturned: "运行停止前，没有任何回调函数调用返回。",
  notRunTitle: "代码没有运行",
  notRun: "没有解码任何内容，之前运行的结果已清除。修改代码后再运行。",
  notAudioTitle: "不是 FFmpeg 能读取的音频文件",
  missingTitle: "本练习册的 FFmpeg 没有内置这一组件",
  notAudioStatus: (name) => `“${name}”不是这个 FFmpeg 能读取的音频；你的回调函数没有做错。`,
  notAudio: (name, error) =>
    `“${name}”不是这个 FFmpeg 能读取的音频（FFmpeg 的原话：${error}）。你的回调函数没有做错：换成正确的 read_packet，FFmpeg 同样会拒绝这个文件。请选择音频文件（MP3、AAC、FLAC、WAV、Ogg、Opus，或带音轨的视频文件）。`,
  videoIgnored: "视频流被忽略，只解码文件中的音频。",
  linkLoaded: "编辑器中的代码来自你打开的链接。点“撤销”可以找回你之前的代码。",
  linkDismiss: "关闭",
  linkBanner: "这个链接带有本练习场的代码。",
  linkLoad: "打开链接中的代码",
  linkKeep: "保留我保存的代码",
  engineError: (message) => `引擎无法启动：${message}`,
  engineDownload: (status) => `FFmpeg 引擎下载失败（${status}）。请检查网络后再点“运行”。`,
  runnerStart: (message) => `运行代码的 Web Worker 没有启动（${message}）。`,
  engineNoSimd:
    "这个浏览器无法运行引擎：引擎用到了 WebAssembly SIMD，需要 Chrome 或 Edge 91+、Firefox 89+ 或 Safari 16.4+。课程内容照常可读；要运行代码，请换用较新的浏览器。",
  saved: "已保存在本浏览器中。",
  check: "检查",
  checking: "正在运行测试…",
  download: "下载我的答案",
  testsTitle: "测试结果",
  checkPassed: (n) => `全部 ${n} 项测试通过，练习完成！`,
  checkFailed: (passed, total) => `${total} 项测试中通过了 ${passed} 项。下面展开了第一个失败。`,
  checkError: (message) => `测试无法运行：${message}`,
  pass: "通过",
  fail: "失败",
  error: "错误",
  hidden: "（隐藏测试）",
  callsAround: "失败前后的调用",
  nextExercise: (title) => `下一个练习：${title}`,
  allExercises: "所有练习都已完成：返回练习列表",
};

export const playgroundStrings: Record<Locale, PlaygroundStrings> = { en, "zh-cn": zhCn };
