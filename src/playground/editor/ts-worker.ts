// The TypeScript language service, off the main thread. codemirror-ts's createWorker provides
// sync, completion and hover data; the extra methods share tsenv.ts with typecheck, so the
// editor shows exactly the errors a lesson test would find.
import { createWorker } from "@valtown/codemirror-ts/worker";
import * as Comlink from "comlink";
import { LIB_FILES } from "./libs.ts";
import { completionDoc, createAvioEnv, diagnose, hoverDoc, syntaxError } from "./tsenv.ts";

const env = createAvioEnv(LIB_FILES);
const base = createWorker(() => env);
void base.initialize();

const api = {
  ...base,
  diagnose: (path: string) => diagnose(env, path),
  syntaxError: (path: string) => syntaxError(env, path),
  completionDoc: (path: string, pos: number, name: string) => completionDoc(env, path, pos, name),
  hoverDoc: (path: string, pos: number) => hoverDoc(env, path, pos),
  /** An editor was destroyed: drop its file so the program does not keep checking it. */
  close: (path: string) => env.deleteFile(path),
};

export type TsWorkerApi = typeof api;

Comlink.expose(api);
