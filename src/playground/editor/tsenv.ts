// The TypeScript environment learner code is checked in: a virtual file system holding the
// bundled lib files and the generated "avio" declarations. DOM-free and fs-free, so the editor's
// worker and Node tests (e.g. type-checking lesson starter code) share exactly this setup.
import {
  createSystem,
  createVirtualTypeScriptEnvironment,
  type VirtualTypeScriptEnvironment,
} from "@typescript/vfs";
import ts from "typescript";
import { AVIO_TYPE_FILES, COMPILER_OPTIONS, LIBS, missingLibs } from "../../runtime/typecheck.ts";

// One setup for the editor and the grader's type check (runtime/typecheck.ts).
export { COMPILER_OPTIONS, LIBS, missingLibs };

/** Where typecheck puts the code it checks (editors use their own paths). */
export const LEARNER_FILE = "/learner.ts";

/** A TypeScript diagnostic in learner code; positions are offsets into the code, lines 1-based. */
export interface TypeDiagnostic {
  from: number;
  to: number;
  line: number;
  column: number;
  message: string;
  severity: "error" | "warning" | "info";
  /** TypeScript's error number, e.g. 2322. */
  code: number;
}

/**
 * Builds the environment. `libFiles` maps lib file names ("lib.es5.d.ts") to their text; it
 * must hold LIBS and every lib they reference (see missingLibs).
 */
export function createAvioEnv(libFiles: ReadonlyMap<string, string>): VirtualTypeScriptEnvironment {
  const missing = missingLibs(libFiles);
  if (missing.length > 0) throw new Error(`TypeScript lib files missing: ${missing.join(", ")}`);
  const fsMap = new Map<string, string>();
  for (const [name, text] of libFiles) fsMap.set(`/${name}`, text);
  for (const [file, text] of Object.entries(AVIO_TYPE_FILES)) fsMap.set(file, text);
  return createVirtualTypeScriptEnvironment(createSystem(fsMap), [], ts, COMPILER_OPTIONS);
}

/** Writes `code` to `path`, creating the file the first time. */
export function setFile(env: VirtualTypeScriptEnvironment, path: string, code: string): void {
  if (env.getSourceFile(path)) env.updateFile(path, code);
  else env.createFile(path, code);
}

/** Syntax and type errors of the file at `path`. */
export function diagnose(env: VirtualTypeScriptEnvironment, path: string): TypeDiagnostic[] {
  const file = env.getSourceFile(path);
  // vfs drops empty files from the program; an empty module has nothing to report.
  if (!file) return [];
  const ls = env.languageService;
  return [...ls.getSyntacticDiagnostics(path), ...ls.getSemanticDiagnostics(path)].flatMap((d) => {
    if (d.start === undefined) return [];
    const { line, character } = file.getLineAndCharacterOfPosition(d.start);
    return [
      {
        from: d.start,
        to: d.start + (d.length ?? 0),
        line: line + 1,
        column: character + 1,
        message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
        severity: severity(d.category),
        code: d.code,
      },
    ];
  });
}

function severity(category: ts.DiagnosticCategory): TypeDiagnostic["severity"] {
  if (category === ts.DiagnosticCategory.Error) return "error";
  if (category === ts.DiagnosticCategory.Warning) return "warning";
  return "info";
}

/** Documentation of one completion entry, as plain text (signature, then docs and tags). */
export function completionDoc(
  env: VirtualTypeScriptEnvironment,
  path: string,
  pos: number,
  name: string,
): string | null {
  const details = env.languageService.getCompletionEntryDetails(
    path,
    pos,
    name,
    {},
    undefined,
    {},
    undefined,
  );
  if (!details) return null;
  return docText(details.displayParts, details.documentation, details.tags) || null;
}

/** Signature plus docs of the symbol at `pos`, for hover tooltips. */
export interface HoverDoc {
  from: number;
  to: number;
  signature: string;
  docs: string;
}

export function hoverDoc(env: VirtualTypeScriptEnvironment, path: string, pos: number): HoverDoc | null {
  const info = env.languageService.getQuickInfoAtPosition(path, pos);
  if (!info) return null;
  return {
    from: info.textSpan.start,
    to: info.textSpan.start + info.textSpan.length,
    signature: ts.displayPartsToString(info.displayParts),
    docs: docText(undefined, info.documentation, info.tags),
  };
}

function docText(
  signature: ts.SymbolDisplayPart[] | undefined,
  documentation: ts.SymbolDisplayPart[] | undefined,
  tags: ts.JSDocTagInfo[] | undefined,
): string {
  const parts = [ts.displayPartsToString(signature), ts.displayPartsToString(documentation)];
  for (const tag of tags ?? []) {
    // `@param buffer memory from…` reads better as "buffer — memory from…".
    const text = ts.displayPartsToString(tag.text);
    parts.push(tag.name === "param" ? text.replace(/^(\S+)\s*/, "$1 — ") : `@${tag.name} ${text}`.trim());
  }
  return parts.filter(Boolean).join("\n\n");
}

/** Where TypeScript's parser lost track in a file, for a Run that did not compile. */
export interface SyntaxPlace {
  line: number;
  column: number;
  /** TypeScript's text, with its note on the unclosed token ("'}' expected. The parser expected…"). */
  message: string;
}

/**
 * The first syntax error of the file at `path`, placed where the parser lost track: for a missing
 * `}` TypeScript reports the end of the file and notes the `{` it could not match; that `{` is the
 * place (the end of the file says nothing the learner can act on).
 */
export function syntaxError(env: VirtualTypeScriptEnvironment, path: string): SyntaxPlace | null {
  const file = env.getSourceFile(path);
  if (!file) return null;
  const d = env.languageService.getSyntacticDiagnostics(path).find((x) => x.start !== undefined);
  if (!d) return null;
  const related = d.relatedInformation?.find((r) => r.start !== undefined && r.file?.fileName === path);
  const at = related?.start ?? d.start!;
  const { line, character } = file.getLineAndCharacterOfPosition(at);
  const texts = [d, ...(related ? [related] : [])].map((x) =>
    ts.flattenDiagnosticMessageText(x.messageText, " "),
  );
  return { line: line + 1, column: character + 1, message: texts.join(" ") };
}
