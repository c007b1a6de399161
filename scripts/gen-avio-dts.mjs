// Emits the declarations of src/avio/index.ts (the module learners import as "avio") and writes
// them into src/runtime/avio-types.generated.ts as a map of virtual files under
// /node_modules/avio/, which the in-browser TypeScript checks learner code against.
//
//   node scripts/gen-avio-dts.mjs           write the file (only if it changed)
//   node scripts/gen-avio-dts.mjs --check   exit 1 if the committed file is stale
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ENTRY = path.join(ROOT, "src/avio/index.ts");
export const OUTPUT = path.join(ROOT, "src/runtime/avio-types.generated.ts");
/** Where the declarations live in the virtual file system; "avio" resolves here as a package. */
export const PACKAGE_DIR = "/node_modules/avio";

const EMIT_OPTIONS = {
  declaration: true,
  emitDeclarationOnly: true,
  // Drops `@internal` members (engine plumbing) from what learners see in completions.
  stripInternal: true,
  allowImportingTsExtensions: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  skipLibCheck: true,
  lib: ["lib.es2022.d.ts", "lib.webworker.d.ts"],
  types: [],
};

/**
 * "api.ts" / "avio-engine.d.mts" → "api" / "avio-engine": one flat name per module.
 * @param {string} fileName
 */
function moduleName(fileName) {
  return path.basename(fileName).replace(/(\.d)?\.[mc]?ts$/, "");
}

/**
 * Emits the declarations in memory.
 * @returns {Record<string, string>} virtual path → file text, sorted by path.
 */
export function generateAvioTypeFiles() {
  const host = ts.createCompilerHost(EMIT_OPTIONS);
  /** @type {Map<string, string>} source file → emitted .d.ts text */
  const emitted = new Map();
  const program = ts.createProgram([ENTRY], EMIT_OPTIONS, host);
  const result = program.emit(
    undefined,
    (fileName, text, _bom, _onError, sources) => {
      const source = sources?.[0];
      if (!source) throw new Error(`declaration ${fileName} has no source file`);
      emitted.set(path.resolve(source.fileName), text);
    },
    undefined,
    true,
  );
  if (result.diagnostics.length > 0) {
    throw new Error(ts.formatDiagnostics(result.diagnostics, formatHost));
  }

  // Hand-written declarations the emitted ones import (the Emscripten loader's .d.mts).
  for (const sf of program.getSourceFiles()) {
    const file = path.resolve(sf.fileName);
    if (
      sf.isDeclarationFile &&
      !program.isSourceFileDefaultLibrary(sf) &&
      !file.includes(`${path.sep}node_modules${path.sep}`)
    ) {
      emitted.set(file, sf.text);
    }
  }

  // Only what index.d.ts reaches: the engine's host API stays out of learners' completions.
  const reachable = new Set([path.resolve(ENTRY)]);
  for (const file of reachable) {
    for (const [, , spec] of (emitted.get(file) ?? "").matchAll(
      /(?:\bfrom\s+|\bimport\s*\(\s*)(["'])(\.{1,2}\/[^"']+)\1/g,
    )) {
      const target = ts.resolveModuleName(spec, file, EMIT_OPTIONS, ts.sys).resolvedModule;
      if (target) reachable.add(path.resolve(target.resolvedFileName));
    }
  }
  for (const file of [...emitted.keys()]) if (!reachable.has(file)) emitted.delete(file);

  const names = new Map();
  for (const file of emitted.keys()) {
    const name = moduleName(file);
    if (names.has(name))
      throw new Error(`two avio modules flatten to "${name}": ${names.get(name)} and ${file}`);
    names.set(name, file);
  }

  /** @type {Record<string, string>} */
  const files = {
    [`${PACKAGE_DIR}/package.json`]: `${JSON.stringify({ name: "avio", types: "./index.d.ts", exports: { ".": { types: "./index.d.ts" } } }, null, 2)}\n`,
  };
  for (const [file, text] of emitted) {
    files[`${PACKAGE_DIR}/${moduleName(file)}.d.ts`] = rewriteSpecifiers(text, file, emitted);
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Points every relative import at the flat sibling "./name.js" (resolves to name.d.ts).
 * @param {string} text
 * @param {string} containingFile
 * @param {Map<string, string>} emitted
 */
function rewriteSpecifiers(text, containingFile, emitted) {
  /** @type {(match: string, lead: string, quote: string, spec: string) => string} */
  const rewrite = (_match, lead, quote, spec) => {
    const resolved = ts.resolveModuleName(spec, containingFile, EMIT_OPTIONS, ts.sys).resolvedModule;
    const target = resolved && path.resolve(resolved.resolvedFileName);
    if (!target || !emitted.has(target))
      throw new Error(`${containingFile}: cannot map import "${spec}" into the avio package`);
    return `${lead}${quote}./${moduleName(target)}.js${quote}`;
  };
  // `from "./x.ts"` and `import("./x.ts")` are the only forms declaration emit produces.
  return text.replace(/(\bfrom\s+|\bimport\s*\(\s*)(["'])(\.{1,2}\/[^"']+)\2/g, rewrite);
}

/** @type {ts.FormatDiagnosticsHost} */
const formatHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => "\n",
};

/**
 * Escapes text for a template literal, keeping it multi-line so diffs stay readable.
 * @param {string} text
 */
function templateLiteral(text) {
  return `\`${text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${")}\``;
}

/** The full text of avio-types.generated.ts. */
export function generateAvioTypesModule() {
  const entries = Object.entries(generateAvioTypeFiles())
    .map(([file, text]) => `  ${JSON.stringify(file)}: ${templateLiteral(text)},\n`)
    .join("");
  return (
    "// Generated by scripts/gen-avio-dts.mjs from src/avio — do not edit; run `npm run gen:types`.\n" +
    "\n" +
    `/** Declaration files of the "avio" module, keyed by path in the checker's virtual file system. */\n` +
    "export const AVIO_TYPE_FILES: Readonly<Record<string, string>> = {\n" +
    entries +
    "};\n"
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = generateAvioTypesModule();
  const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, "utf8") : null;
  if (process.argv.includes("--check")) {
    if (current !== text) {
      console.error(`${path.relative(ROOT, OUTPUT)} is stale: run npm run gen:types`);
      process.exit(1);
    }
  } else if (current !== text) {
    // Writing only on change keeps the dev server from reloading for nothing.
    writeFileSync(OUTPUT, text);
    console.log(`wrote ${path.relative(ROOT, OUTPUT)}`);
  } else {
    console.log(`${path.relative(ROOT, OUTPUT)} is up to date`);
  }
}
