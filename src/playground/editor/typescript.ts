// TypeScript support for the editor, loaded with import() on first use: inline type errors,
// completions and hover docs for the "avio" API. The language service runs in one Web Worker
// shared by every editor on the page; each editor is one file in it.
//
// The main-thread glue is ours rather than @valtown/codemirror-ts's extensions: importing those
// drags the whole `typescript` package (3.5 MB) into this chunk, since the package's index also
// re-exports its non-worker modules. codemirror-ts runs in the worker (createWorker).
import { autocompletion, type Completion, type CompletionSource } from "@codemirror/autocomplete";
import { linter, lintGutter, lintKeymap, type Diagnostic } from "@codemirror/lint";
import type { Extension } from "@codemirror/state";
import { hoverTooltip, keymap, ViewPlugin } from "@codemirror/view";
import * as Comlink from "comlink";
import type { TsWorkerApi } from "./ts-worker.ts";
import type { SyntaxPlace, TypeDiagnostic } from "./tsenv.ts";

export interface TypeScriptSupport {
  extension: Extension;
  /** The editor text's syntax and type errors, as the squiggles show them. */
  diagnose(): Promise<TypeDiagnostic[]>;
  /** Where the parser lost track in the editor's text (tsenv.syntaxError). */
  syntaxError(): Promise<SyntaxPlace | null>;
  /** Releases the editor's file in the shared worker. */
  dispose(): void;
}

let worker: Comlink.Remote<TsWorkerApi> | null = null;
let files = 0;

function sharedWorker(): Comlink.Remote<TsWorkerApi> {
  if (!worker) {
    // One worker per page, in the page's language (TypeScript's messages are global to it).
    const zh = document.documentElement.lang.toLowerCase() === "zh-cn";
    const w = new Worker(new URL("./ts-worker.ts", import.meta.url), {
      type: "module",
      name: zh ? "avio-typescript zh-cn" : "avio-typescript",
    });
    // If the worker cannot start, queries just never answer: the editor keeps working unchecked.
    w.addEventListener("error", (e) => console.warn("The editor's TypeScript worker failed", e.message));
    worker = Comlink.wrap<TsWorkerApi>(w);
  }
  return worker;
}

/** Extensions that check the editor's text as the module `/editor-N.ts`. */
export function typescriptSupport(): TypeScriptSupport {
  const remote = sharedWorker();
  const path = `/editor-${++files}.ts`;
  return {
    extension: [
      // Comlink keeps message order, so the worker has the latest text before any query.
      ViewPlugin.define((view) => {
        void remote.updateFile({ path, code: view.state.doc.toString() });
        return {
          update(u) {
            if (u.docChanged) void remote.updateFile({ path, code: u.state.doc.toString() });
          },
        };
      }),
      linter(
        async (view) => {
          const len = view.state.doc.length;
          return (await remote.diagnose(path)).map(
            (d): Diagnostic => ({
              from: Math.min(d.from, len),
              to: Math.min(d.to, len),
              severity: d.severity,
              message: d.message,
              source: "TypeScript",
            }),
          );
        },
        { delay: 300 },
      ),
      lintGutter(),
      keymap.of(lintKeymap),
      autocompletion({ override: [completions(remote, path)] }),
      hoverTooltip(async (_view, pos) => {
        const doc = await remote.hoverDoc(path, pos);
        if (!doc) return null;
        return {
          pos: doc.from,
          end: doc.to,
          above: true,
          create: () => ({ dom: docDom(doc.signature, doc.docs, "cm-avio-hover") }),
        };
      }),
    ],
    diagnose: () => remote.diagnose(path),
    syntaxError: () => remote.syntaxError(path),
    dispose: () => void remote.close(path),
  };
}

/** TypeScript's completions, each with lazily fetched docs (signature, TSDoc, @param notes). */
function completions(remote: Comlink.Remote<TsWorkerApi>, path: string): CompletionSource {
  return async (context) => {
    const result = await remote.getAutocompletion({
      path,
      context: { pos: context.pos, explicit: context.explicit },
    });
    if (!result) return null;
    const info = async (c: Completion): Promise<Node | null> => {
      const text = await remote.completionDoc(path, context.pos, c.label);
      if (!text) return null;
      const [signature = "", ...rest] = text.split("\n\n");
      return docDom(signature, rest.join("\n\n"));
    };
    return { ...result, validFor: /^\w*$/, options: result.options.map((o) => ({ ...o, info })) };
  };
}

/** Signature in code font, then the docs as paragraphs; textContent only (docs are not HTML). */
function docDom(signature: string, docs: string, className?: string): HTMLElement {
  const root = document.createElement("div");
  if (className) root.className = className;
  const sig = root.appendChild(document.createElement("code"));
  sig.className = "cm-avio-signature";
  sig.textContent = signature;
  for (const para of docs.split("\n\n").filter(Boolean)) {
    const p = root.appendChild(document.createElement("p"));
    p.className = "cm-avio-doc";
    p.textContent = para;
  }
  return root;
}
