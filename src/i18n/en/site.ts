/**
 * The site's own words in English (pages, navigation, search): the reference for every other locale
 * (zh-cn/site.ts, typed SiteStrings). Flat keys; `{name}` marks a value filled in by `format()`.
 */
export const site = {
  "site.title": "AVIO Workbook",
  "site.tagline": "Learn FFmpeg’s custom I/O, avio_alloc_context(), by reading and running real code.",
  "site.description":
    "A workbook for FFmpeg’s custom I/O API avio_alloc_context(): short lessons with C and TypeScript side by side, and playgrounds running a real FFmpeg in WebAssembly.",

  "skip.toContent": "Skip to content",
  "nav.label": "Main",
  "nav.lessons": "Lessons",
  "nav.exercises": "Exercises",
  "nav.progress": "Progress",

  "search.open": "Search",
  "search.dialogLabel": "Search the workbook",
  "search.close": "Close search",
  "search.loading": "Loading search…",
  "search.unavailable": "Search works on the built site only. Run “npm run build”, then “npm run preview”.",

  "theme.dark": "Dark theme",

  "language.label": "Language",

  "sidebar.label": "Course",
  "sidebar.toggle": "Course menu",

  "progress.read": "Read",
  "progress.unread": "Not read yet",
  "progress.summary": "{read} of {total} lessons read",
  "progress.note": "A lesson counts as read once you reach its end. Progress stays in this browser.",

  "toc.title": "On this page",
  "toc.top": "Top of the page",

  "lesson.number": "Lesson {n}",
  "lesson.covers": "Parameters covered",
  "lesson.pagination": "Previous and next lesson",
  "lesson.previous": "Previous",
  "lesson.next": "Next",
  "lesson.finished": "You reached the end of the course so far. Exercises come next.",

  "home.start": "Start the course",
  "home.learnTitle": "What you will learn",
  "home.learn": [
    "Why FFmpeg reads through an AVIOContext, and when your own callbacks should feed it.",
    "What each of the seven parameters of avio_alloc_context() does, and who owns the buffer.",
    "How read_packet, write_packet and seek must behave: byte counts, AVERROR_EOF, AVSEEK_SIZE.",
    "How the same steps look in C and in TypeScript calling FFmpeg compiled to WebAssembly.",
  ],
  "home.needTitle": "Before you start",
  "home.need":
    "You should be able to read C (pointers, structs, function pointers) and TypeScript. The lessons describe FFmpeg 5.1.",
  "home.lessonsTitle": "Lessons",
  "home.exercisesTitle": "Exercises",
  "home.exercisesText": "Eight graded exercises run your callbacks against a live FFmpeg in your browser.",

  "exercises.title": "Exercises",
  "exercises.intro":
    "Each exercise gives you starter code, a real FFmpeg 5.1 compiled to WebAssembly, and graded tests: press Check to run them. Passing marks the exercise done; teachers can grade a folder of submissions with npm run grade.",
  "exercises.comingSoon": "Coming soon",
  "exercises.plannedTitle": "Planned exercises",
  "exercises.planned": [
    "Read a file from memory with read_packet",
    "End the stream correctly with AVERROR_EOF",
    "Make a stream seekable, including AVSEEK_SIZE",
    "Collect muxer output with write_packet",
  ],
  "exercises.back": "All exercises",
  "exercises.number": "Exercise {n}",
  "exercises.done": "Done",
  "exercises.idLabel": "id",
  "exercises.notDone": "Not done yet",
  "exercises.about": "Your module exports {exports}. The lesson that teaches it: {lesson}.",
  "exercises.listSeparator": ", ",
  "exercises.hintsTitle": "Hints",
  "exercises.hintsWaiting":
    "After each Check that does not pass, a hint appears here, one at a time. The solution is offered after the last hint.",
  "exercises.hintLabel": "Hint {n} of {total}",
  "exercises.hintRead": "Read: {section}",
  "exercises.handinTitle": "Hand in",
  "exercises.handinHow":
    "To hand in this exercise, type your name or student id as your teacher asks, download the file and hand it in (upload it or send it, as your teacher says). The file holds your code and the result of your last Check here; your teacher's grader runs the tests again on your code, so only the code counts.",
  "exercises.handinName": "Your name or student id",
  "exercises.handinDownload": "Download for hand-in",
  "exercises.handinEmpty": "Type your name or student id first.",
  "exercises.handinLong": "At most 100 characters, please.",
  "exercises.handinChars": "The name holds characters that cannot be shown (control or direction marks).",
  "exercises.handinSaved": "Downloaded {file}. Hand this file in.",
  "progress.title": "Your progress",
  "progress.intro":
    "Progress and your code stay in this browser. Export them to a file to switch machines or hand in your work; importing merges and keeps your current code one Undo step back.",
  "progress.lessons": "Lessons read",
  "progress.exercises": "Exercises done",
  "progress.export": "Export progress",
  "progress.import": "Import progress…",
  // {lessons}, {exercises} and {code} are filled with the count forms below, chosen by Intl.PluralRules.
  "progress.imported": "Imported {lessons}, {exercises} and {code}.",
  "progress.lessonsCount.one": "{n} lesson",
  "progress.lessonsCount.other": "{n} lessons",
  "progress.exercisesCount.one": "{n} exercise",
  "progress.exercisesCount.other": "{n} exercises",
  "progress.codeCount.one": "{n} saved code file",
  "progress.codeCount.other": "{n} saved code files",
  "progress.importFailed": "Could not import: {error}",

  "notFound.title": "Page not found",
  "notFound.text": "There is no page at this address. It may have moved, or the lesson is not written yet.",
  "notFound.home": "Go to the course home",

  "code.copy": "Copy code",
  "code.copied": "Copied",
  "code.copyFailed": "Could not copy",
  "codeCompare.label": "The same step in C and TypeScript",
  "codeCompare.c": "C",
  "codeCompare.ts": "TypeScript",

  "selfCheck.title": "Check yourself",
  "selfCheck.question": "Question {n} of {total}",
  "selfCheck.correct": "Correct.",
  "selfCheck.incorrect": "Not quite.",

  "footer.performance": "Performance",
  "footer.teach": "Teaching with the workbook",
  "footer.links": "More about the workbook",
  "teach.title": "Teaching with the workbook",
  "teach.description":
    "Grade a class from the command line or in CI, split big courses over runners, see what the grader isolates, and add an exercise of your own.",
  "teach.idsLabel": "Exercise ids",
  "teach.idColumn": "Exercise id",
  "teach.exerciseColumn": "Exercise",

  "perf.title": "Performance",
  "perf.description":
    "Decode speed of the workbook’s FFmpeg in WebAssembly next to native FFmpeg and ffmpeg.wasm, cold start, download size and page budget, measured in one run on one machine.",
  "perf.intro":
    "How fast the workbook’s engine (FFmpeg {ffmpeg} compiled to WebAssembly, fed by TypeScript callbacks) decodes audio to PCM, next to native FFmpeg and ffmpeg.wasm. Every number on this page comes from one run of npm run bench on one machine ({date}). Lower times are better.",
  "perf.quickRun":
    "These figures come from a quick run (fewer repetitions, files or measurements than a full run); treat them as rough.",
  "perf.noisy":
    "The machine was busy during the run (load average up to {load} on {cores} cores), so the times are noisier than usual.",
  "perf.targetsTitle": "Targets",
  "perf.targetsIntro": "What the project holds itself to, and whether the latest run meets it.",
  "perf.target": "Target",
  "perf.measured": "Measured",
  "perf.required": "Required",
  "perf.status": "Status",
  "perf.met": "Met",
  "perf.missed": "Missed",
  "perf.atMost": "at most {value}",
  "perf.atLeast": "at least {value}",
  "perf.worst": "{value} (worst: {codec})",
  "perf.target.engineOverNative": "Engine time ÷ native FFmpeg time, long files, every codec",
  "perf.target.ffmpegWasmOverEngine": "ffmpeg.wasm time ÷ engine time, long files, every codec",
  "perf.target.runOverNative": "The learner’s Run in the browser ÷ native FFmpeg, long files, every codec",
  "perf.target.runOverNode": "The learner’s Run in the browser ÷ the engine in Node, long files, every codec",
  "perf.target.firstRunOverLater": "First Run on a lesson page ÷ a later Run",
  "perf.target.engineDownload": "Engine download (gzip)",
  "perf.target.pageScript": "A lesson page’s JavaScript before the learner touches a playground (gzip)",
  "perf.target.grading": "Grading 100 submissions from the command line (2 cores)",
  "perf.notMeasured": "Not measured in this run",
  "perf.why.runOverNative":
    "A Run does more than decode: it compiles the learner’s code, records the trace, draws the waveform from every sample and hands the PCM to the page. Fastest runs on {codec}: the Run {run} ({worker} of it in the worker), the engine in Node {node}, native FFmpeg {native}.",
  "perf.why.runOverNode":
    "The same WebAssembly decodes {codec} in {node} in Node; the Run in the browser takes {run}, {worker} of it in the worker (compile, decode, trace, waveform, PCM) and the rest in messages between page and worker.",
  "perf.why.firstRunOverLater":
    "The first Run on the page still waits for the engine: {first}, against {later} for later Runs (median).",
  "perf.why.engineDownload":
    "The engine’s .wasm and loader are {size} after gzip, with every audio decoder the lessons use.",
  "perf.why.pageScript":
    "Scrolled past every playground without touching one, the lesson page loads {files} JavaScript files, {size} after gzip; the editor loads on the first focus, click or key.",
  "perf.why.grading": "{submissions} submissions took {seconds} on {jobs} jobs.",
  "perf.runOverNative": "Run ÷ native",
  "perf.runOverNode": "Run ÷ Node",
  "perf.why.engineOverNative":
    "Native FFmpeg decodes with hand-written x86 SIMD, which a WebAssembly build cannot use. Against native FFmpeg with SIMD turned off (-cpuflags 0) the engine takes at most {ratio} as long.",
  "perf.why.ffmpegWasmOverEngine":
    "Both are FFmpeg compiled to WebAssembly; the difference lies around the decoder. Medians on {codec}: ffmpeg.wasm’s exec takes {execNull} with no output and {exec} writing the PCM into its in-memory file system, and readFile copies it out in {read}. The engine decodes the file in {node} in Node, but a playground Run in the browser takes {engine}: it also draws the waveform from every sample and copies the PCM back to the page, which keeps its lead under 2×.",
  "perf.chartTitle": "Decode time of {seconds} s files, fastest of {reps} runs",
  "perf.chartDesc":
    "Horizontal bars per codec for native FFmpeg, the engine in Node, the engine in the browser and ffmpeg.wasm in the browser. The table below lists the same numbers.",
  "perf.legend": "Decoders",
  "perf.series.nativeRtimeMs": "Native FFmpeg",
  "perf.series.engineNodeMs": "Engine in Node",
  "perf.series.engineChromiumMs": "Engine in the browser (playground Run)",
  "perf.series.ffmpegWasmMs": "ffmpeg.wasm in the browser",
  "perf.ms": "{value} ms",
  "perf.longTitle": "Decode time, long files ({seconds} s)",
  "perf.shortTitle": "Decode time, short files ({seconds} s)",
  "perf.timesCaption":
    "Milliseconds, fastest of {reps} runs, median in brackets. Ratios compare the fastest runs.",
  "perf.shortNote":
    "On short files the native process’s wall time is mostly process start; its own decode time is the fair comparison.",
  "perf.codec": "Codec",
  "perf.nativeRtime": "Native, decode",
  "perf.nativeWall": "Native, whole process",
  "perf.nativeNoSimd": "Native without SIMD",
  "perf.engineNode": "Engine, Node",
  "perf.engineChromium": "Engine, browser",
  "perf.ffmpegWasm": "ffmpeg.wasm, browser",
  "perf.engineOverNative": "Engine ÷ native",
  "perf.ffmpegWasmOverEngine": "ffmpeg.wasm ÷ engine",
  "perf.stepsTitle": "Where ffmpeg.wasm’s time goes",
  "perf.stepsCaption": "ffmpeg.wasm’s three calls on the long files, median milliseconds.",
  "perf.coldTitle": "Cold start",
  "perf.coldIntro":
    "A fresh browser opens a page that loads one decoder and decodes a 10 s clip ({clip}): the time from navigation to the decoded PCM on the page. The server is local, so downloading costs almost nothing here.",
  "perf.decoder": "Decoder",
  "perf.engine": "Engine",
  "perf.ffmpegWasmName": "ffmpeg.wasm",
  "perf.ready": "Ready, from navigation",
  "perf.load": "Loading the decoder",
  "perf.firstResult": "First result, from navigation",
  "perf.firstDecode": "First decode",
  "perf.coldCaption":
    "Loading: from the page’s script start to the decoder being ready (download, compile, worker start). Before its script runs, a page in a fresh browser takes {ms} ms (median).",
  "perf.minMedian": "{min} ms (median {median} ms)",
  "perf.downloadTitle": "Download size",
  "perf.downloadCaption": "The files each decoder needs; gzip is what a compressing server sends.",
  "perf.raw": "Raw",
  "perf.gzip": "Gzip",
  "perf.budgetTitle": "Page budget of a lesson",
  "perf.budgetIntro":
    "JavaScript and WebAssembly that a lesson page ({page}) downloads on the built site, and how long a Run takes to draw the waveform of a 10 s clip.",
  "perf.budgetCaption": "JavaScript and WebAssembly downloaded by the lesson page.",
  "perf.stage": "When",
  "perf.files": "Files",
  "perf.beforeRun": "Page open, before the first Run",
  "perf.afterRun": "After the first Run",
  "perf.runToWaveform": "From pressing Run to the painted waveform",
  "perf.firstRun": "First Run (downloads and starts the engine): {ms} ms",
  "perf.laterRun": "Later Runs: {ms} ms (median)",
  "perf.methodTitle": "Method",
  "perf.machine": "Machine",
  "perf.machineValue": "{cpu}, {cores} cores, {memory} GiB, {os}",
  "perf.versions": "Versions",
  "perf.versionsValue":
    "engine: FFmpeg {ffmpeg} built with emcc {emcc}; native: {native}; ffmpeg.wasm: @ffmpeg/ffmpeg {ffmpegWasm}, @ffmpeg/core {core}; {chromium}; Node {node}",
  "perf.repetitions": "Repetitions",
  "perf.repetitionsValue":
    "{reps} interleaved rounds after one warm-up run (each round runs every decoder once per file, in a rotated order); {cold} cold starts per decoder.",
  "perf.measurements": "Measurements",
  "perf.method.native":
    "Native: Debian’s ffmpeg with one thread, decoding to 16-bit PCM into /dev/null. “Decode” is its own -benchmark time; “whole process” includes starting the process.",
  "perf.method.engineNode":
    "Engine in Node: the TypeScript API decoding bytes in memory through the memory read_packet and seek, 32 KiB buffer.",
  "perf.method.engineChromium":
    "Engine in the browser: a playground Run — its worker, with the read_packet and seek of the lesson on memory I/O — timed on the page from the file’s bytes to all of its PCM back on the page. The PCM lands in shared memory the worker reuses from Run to Run, as on the site; ffmpeg.wasm’s readFile makes a fresh copy.",
  "perf.method.ffmpegWasm":
    "ffmpeg.wasm: the single-thread core in the same page, loaded from local files: writeFile, exec to 32-bit float PCM, readFile.",
  "perf.mediaTitle": "Files",
  "perf.mediaCaption":
    "Made by scripts/make-fixtures.sh (two tones, a sweep and a little noise), one file per codec.",
  "perf.fileName": "File",
  "perf.size": "Size ({seconds} s)",
  "perf.reproduce":
    "To measure again, run npm run bench; it rewrites bench/results.json, from which this page is built.",

  "footer.text": "Lessons describe FFmpeg 5.1. Code samples are meant to be read, copied and changed.",
} as const;

type Widen<T> = T extends string ? string : T extends readonly string[] ? readonly string[] : never;

/** The shape every locale's site section must have: the keys of `site`, with the same kind of value. */
export type SiteStrings = { readonly [K in keyof typeof site]: Widen<(typeof site)[K]> };
