// npm run new:exercise -- <id> [--root DIR]
// Scaffolds src/exercises/<id>/ (statement in English and Chinese, starter, solution, tests with
// a hidden one, hints) and test/exercise-mutants/<id>/ (known-wrong submissions), all of which
// build and grade at once: `npm run check:exercise -- <id>` passes on the scaffold as written.
// The scaffold is a working read_packet exercise; rewrite each file into your own exercise.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const EXERCISE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function usage(message: string): never {
  process.stderr.write(
    `new:exercise: ${message}\nusage: npm run new:exercise -- <id>   (id: lowercase words joined by "-", e.g. ring-buffer)\n`,
  );
  process.exit(2);
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { root: { type: "string" } } });
const id = positionals[0];
if (!id || positionals.length > 1) usage("give one exercise id");
if (!EXERCISE_ID.test(id))
  usage(
    `"${id}" is not a usable id: lowercase letters and digits, words joined by "-", starting with a letter (it becomes /exercises/${id}/)`,
  );
const root = values.root ? resolve(values.root) : fileURLToPath(new URL("../", import.meta.url));
const dir = join(root, "src/exercises", id);
const mutants = join(root, "test/exercise-mutants", id);
if (existsSync(dir) || existsSync(mutants))
  usage(`src/exercises/${id}/ or test/exercise-mutants/${id}/ already exists; pick another id`);

// Last in the course: one past the highest order of the existing statements.
let order = 0;
for (const other of readdirSync(join(root, "src/exercises"))) {
  const f = join(root, "src/exercises", other, "statement.en.mdx");
  if (!existsSync(f)) continue;
  const m = /^order:\s*(\d+)\s*$/m.exec(readFileSync(f, "utf8"));
  if (m) order = Math.max(order, Number(m[1]));
}
order += 1;

