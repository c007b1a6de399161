// A student's own folder: the graded file may import its helpers (`./util.ts`) from the same
// folder. The grader joins them into one module with esbuild (which parses, never runs, the code)
// before the submission's process gets it; every file is read as the entries are (no link
// followed, no FIFO opened, size capped) and nothing outside the folder can be imported. Other
// imports ("avio") stay as they are, for the sandbox to allow or refuse.
import { lstatSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import { build } from "esbuild";
import { MAX_SUBMISSION_BYTES, readSubmission } from "./grade-entries.ts";
import { formatMessage, type Lang } from "./messages.ts";

const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["']\.\.?\//;

/** The code with its helpers joined in, or the reason it cannot be (a sentence for the row). */
export async function withHelpers(
  code: string,
  folder: string,
  lang: Lang,
): Promise<{ code: string } | { message: string }> {
  if (!RELATIVE_IMPORT.test(code)) return { code };
  const inside = (p: string) => p.startsWith(folder + sep);
  let refused: string | null = null;
  const refuse = (text: string) => {
    refused ??= text;
    return { errors: [{ text }] };
  };
  try {
    const out = await build({
      stdin: { contents: code, loader: "ts", resolveDir: folder, sourcefile: "submission.ts" },
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      logLevel: "silent",
      tsconfigRaw: {},
      plugins: [
        {
          name: "student-folder",
          setup(b) {
            b.onResolve({ filter: /.*/ }, (a) => {
              if (!a.path.startsWith(".")) return { path: a.path, external: true };
              const full = resolve(a.resolveDir, a.path);
              const file = [full, `${full}.ts`].find((p) =>
                lstatSync(p, { throwIfNoEntry: false })?.isFile(),
              );
              if (!inside(full) || !file || !/\.(ts|mts)$/.test(file))
                return refuse(formatMessage(lang, "entry_import", { module: a.path }));
              return { path: file, namespace: "student" };
            });
            b.onLoad({ filter: /.*/, namespace: "student" }, (a) => {
              const r = readSubmission(a.path, MAX_SUBMISSION_BYTES);
              if ("problem" in r) return refuse(formatMessage(lang, "entry_import", { module: a.path }));
              return { contents: r.code, loader: "ts", resolveDir: dirname(a.path) };
            });
          },
        },
      ],
    });
    return { code: out.outputFiles[0].text };
  } catch (e) {
    if (refused) return { message: refused };
    const errors = (e as { errors?: { text: string }[] }).errors;
    const text = errors?.[0]?.text ?? String(e);
    return { message: formatMessage(lang, "compile_error", { error: text }) };
  }
}
