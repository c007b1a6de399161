import type { SiteStrings } from "../en/site.ts";

/** The site's own words in Simplified Chinese. FFmpeg identifiers stay in English. */
export const site: SiteStrings = {
  "site.title": "AVIO 练习册",
  "site.tagline": "通过阅读和运行真实代码，学习 FFmpeg 的自定义 I/O：avio_alloc_context()。",
  "site.description":
    "FFmpeg 自定义 I/O 接口 avio_alloc_context() 的练习册：C 与 TypeScript 对照的简短课程，以及运行在 WebAssembly 中的真实 FFmpeg。",

  "skip.toContent": "跳到正文",
  "nav.label": "主导航",
  "nav.lessons": "课程",
  "nav.exercises": "练习",
  "nav.progress": "进度",

  "search.open": "搜索",
  "search.dialogLabel": "搜索练习册",
  "search.close": "关闭搜索",
  "search.loading": "正在加载搜索……",
  "search.unavailable": "搜索只在构建后的站点中可用。请先运行“npm run build”，再运行“npm run preview”。",

  "theme.dark": "深色主题",

  "language.label": "语言",

  "sidebar.label": "课程目录",
  "sidebar.toggle": "课程目录",

  "progress.read": "已读",
  "progress.unread": "未读",
  "progress.summary": "已读 {read} / {total} 课",
  "progress.note": "读到课程末尾即记为已读。进度只保存在当前浏览器中。",

  "toc.title": "本页内容",
  "toc.top": "回到页首",

  "lesson.number": "第 {n} 课",
  "lesson.covers": "涉及的参数",
  "lesson.pagination": "上一课与下一课",
  "lesson.previous": "上一课",
  "lesson.next": "下一课",
  "lesson.finished": "目前的课程已全部读完，接下来是练习。",

  "home.start": "开始学习",
  "home.learnTitle": "你将学到",
  "home.learn": [
    "FFmpeg 为什么通过 AVIOContext 读取数据，以及什么时候应该用你自己的回调函数来提供数据。",
    "avio_alloc_context() 七个参数各自的作用，以及缓冲区归谁所有。",
    "read_packet、write_packet 和 seek 应该如何表现：字节数、AVERROR_EOF、AVSEEK_SIZE。",
    "同一个步骤分别用 C 和用 TypeScript（调用编译为 WebAssembly 的 FFmpeg）写出来是什么样子。",
  ],
  "home.needTitle": "开始之前",
  "home.need": "你需要能读懂 C（指针、结构体、函数指针）和 TypeScript。课程内容基于 FFmpeg 5.1。",
  "home.lessonsTitle": "课程",
  "home.exercisesTitle": "练习",
  "home.exercisesText": "八个评分练习，在浏览器中用真实的 FFmpeg 运行你的回调函数。",

  "exercises.title": "练习",
  "exercises.intro":
    "每个练习都提供初始代码、一个编译为 WebAssembly 的真实 FFmpeg 5.1，以及评分测试：点击“检查”运行测试。全部通过即标记为完成；老师可以用 npm run grade 批量评阅一个文件夹里的提交。",
  "exercises.comingSoon": "即将推出",
  "exercises.plannedTitle": "计划中的练习",
  "exercises.planned": [
    "用 read_packet 从内存中读取文件",
    "用 AVERROR_EOF 正确结束数据流",
    "让数据流支持 seek，包括 AVSEEK_SIZE",
    "用 write_packet 收集封装器的输出",
  ],
  "exercises.back": "全部练习",
  "exercises.number": "练习 {n}",
  "exercises.done": "已完成",
  "exercises.notDone": "尚未完成",
  "exercises.about": "你的模块需要导出 {exports}。讲解它的课程：{lesson}。",
  "exercises.listSeparator": "、",
  "exercises.hintsTitle": "提示",
  "exercises.hintsWaiting":
    "每次“检查”没有通过，这里就会出现一条提示，一次一条。最后一条提示之后，才会提供答案。",
  "exercises.hintLabel": "提示 {n}/{total}",
  "exercises.hintRead": "阅读：{section}",
  "progress.title": "学习进度",
  "progress.intro":
    "进度和你的代码只保存在本浏览器中。导出为文件即可换一台电脑继续或提交作业；导入时会合并，并把你当前的代码保留为可撤销的上一步。",
  "progress.lessons": "已读课程",
  "progress.exercises": "已完成练习",
  "progress.export": "导出进度",
  "progress.import": "导入进度…",
  "progress.imported": "已导入 {lessons}、{exercises}和 {code}。",
  // 中文没有单复数之分：Intl.PluralRules('zh-CN') 总是选 other。
  "progress.lessonsCount.one": "{n} 节课程",
  "progress.lessonsCount.other": "{n} 节课程",
  "progress.exercisesCount.one": "{n} 个练习",
  "progress.exercisesCount.other": "{n} 个练习",
  "progress.codeCount.one": "{n} 份保存的代码",
  "progress.codeCount.other": "{n} 份保存的代码",
  "progress.importFailed": "无法导入：{error}",

  "notFound.title": "页面不存在",
  "notFound.text": "这个地址没有页面。它可能已经移动，或者这一课还没有写好。",
  "notFound.home": "返回课程首页",

  "code.copy": "复制代码",
  "code.copied": "已复制",
  "code.copyFailed": "复制失败",
  "codeCompare.label": "同一步骤的 C 与 TypeScript 写法",
  "codeCompare.c": "C",
  "codeCompare.ts": "TypeScript",

  "selfCheck.title": "自测",
  "selfCheck.question": "第 {n} 题，共 {total} 题",
  "selfCheck.correct": "正确。",
  "selfCheck.incorrect": "不太对。",

  "footer.performance": "性能",
  "footer.teach": "用本书教学",
  "footer.links": "关于本书的更多页面",
  "teach.title": "用本书教学",
  "teach.description":
    "在命令行或 CI 中批改一个班级，把大课程分到多台运行器上，了解批改程序隔离了什么，并添加你自己的练习。",
  "teach.idsLabel": "练习 id",
  "teach.idColumn": "练习 id",
  "teach.exerciseColumn": "练习",

  "perf.title": "性能",
  "perf.description":
    "本练习册的 WebAssembly 版 FFmpeg 与原生 FFmpeg、ffmpeg.wasm 的解码速度对比，以及冷启动、下载体积和页面预算，均在同一台机器上一次运行测得。",
  "perf.intro":
    "本练习册的引擎（编译为 WebAssembly、由 TypeScript 回调供数据的 FFmpeg {ffmpeg}）把音频解码为 PCM 有多快，与原生 FFmpeg 和 ffmpeg.wasm 对比。本页所有数字都来自同一台机器上的一次 npm run bench 运行（{date}）。时间越短越好。",
  "perf.quickRun": "这些数字来自快速运行（重复次数、文件或测量项都比完整运行少），只能作粗略参考。",
  "perf.noisy": "运行期间机器负载较高（在 {cores} 个核心上平均负载最高 {load}），因此时间的波动比平时大。",
  "perf.targetsTitle": "目标",
  "perf.targetsIntro": "项目给自己定的目标，以及最近一次运行是否达到。",
  "perf.target": "目标",
  "perf.measured": "实测",
  "perf.required": "要求",
  "perf.status": "结果",
  "perf.met": "达到",
  "perf.missed": "未达到",
  "perf.atMost": "不超过 {value}",
  "perf.atLeast": "不低于 {value}",
  "perf.worst": "{value}（最差：{codec}）",
  "perf.target.engineOverNative": "引擎用时 ÷ 原生 FFmpeg 用时，长文件，每种编解码器",
  "perf.target.ffmpegWasmOverEngine": "ffmpeg.wasm 用时 ÷ 引擎用时，长文件，每种编解码器",
  "perf.target.coldStart": "冷启动：ffmpeg.wasm ÷ 引擎",
  "perf.target.download": "下载体积（gzip）：ffmpeg.wasm ÷ 引擎",
  "perf.target.runOverNative": "学习者在浏览器中的运行 ÷ 原生 FFmpeg，长文件，每种编解码器",
  "perf.target.runOverNode": "学习者在浏览器中的运行 ÷ Node 中的引擎，长文件，每种编解码器",
  "perf.target.firstRunOverLater": "课程页上的第一次运行 ÷ 之后的运行",
  "perf.target.engineDownload": "引擎下载体积（gzip）",
  "perf.target.pageScript": "学习者操作练习场之前，课程页的 JavaScript（gzip）",
  "perf.target.grading": "用命令行评分 100 份提交（2 个核心）",
  "perf.notMeasured": "本次运行未测量",
  "perf.why.runOverNative":
    "一次运行不只是解码：它还要编译学习者的代码、记录调用轨迹、用每个采样绘制波形，并把 PCM 交给页面。{codec} 上最快的一次：运行 {run}（其中 worker 内 {worker}），Node 中的引擎 {node}，原生 FFmpeg {native}。",
  "perf.why.runOverNode":
    "同一个 WebAssembly 在 Node 中解码 {codec} 用时 {node}；浏览器中的运行用时 {run}，其中 {worker} 在 worker 内（编译、解码、调用轨迹、波形、PCM），其余是页面与 worker 之间的消息。",
  "perf.why.firstRunOverLater": "页面上的第一次运行仍要等待引擎：{first}，之后的运行为 {later}（中位数）。",
  "perf.why.engineDownload": "引擎的 .wasm 和加载器 gzip 后为 {size}，包含课程用到的全部音频解码器。",
  "perf.why.pageScript":
    "滚动经过所有练习场但不操作时，课程页加载 {files} 个 JavaScript 文件，gzip 后 {size}；编辑器在第一次聚焦、点击或按键时才加载。",
  "perf.why.grading": "{submissions} 份提交在 {jobs} 个并行任务上用时 {seconds}。",
  "perf.runOverNative": "运行 ÷ 原生",
  "perf.runOverNode": "运行 ÷ Node",
  "perf.why.engineOverNative":
    "原生 FFmpeg 使用手写的 x86 SIMD 解码，而 WebAssembly 构建用不了这些代码。与关闭 SIMD 的原生 FFmpeg（-cpuflags 0）相比，引擎的用时最多为它的 {ratio}。",
  "perf.why.ffmpegWasmOverEngine":
    "两者都是编译成 WebAssembly 的 FFmpeg，差别在解码器之外。以 {codec} 的中位数为例：ffmpeg.wasm 的 exec 不输出时用 {execNull}，把 PCM 写进内存文件系统时用 {exec}，readFile 再把它复制出来用 {read}。引擎在 Node 中解码这个文件只用 {node}，但浏览器中的一次练习场运行要用 {engine}：它还要根据每个采样画出波形，并把 PCM 复制回页面，所以领先不到 2 倍。",
  "perf.why.coldStart":
    "两个页面在脚本开始运行之前（{script}）付出相同的代价，第一次解码也都很慢，因为浏览器仍在编译和优化解码器：解码这段片段，引擎第一次用 {engineFirst}，ffmpeg.wasm 用 {ffmpegWasmFirst}，而预热后分别只需 {engineWarm} 和 {ffmpegWasmWarm}（中位数）。这些共同的开销压低了比值。只算加载（下载、编译、启动 worker），引擎用 {engine}，ffmpeg.wasm 用 {ffmpegWasm}（{ratio}）。这里的服务器在本机；在真实网络上，还要再加上 ffmpeg.wasm {size} 的下载。",
  "perf.why.download":
    "ffmpeg.wasm 的核心包含 FFmpeg 的全部格式、编解码器和滤镜（gzip 后 {ffmpegWasm}）；引擎只包含课程用到的音频解封装器、解码器和封装器（{engine}）。它的体积仍高于 1/25 的目标。",
  "perf.chartTitle": "{seconds} 秒文件的解码时间，取 {reps} 次运行中最快的一次",
  "perf.chartDesc":
    "每种编解码器一组横条，依次为原生 FFmpeg、Node 中的引擎、浏览器中的引擎和浏览器中的 ffmpeg.wasm。下方表格列出相同的数字。",
  "perf.legend": "解码器",
  "perf.series.nativeRtimeMs": "原生 FFmpeg",
  "perf.series.engineNodeMs": "Node 中的引擎",
  "perf.series.engineChromiumMs": "浏览器中的引擎（练习场运行）",
  "perf.series.ffmpegWasmMs": "浏览器中的 ffmpeg.wasm",
  "perf.ms": "{value} 毫秒",
  "perf.longTitle": "解码时间：长文件（{seconds} 秒）",
  "perf.shortTitle": "解码时间：短文件（{seconds} 秒）",
  "perf.timesCaption": "单位为毫秒，取 {reps} 次运行中最快的一次，括号内为中位数。比值按最快的运行计算。",
  "perf.shortNote": "对于短文件，原生进程的总耗时主要花在启动进程上；应当比较它自身报告的解码时间。",
  "perf.codec": "编解码器",
  "perf.nativeRtime": "原生，解码",
  "perf.nativeWall": "原生，整个进程",
  "perf.nativeNoSimd": "原生，不用 SIMD",
  "perf.engineNode": "引擎，Node",
  "perf.engineChromium": "引擎，浏览器",
  "perf.ffmpegWasm": "ffmpeg.wasm，浏览器",
  "perf.engineOverNative": "引擎 ÷ 原生",
  "perf.ffmpegWasmOverEngine": "ffmpeg.wasm ÷ 引擎",
  "perf.stepsTitle": "ffmpeg.wasm 的时间花在哪里",
  "perf.stepsCaption": "ffmpeg.wasm 在长文件上的三次调用，毫秒，取中位数。",
  "perf.coldTitle": "冷启动",
  "perf.coldIntro":
    "一个全新的浏览器打开页面，加载一种解码器并解码一段 10 秒的片段（{clip}）：从开始导航到页面拿到解码后的 PCM 所用的时间。服务器在本机，因此这里的下载几乎不花时间。",
  "perf.decoder": "解码器",
  "perf.engine": "引擎",
  "perf.ffmpegWasmName": "ffmpeg.wasm",
  "perf.ready": "就绪（从导航开始）",
  "perf.load": "加载解码器",
  "perf.firstResult": "首个结果（从导航开始）",
  "perf.firstDecode": "第一次解码",
  "perf.coldCaption":
    "加载：从页面脚本开始运行到解码器就绪（下载、编译、启动 worker）。在全新的浏览器中，页面脚本开始运行之前需要 {ms} 毫秒（中位数）。",
  "perf.minMedian": "{min} 毫秒（中位数 {median} 毫秒）",
  "perf.downloadTitle": "下载体积",
  "perf.downloadCaption": "每种解码器需要的文件；gzip 一栏是启用压缩的服务器实际发送的大小。",
  "perf.raw": "原始",
  "perf.gzip": "gzip",
  "perf.budgetTitle": "课程页面的预算",
  "perf.budgetIntro":
    "在构建后的站点上，课程页面（{page}）下载的 JavaScript 与 WebAssembly，以及一次运行画出 10 秒片段波形所需的时间。",
  "perf.budgetCaption": "课程页面下载的 JavaScript 与 WebAssembly。",
  "perf.stage": "时机",
  "perf.files": "文件数",
  "perf.beforeRun": "页面打开后、第一次运行前",
  "perf.afterRun": "第一次运行后",
  "perf.runToWaveform": "从按下“运行”到波形画出",
  "perf.firstRun": "第一次运行（下载并启动引擎）：{ms} 毫秒",
  "perf.laterRun": "之后的运行：{ms} 毫秒（中位数）",
  "perf.methodTitle": "测量方法",
  "perf.machine": "机器",
  "perf.machineValue": "{cpu}，{cores} 核，{memory} GiB，{os}",
  "perf.versions": "版本",
  "perf.versionsValue":
    "引擎：FFmpeg {ffmpeg}，用 emcc {emcc} 构建；原生：{native}；ffmpeg.wasm：@ffmpeg/ffmpeg {ffmpegWasm}，@ffmpeg/core {core}；{chromium}；Node {node}",
  "perf.repetitions": "重复次数",
  "perf.repetitionsValue":
    "先各预热一次，再交错运行 {reps} 轮（每轮每种解码器对每个文件各运行一次，顺序逐轮轮换）；每种解码器冷启动 {cold} 次。",
  "perf.measurements": "测量项",
  "perf.method.native":
    "原生：Debian 的 ffmpeg，单线程，解码为 16 位 PCM 并写入 /dev/null。“解码”是它自己的 -benchmark 时间；“整个进程”包括启动进程。",
  "perf.method.engineNode":
    "Node 中的引擎：TypeScript API 通过内存版 read_packet 和 seek 解码内存中的字节，缓冲区 32 KiB。",
  "perf.method.engineChromium":
    "浏览器中的引擎：一次练习场运行——它的 worker，加上“内存 I/O”一课的 read_packet 和 seek——在页面上计时，从文件字节到全部 PCM 回到页面。PCM 写入 worker 在每次运行之间重复使用的共享内存（与网站上相同）；ffmpeg.wasm 的 readFile 则复制到一块新的缓冲区。",
  "perf.method.ffmpegWasm":
    "ffmpeg.wasm：单线程核心，在同一页面中从本地文件加载：writeFile、exec 解码为 32 位浮点 PCM、readFile。",
  "perf.mediaTitle": "文件",
  "perf.mediaCaption":
    "由 scripts/make-fixtures.sh 生成（两个音调、一段扫频和少量噪声），每种编解码器一个文件。",
  "perf.fileName": "文件",
  "perf.size": "大小（{seconds} 秒）",
  "perf.reproduce": "要重新测量，请运行 npm run bench；它会重写 bench/results.json，本页即由该文件生成。",

  "footer.text": "课程内容基于 FFmpeg 5.1。示例代码可以阅读、复制和修改。",
};
