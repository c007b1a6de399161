import type { UiStrings } from './en.ts';

/** Simplified Chinese UI strings. FFmpeg identifiers stay in English. */
export const zhCn: UiStrings = {
  'site.title': 'AVIO 练习册',
  'site.tagline': '通过阅读和运行真实代码，学习 FFmpeg 的自定义 I/O：avio_alloc_context()。',
  'site.description':
    'FFmpeg 自定义 I/O 接口 avio_alloc_context() 的练习册：C 与 TypeScript 对照的简短课程，以及运行在 WebAssembly 中的真实 FFmpeg。',

  'skip.toContent': '跳到正文',
  'nav.label': '主导航',
  'nav.lessons': '课程',
  'nav.exercises': '练习',
  'nav.progress': '进度',

  'search.open': '搜索',
  'search.dialogLabel': '搜索练习册',
  'search.close': '关闭搜索',
  'search.loading': '正在加载搜索……',
  'search.unavailable': '搜索只在构建后的站点中可用。请先运行“npm run build”，再运行“npm run preview”。',

  'theme.dark': '深色主题',

  'language.label': '语言',

  'sidebar.label': '课程目录',
  'sidebar.toggle': '课程目录',

  'progress.read': '已读',
  'progress.unread': '未读',
  'progress.summary': '已读 {read} / {total} 课',
  'progress.note': '读到课程末尾即记为已读。进度只保存在当前浏览器中。',

  'toc.title': '本页内容',
  'toc.top': '回到页首',

  'lesson.number': '第 {n} 课',
  'lesson.covers': '涉及的参数',
  'lesson.pagination': '上一课与下一课',
  'lesson.previous': '上一课',
  'lesson.next': '下一课',
  'lesson.finished': '目前的课程已全部读完，接下来是练习。',

  'home.start': '开始学习',
  'home.learnTitle': '你将学到',
  'home.learn': [
    'FFmpeg 为什么通过 AVIOContext 读取数据，以及什么时候应该用你自己的回调函数来提供数据。',
    'avio_alloc_context() 七个参数各自的作用，以及缓冲区归谁所有。',
    'read_packet、write_packet 和 seek 应该如何表现：字节数、AVERROR_EOF、AVSEEK_SIZE。',
    '同一个步骤分别用 C 和用 TypeScript（调用编译为 WebAssembly 的 FFmpeg）写出来是什么样子。',
  ],
  'home.needTitle': '开始之前',
  'home.need': '你需要能读懂 C（指针、结构体、函数指针）和 TypeScript。课程内容基于 FFmpeg 5.1。',
  'home.lessonsTitle': '课程',
  'home.exercisesTitle': '练习',
  'home.exercisesText': '六个评分练习，在浏览器中用真实的 FFmpeg 运行你的回调函数。',

  'exercises.title': '练习',
  'exercises.intro':
    '每个练习都提供初始代码、一个编译为 WebAssembly 的真实 FFmpeg 5.1，以及评分测试：点击“检查”运行测试。全部通过即标记为完成；老师可以用 npm run grade 批量评阅一个文件夹里的提交。',
  'exercises.comingSoon': '即将推出',
  'exercises.plannedTitle': '计划中的练习',
  'exercises.planned': [
    '用 read_packet 从内存中读取文件',
    '用 AVERROR_EOF 正确结束数据流',
    '让数据流支持 seek，包括 AVSEEK_SIZE',
    '用 write_packet 收集封装器的输出',
  ],
  'exercises.back': '全部练习',
  'exercises.number': '练习 {n}',
  'exercises.done': '已完成',
  'exercises.notDone': '尚未完成',
  'exercises.exports': '你的模块需要导出',
  'exercises.lesson': '讲解它的课程：',
  'progress.title': '学习进度',
  'progress.intro': '进度和你的代码只保存在本浏览器中。导出为文件即可换一台电脑继续或提交作业；导入时会合并，并把你当前的代码保留为可撤销的上一步。',
  'progress.lessons': '已读课程',
  'progress.exercises': '已完成练习',
  'progress.export': '导出进度',
  'progress.import': '导入进度…',
  'progress.imported': '已导入 {lessons} 节课程、{exercises} 个练习和 {code} 份保存的代码。',
  'progress.importFailed': '无法导入：{error}',

  'notFound.title': '页面不存在',
  'notFound.text': '这个地址没有页面。它可能已经移动，或者这一课还没有写好。',
  'notFound.home': '返回课程首页',

  'code.copy': '复制代码',
  'code.copied': '已复制',
  'code.copyFailed': '复制失败',
  'codeCompare.label': '同一步骤的 C 与 TypeScript 写法',
  'codeCompare.c': 'C',
  'codeCompare.ts': 'TypeScript',

  'selfCheck.title': '自测',
  'selfCheck.question': '第 {n} 题，共 {total} 题',
  'selfCheck.correct': '正确。',
  'selfCheck.incorrect': '不太对。',

  'footer.text': '课程内容基于 FFmpeg 5.1。示例代码可以阅读、复制和修改。',
};
