// The playground's own controls, in English: the reference shape (zh-cn/playground.ts must match it).
// The result views have theirs in views.ts.
import { plural } from "../plural.ts";

export const playground = {
  region: (title: string) => `Playground: ${title}`,
  /** Between two sentences joined into one text: a space in English, nothing after "。". */
  sentenceGap: " ",
  /** Ends a sentence that lacks its full stop (FFmpeg's texts) before another is added. */
  sentenceEnd: ".",
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
  movflags: "movflags",
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
  solutionYes: "Use the solution",
  solutionNo: "Keep my code",
  copyLink: "Copy link",
  linkCopied: "Link copied: it carries your code.",
  linkFailed: "Could not copy; the link is in the address bar.",
  sandbox:
    "Your code runs in a Web Worker with no access to this page, its storage, cookies or the network. Files you choose are decoded locally and never uploaded.",
  loadingEngine: (loaded: string, total: string) => `Downloading the FFmpeg engine… ${loaded} of ${total}`,
  compiling: "Starting FFmpeg…",
  done: (ms: string) => `Done in ${ms}.`,
  failed: (stage: string, message: string) => `FFmpeg stopped at ${stage}: ${message}`,
  /** FFmpeg's own error text (av_err2str) as the status shows it; `name` is its AVERROR name. */
  ffmpegMessage: (message: string, _name: string) => message,
  /** A run that finished but broke a rule: the first broken rule, as the diagnostics word it. */
  doneBroken: (ms: string, count: number, first: string) =>
    `Ran in ${ms}, but ${plural("en", count, { one: "a rule was", other: `${count} rules were` })} broken: ${first}`,
  /** FFmpeg stopped after the code broke a rule: the rule first (what the engine gave FFmpeg), then where. */
  failedAfter: (first: string, stage: string, message: string) =>
    `${first} FFmpeg then stopped at ${stage}, reporting “${message}”.`,
  expectedError: (stage: string, message: string) =>
    `FFmpeg stopped at ${stage} with “${message}”: the expected, correct outcome here. Your error code reached the caller.`,
  compileError: (message: string) => `Your code does not compile: ${message}`,
  missingExport: (message: string) => message,
  threw: (message: string) => `Your code threw: ${message}`,
  /** After a Run's status: the editor found type errors (the code still ran). */
  typeErrors: (n: number) =>
    `${n} ${plural("en", n, { one: "type error", other: "type errors" })} — see the marked lines`,
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
  coverIgnored: "The cover art (a picture attached to the file) is ignored: only the audio is decoded.",
  videoIgnored: "The video stream is ignored: only the file's audio is decoded.",
  linkLoaded: "The code in the editor came from the link you opened. Undo brings back the code you had.",
  linkDismiss: "Dismiss",
  linkBanner: "This link carries code for this playground.",
  linkLoad: "Open the code from the link",
  linkKeep: "Keep my saved code",
  linkTooLarge: (kib: string) =>
    `This link carries more than ${kib} KiB of code, more than a playground takes, so it was not opened. Your code is unchanged.`,
  linkDamaged: "This link is damaged (cut short or mistyped?), so it was not opened. Your code is unchanged.",
  notSaved: (kib: string) =>
    `Not saved: the code is over ${kib} KiB, more than a playground keeps. The last smaller version stays saved.`,
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
  /** When the exercise's tests carry points (tests.ts `points`): beside the tests, the points. */
  checkPassedPoints: (n: number, max: number) =>
    `All ${n} tests pass (${max} of ${max} ${plural("en", max, { one: "point", other: "points" })}). Exercise complete!`,
  checkFailedPoints: (passed: number, total: number, points: number, max: number) =>
    `${passed} of ${total} tests pass (${points} of ${max} ${plural("en", max, { one: "point", other: "points" })}). The first failure is open below.`,
  /** The grader's verdict on the starter as it was (`reason`: exercises.ts `unchanged`). */
  checkUnchanged: (reason: string) =>
    `Unchanged: ${reason}. You have not changed anything yet: edit the code, then Check again. No hint was used.`,
  checkError: (message: string) => `The tests could not run: ${message}`,
  checkTimeout: (test: string, seconds: string, passed: number) =>
    `Stopped: the test “${test}” did not finish within ${seconds} s (endless loop?). ${plural("en", passed, { one: "1 test", other: `${passed} tests` })} passed before it. No hint was used.`,
  checkTimeoutLoading: (seconds: string) =>
    `Stopped: loading your code did not finish within ${seconds} s (an endless loop at the top level?). No hint was used.`,
  pass: "pass",
  fail: "fail",
  error: "error",
  /** After a test name: brackets (and the space before them) as the language writes them. */
  hidden: " (hidden test)",
  /** Beside a test's name when the exercise's tests carry points. */
  testPoints: (n: number) => ` · ${n} ${plural("en", n, { one: "point", other: "points" })}`,
  callsAround: "Calls around the failure",
  nextExercise: (title: string) => `Next exercise: ${title}`,
  allExercises: "All exercises done: back to the list",
  exerciseList: "Back to the exercise list",
  /** Each sample medium (media.ts), by file name: what it is good for showing, in a few words. */
  samples: {
    "mp3-cbr-44k-stereo.mp3": "MP3, CBR 128 kb/s, 44.1 kHz stereo",
    "mp3-vbr-id3-48k-mono.mp3": "MP3, VBR with ID3v2 tag, 48 kHz mono",
    "aac-adts-44k-stereo.aac": "AAC in ADTS (streamable), 44.1 kHz stereo",
    "m4a-moov-end-48k-stereo.m4a": "M4A, moov atom at the end (needs seek)",
    "m4a-faststart-44k-mono.m4a": "M4A, +faststart (moov first)",
    "flac-44k-stereo.flac": "FLAC, 44.1 kHz stereo",
    "ogg-vorbis-44k-stereo.ogg": "Ogg Vorbis, 44.1 kHz stereo",
    "opus-48k-stereo.opus": "Ogg Opus, 48 kHz stereo",
    "wav-s16-44k-stereo.wav": "WAV, 16-bit PCM, 44.1 kHz stereo",
    "wav-s16-22k-mono.wav": "WAV, 16-bit PCM, 22.05 kHz mono",
    "truncated-m4a-faststart.m4a": "M4A cut off at 40% (broken)",
    "garbage.bin": "Random bytes (not media)",
  },
};

export type PlaygroundStrings = typeof playground;