const readPacket = `export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {`;
const files: Record<string, string> = {
  [join(dir, "statement.en.mdx")]: `---
title: "New exercise: ${id}"
order: ${order}
summary: A read_packet over a file in memory. Rewrite this statement, the starter, the solution and the tests into your exercise.
exports: [read_packet]
mode: decode
media: wav-s16-44k-stereo.wav
lesson: read-packet
lang: en
---

Say what the learner writes, and the contract it must keep. Here: \`read_packet(opaque, buf, buf_size)\` copies the next bytes of the file into \`buf\`, at most \`buf_size\`, returns how many, and returns \`AVERROR_EOF\` when none are left. \`opaque\` is

\`\`\`ts
interface BufferData { data: Uint8Array; pos: number } // the whole file, and where reading is
\`\`\`

Say what Run shows before and after, and that some tests use media this page does not list.
`,
  [join(dir, "statement.zh-cn.mdx")]: `---
title: "新练习：${id}"
order: ${order}
summary: 从内存中的文件读取数据的 read_packet。请把这份题目、初始代码、参考答案和测试改写成你自己的练习。
exports: [read_packet]
mode: decode
media: wav-s16-44k-stereo.wav
lesson: read-packet
lang: zh-cn
---

说明学习者要写什么，以及必须遵守的约定。这里：\`read_packet(opaque, buf, buf_size)\` 把文件接下来的字节复制到 \`buf\`，最多 \`buf_size\` 个，返回复制的字节数；没有剩余字节时返回 \`AVERROR_EOF\`。\`opaque\` 是

\`\`\`ts
interface BufferData { data: Uint8Array; pos: number } // 整个文件，以及读取位置
\`\`\`

说明运行初始代码和正确答案时分别会看到什么，并说明有些测试用到的媒体文件没有在本页列出。
`,
  [join(dir, "starter.ts")]: `// What the learner starts from: it must compile and must fail the tests.
import { AVERROR_EOF } from "avio";

export interface BufferData {
  data: Uint8Array;
  pos: number;
}

${readPacket}
  // TODO: copy up to buf_size bytes from opaque.data at opaque.pos into buf, move pos on,
  // return how many; AVERROR_EOF when nothing is left.
  void [opaque, buf, buf_size];
  return AVERROR_EOF;
}
`,
  [join(dir, "solution.ts")]: `import { AVERROR_EOF } from "avio";

export interface BufferData {
  data: Uint8Array;
  pos: number;
}

${readPacket}
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF;
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
`,
  [join(dir, "tests.ts")]:
    `// ${id}: the tests, in order. Names are keys (results JSON, JUnit, the mutants' expect-fail
// lines): never rename one once students have been graded. Fail with fail(key, params) or the
// harness helpers, so every message names the broken rule in every language (messages.ts).
import { AVERROR_EOF } from "../../avio/constants.ts";
import { expectDecodes, expectRead, fail, memoryState, pattern, type ExerciseTest } from "../harness.ts";
import { text } from "../messages.ts";

export const requiredExports = ["read_packet"];

export const tests: ExerciseTest[] = [
  {
    name: "copies at most buf_size bytes and returns how many",
    names: { "zh-cn": "最多复制 buf_size 个字节，并返回复制的字节数" },
    run(ctx) {
      const data = pattern(100);
      const opaque = { data, pos: 0 };
      expectRead(ctx, opaque, 16, { ret: 16, bytes: data.subarray(0, 16) }, "count", memoryState(100, 0));
      if (opaque.pos !== 16) fail("unit_state", { call: "read_packet(…, 16)", field: "opaque.pos", got: opaque.pos, want: 16, rule: "partial" });
      expectRead(ctx, opaque, 16, { ret: 16, bytes: data.subarray(16, 32) }, "partial", memoryState(100, 16));
    },
  },
  {
    name: "returns AVERROR_EOF at the end, never 0",
    names: { "zh-cn": "读到末尾时返回 AVERROR_EOF，绝不返回 0" },
    run: (ctx) => expectRead(ctx, { data: pattern(10), pos: 10 }, 8, { ret: AVERROR_EOF, retName: "AVERROR_EOF" }, "eof", memoryState(10, 10)),
  },
  {
    name: "decodes the WAV sample exactly as FFmpeg does",
    names: { "zh-cn": "解码 WAV 示例文件，结果与 FFmpeg 完全一致" },
    run: (ctx) => expectDecodes(ctx, "wav-s16-44k-stereo.wav"),
  },
  {
    // Hidden: media the statement does not list; the name says what it checks, not which file.
    name: "decodes FLAC with a 1 KiB buffer",
    names: { "zh-cn": "用 1 KiB 缓冲区解码 FLAC" },
    hidden: true,
    run: (ctx) => expectDecodes(ctx, "flac-44k-stereo.flac", { buffer_size: 1024, label: text("a hidden FLAC file", "FLAC 文件（隐藏测试）") }),
  },
];
`,
  [join(dir, "hints.ts")]:
    `// Two or three hints, revealed one per failed Check. Each points at a lesson section
// ("<lesson slug>#<heading id>") and reads the same in every language; \`backticks\` mark code.
import type { Hint } from "../hints.ts";

export const hints: Hint[] = [
  {
    section: "read-packet#partial-reads-are-fine",
    text: {
      en: "Copy \`Math.min(buf_size, data.length - pos)\` bytes with \`buf.set(...)\`, move \`pos\` on by as many, and return that number.",
      "zh-cn": "用 \`buf.set(...)\` 复制 \`Math.min(buf_size, data.length - pos)\` 个字节，把 \`pos\` 向后移动同样多，并返回这个数。",
    },
  },
  {
    section: "read-packet#never-return-0",
    text: {
      en: "When no byte is left, return \`AVERROR_EOF\`: to FFmpeg, 0 means “no data yet”.",
      "zh-cn": "没有剩余字节时返回 \`AVERROR_EOF\`：对 FFmpeg 来说，0 的意思是“暂时还没有数据”。",
    },
  },
];
`,
  [join(mutants, "returns-zero-at-eof.ts")]:
    `// expect-fail: returns AVERROR_EOF at the end, never 0 :: returned 0; expected AVERROR_EOF
// A known-wrong submission: the first line names the test that must fail and a regex its message must match.
export function read_packet(opaque: { data: Uint8Array; pos: number }, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n; // 0 at the end: FFmpeg 5.1 takes it as "no data yet"
}
`,
  [join(mutants, "forgets-to-advance.ts")]:
    `// expect-fail: copies at most buf_size bytes and returns how many :: opaque\\.pos is 0; expected 16
import { AVERROR_EOF } from "avio";
export function read_packet(opaque: { data: Uint8Array; pos: number }, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF;
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  return n; // pos never moves: every read returns the first bytes again
}
`,
};

mkdirSync(dir, { recursive: true });
mkdirSync(mutants, { recursive: true });
for (const [path, content] of Object.entries(files)) writeFileSync(path, content, { flag: "wx" });
const rel = (p: string) => p.slice(root.length).replace(/^\//, "");
process.stdout.write(
  [
    `Created exercise "${id}" (course position ${order}):`,
    ...Object.keys(files).map((p) => `  ${rel(p)}`),
    "",
    "Next:",
    `  npm run check:exercise -- ${id}     # what is missing or wrong, in plain words`,
    `  npm run --silent grade -- ${id} src/exercises/${id}/solution.ts`,
    `  npm run dev                          # then open /exercises/${id}/`,
    "",
  ].join("\n"),
);
