/**
 * English UI strings: the reference dictionary. Every other locale must provide every key
 * (enforced by the `UiStrings` type). `{name}` marks a value filled in by `format()`.
 */
export const en = {
  'site.title': 'AVIO Workbook',
  'site.tagline': 'Learn FFmpeg’s custom I/O, avio_alloc_context(), by reading and running real code.',
  'site.description':
    'A workbook for FFmpeg’s custom I/O API avio_alloc_context(): short lessons with C and TypeScript side by side, and playgrounds running a real FFmpeg in WebAssembly.',

  'skip.toContent': 'Skip to content',
  'nav.label': 'Main',
  'nav.lessons': 'Lessons',
  'nav.exercises': 'Exercises',
  'nav.progress': 'Progress',

  'search.open': 'Search',
  'search.dialogLabel': 'Search the workbook',
  'search.close': 'Close search',
  'search.loading': 'Loading search…',
  'search.unavailable':
    'Search works on the built site only. Run “npm run build”, then “npm run preview”.',

  'theme.dark': 'Dark theme',

  'language.label': 'Language',

  'sidebar.label': 'Course',
  'sidebar.toggle': 'Course menu',

  'progress.read': 'Read',
  'progress.unread': 'Not read yet',
  'progress.summary': '{read} of {total} lessons read',
  'progress.note': 'A lesson counts as read once you reach its end. Progress stays in this browser.',

  'toc.title': 'On this page',
  'toc.top': 'Top of the page',

  'lesson.number': 'Lesson {n}',
  'lesson.covers': 'Parameters covered',
  'lesson.pagination': 'Previous and next lesson',
  'lesson.previous': 'Previous',
  'lesson.next': 'Next',
  'lesson.finished': 'You reached the end of the course so far. Exercises come next.',

  'home.start': 'Start the course',
  'home.learnTitle': 'What you will learn',
  'home.learn': [
    'Why FFmpeg reads through an AVIOContext, and when your own callbacks should feed it.',
    'What each of the seven parameters of avio_alloc_context() does, and who owns the buffer.',
    'How read_packet, write_packet and seek must behave: byte counts, AVERROR_EOF, AVSEEK_SIZE.',
    'How the same steps look in C and in TypeScript calling FFmpeg compiled to WebAssembly.',
  ],
  'home.needTitle': 'Before you start',
  'home.need':
    'You should be able to read C (pointers, structs, function pointers) and TypeScript. The lessons describe FFmpeg 5.1.',
  'home.lessonsTitle': 'Lessons',
  'home.exercisesTitle': 'Exercises',
  'home.exercisesText': 'Six graded exercises run your callbacks against a live FFmpeg in your browser.',

  'exercises.title': 'Exercises',
  'exercises.intro':
    'Each exercise gives you starter code, a real FFmpeg 5.1 compiled to WebAssembly, and graded tests: press Check to run them. Passing marks the exercise done; teachers can grade a folder of submissions with npm run grade.',
  'exercises.comingSoon': 'Coming soon',
  'exercises.plannedTitle': 'Planned exercises',
  'exercises.planned': [
    'Read a file from memory with read_packet',
    'End the stream correctly with AVERROR_EOF',
    'Make a stream seekable, including AVSEEK_SIZE',
    'Collect muxer output with write_packet',
  ],
  'exercises.back': 'All exercises',
  'exercises.number': 'Exercise {n}',
  'exercises.done': 'Done',
  'exercises.notDone': 'Not done yet',
  'exercises.exports': 'Your module exports',
  'exercises.lesson': 'The lesson that teaches it:',
  'progress.title': 'Your progress',
  'progress.intro': 'Progress and your code stay in this browser. Export them to a file to switch machines or hand in your work; importing merges and keeps your current code one Undo step back.',
  'progress.lessons': 'Lessons read',
  'progress.exercises': 'Exercises done',
  'progress.export': 'Export progress',
  'progress.import': 'Import progress…',
  'progress.imported': 'Imported {lessons} lessons, {exercises} exercises and {code} saved code files.',
  'progress.importFailed': 'Could not import: {error}',

  'notFound.title': 'Page not found',
  'notFound.text': 'There is no page at this address. It may have moved, or the lesson is not written yet.',
  'notFound.home': 'Go to the course home',

  'code.copy': 'Copy code',
  'code.copied': 'Copied',
  'code.copyFailed': 'Could not copy',
  'codeCompare.label': 'The same step in C and TypeScript',
  'codeCompare.c': 'C',
  'codeCompare.ts': 'TypeScript',

  'selfCheck.title': 'Check yourself',
  'selfCheck.question': 'Question {n} of {total}',
  'selfCheck.correct': 'Correct.',
  'selfCheck.incorrect': 'Not quite.',

  'footer.text': 'Lessons describe FFmpeg 5.1. Code samples are meant to be read, copied and changed.',
} as const;

type Widen<T> = T extends string ? string : T extends readonly string[] ? readonly string[] : never;

/** The shape every locale's dictionary must have: the keys of `en`, with the same kind of value. */
export type UiStrings = { readonly [K in keyof typeof en]: Widen<(typeof en)[K]> };
export type UiKey = keyof UiStrings;
/** Keys whose value is a single string (usable with `format`). */
export type UiTextKey = { [K in UiKey]: UiStrings[K] extends string ? K : never }[UiKey];
