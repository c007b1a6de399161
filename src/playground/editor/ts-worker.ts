// The TypeScript language service, off the main thread. codemirror-ts's createWorker provides
// sync, completion and hover data; the extra methods share tsenv.ts with typecheck, so the
// editor shows exactly the errors a lesson test would find.
import { createWorker } from "@valtown/codemirror-ts/worker";
import * as Comlink from "comlink";
import { LIB_FILES } from "./libs.ts";
import { ZH_CN_MESSAGES_URL, useTypeScriptMessages } from "./ts-locale-zh-cn.ts";
import { completionDoc, createAvioEnv, diagnose, hoverDoc, syntaxError } from "./tsenv.ts";

// zh-cn pages name the worker "… zh-cn": TypeScript's messages come in Chinese, fetched once
// before anything is checked. If the fetch fails, the messages stay English; the editor works.
const localized: Promise<void> = self.name.endsWith(" zh-cn")
  ? fetch(ZH_CN_MESSAGES_URL)
      .then((r) => (r.ok ? r.json() : null))
      .then((m: Record<string, string> | null) => {
        if (m) useTypeScriptMessages(m);
      })
      .catch(() => {})
  : Promise.resolve();

const env = createAvioEnv(LIB_FILES);
const base = createWorker(() => env);
// At once: updateFile drops a file sent before the environment is in (createWorker's `if (!env)`).
void base.initialize();

const methods = {
  ...base,
  diagnose: (path: string) => diagnose(env, path),
  syntaxError: (path: string) => syntaxError(env, path),
  completionDoc: (path: string, pos: number, name: string) => completionDoc(env, path, pos, name),
  hoverDoc: (path: string, pos: number) => hoverDoc(env, path, pos),
  /** An editor was destroyed: drop its file so the program does not keep checking it. */
  close: (path: string) => env.deleteFile(path),
};

/** Every call waits for the messages' language (Comlink keeps their order among themselves). */
function afterLocalized<T extends Record<string, (...args: never[]) => unknown>>(
  fns: T,
): {
  [K in keyof T]: (...args: Parameters<T[K]>) => Promise<Awaited<ReturnType<T[K]>>>;
} {
  return Object.fromEntries(
    Object.entries(fns).map(([name, fn]) => [
      name,
      async (...args: never[]) => {
        await localized;
        return fn(...args);
      },
    ]),
  ) as never;
}

const api = afterLocalized(methods);
export type TsWorkerApi = typeof api;

Comlink.expose(api);
