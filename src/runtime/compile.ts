// Learner TypeScript → a module evaluated in the sandbox. Types are stripped (sucrase); the
// editor type-checks, the runtime only needs runnable code. `import … from "avio"` resolves
// to a hardened copy of the learner API; any other import is refused.
import { transform } from "sucrase";
import * as avio from "../avio/index.ts";
import type { Locale } from "../i18n/locales.ts";
import { ConsoleCapture, ensureLockdown, evaluateInCompartment, type LearnerExports } from "./sandbox.ts";

export type { LearnerExports };

export type CompileResult =
  | { ok: true; exports: LearnerExports; console: ConsoleCapture }
  | {
      ok: false;
      /** syntax: the source does not parse; import: it imports something other than "avio"; load: its top level threw. */
      stage: "syntax" | "import" | "load";
      message: string;
      line?: number;
      /** stage "import": the module it asked for. */
      module?: string;
      console?: ConsoleCapture;
    };

/** What the runtime tells the learner, per language (compiler and FFmpeg texts stay as they are). */
const en = {
  line: (line: number, message: string) => `line ${line}: ${message}`,
  importDenied: (name: string) => `Cannot import "${name}" here: only "avio" is available.`,
  importExpression:
    'import() is not available here: import what you need from "avio" at the top of the module.',
  missingReadPacket: "Export a function read_packet(opaque, buf, buf_size) — FFmpeg calls it to get bytes.",
  missingWritePacket:
    "Export a function write_packet(opaque, buf, buf_size) — FFmpeg calls it with the bytes it produced.",
  missingMain: "Export a function main(input: Uint8Array) that runs the whole lifecycle.",
  createOpaqueThrew: (error: string) => `create_opaque threw: ${error}`,
  inputUndecodable: (error: string) => `Could not decode the input media: ${error}`,
  timeout: (seconds: number) => `Did not finish within ${seconds} s (endless loop?).`,
};
export const runtimeMessages: Record<Locale, typeof en> = {
  en,
  "zh-cn": {
    line: (line, message) => `第 ${line} 行：${message}`,
    importDenied: (name) => `这里不能导入 "${name}"：只能导入 "avio"。`,
    importExpression: '这里不能使用 import()：请在模块开头从 "avio" 导入所需内容。',
    missingReadPacket: "请导出函数 read_packet(opaque, buf, buf_size)：FFmpeg 通过它获取数据。",
    missingWritePacket: "请导出函数 write_packet(opaque, buf, buf_size)：FFmpeg 通过它交出生成的数据。",
    missingMain: "请导出函数 main(input: Uint8Array)，由它完成整个生命周期。",
    createOpaqueThrew: (error) => `create_opaque 抛出了异常：${error}`,
    inputUndecodable: (error) => `无法解码输入的媒体文件：${error}`,
    timeout: (seconds) => `没有在 ${seconds} 秒内完成（死循环？）。`,
  },
};

/** A failed compile as one line: the compiler's text, after the line number when known. */
export function compileErrorText(c: { message: string; line?: number }, lang: Locale = "en"): string {
  return c.line ? runtimeMessages[lang].line(c.line, c.message) : c.message;
}

let learnerAvio: object | null = null;
/** The "avio" module as learner code sees it: the FFmpeg API and constants, frozen. */
function avioModule(): object {
  ensureLockdown();
  learnerAvio ??= harden({ ...avio });
  return learnerAvio;
}

/** An exception's text, without running more than the learner's own getters. */
export function errorText(e: unknown): string {
  try {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  } catch {
    return "(an exception that cannot be printed)";
  }
}

export interface CompileOptions {
  lang?: Locale;
  /** Also hand each console line here (the browser worker echoes to devtools). */
  echo?: (level: string, text: string) => void;
}

/** Strips the types and evaluates the module in its own compartment. */
export function compileLearnerModule(code: string, o: CompileOptions = {}): CompileResult {
  const say = runtimeMessages[o.lang ?? "en"];
  let js: string;
  try {
    // import() is kept as written, so the sandbox refuses it by name instead of failing later.
    js = transform(code, {
      transforms: ["typescript", "imports"],
      disableESTransforms: true,
      production: true,
      preserveDynamicImport: true,
    }).code;
  } catch (e) {
    const err = e as Error & { loc?: { line: number } };
    return { ok: false, stage: "syntax", message: err.message, line: err.loc?.line };
  }
  const capture = new ConsoleCapture(200, 20_000, o.echo);
  let denied: string | undefined;
  const importDenied = (name: string) => ((denied = name), say.importDenied(name));
  try {
    return {
      ok: true,
      exports: evaluateInCompartment(js, { avio: avioModule() }, capture, importDenied),
      console: capture,
    };
  } catch (e) {
    if (denied !== undefined)
      return {
        ok: false,
        stage: "import",
        module: denied,
        message: say.importDenied(denied),
        console: capture,
      };
    // SES refuses source with an import expression before running any of it.
    if (e instanceof SyntaxError && /import expression/i.test(e.message))
      return {
        ok: false,
        stage: "import",
        module: "import()",
        message: say.importExpression,
        console: capture,
      };
    return { ok: false, stage: "load", message: errorText(e), console: capture };
  }
}
