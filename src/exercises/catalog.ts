// The exercises: one folder per exercise, src/exercises/<id>/ with statement.<lang>.mdx,
// starter.ts, solution.ts, tests.ts and hints.ts. A folder with a tests.ts is an exercise; no
// list to keep up to date. Course order is the `order` in each English statement's frontmatter
// (the same field the site sorts by).
//
// Two hosts read this module. Under Vite (the site, the browser's Check worker, Vitest) the
// folders are found at build time with import.meta.glob. In plain Node (the grader CLI and each
// grading child) they are read from disk; a grading child runs under Node's permission model and
// may read only its own exercise's tests.ts, so it sees no list, only the one exercise it grades.
import type { ExerciseModule } from "./grade.ts";
import { guardAuthoring } from "./harness.ts";

export type ExerciseId = string;

/** Folder names an exercise may have: they become URLs (/exercises/<id>/) and CLI arguments. */
export const EXERCISE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The `order` of a statement's frontmatter, or undefined. */
export function frontmatterOrder(mdx: string): number | undefined {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(mdx)?.[1];
  const m = block && /^order:\s*(\d+)\s*$/m.exec(block);
  return m ? Number(m[1]) : undefined;
}

/** Ids sorted by course order, then by name (two exercises with one order still list stably). */
function inCourseOrder(orders: Map<string, number | undefined>): string[] {
  const key = (id: string) => orders.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...orders.keys()].sort((a, b) => key(a) - key(b) || a.localeCompare(b));
}

const vite = !!import.meta.env;

/** Vite: tests.ts per folder, loaded on demand (each exercise its own chunk). */
const viteLoaders: Record<string, () => Promise<ExerciseModule>> = vite
  ? Object.fromEntries(
      Object.entries(import.meta.glob<ExerciseModule>("./*/tests.ts")).map(([path, load]) => [
        path.split("/")[1]!,
        load,
      ]),
    )
  : {};

/** Vite: each exercise's starters as text, loaded on demand (the browser's `unchanged` check). */
const viteStarters: Record<string, () => Promise<string>> = vite
  ? import.meta.glob<string>("./*/starter*.ts", { query: "?raw", import: "default" })
  : {};

function viteIds(): string[] {
  const statements = import.meta.glob<string>("./*/statement.en.mdx", {
    query: "?raw",
    import: "default",
    eager: true,
  });
  const orders = new Map<string, number | undefined>();
  for (const id of Object.keys(viteLoaders))
    orders.set(id, frontmatterOrder(statements[`./${id}/statement.en.mdx`] ?? ""));
  return inCourseOrder(orders);
}

const here = vite ? "" : new URL(".", import.meta.url);

function nodeFs(): typeof import("node:fs") {
  return process.getBuiltinModule("node:fs") as typeof import("node:fs");
}

function nodeIds(): string[] {
  const fs = nodeFs();
  let names: string[];
  try {
    names = fs.readdirSync(here);
  } catch (e) {
    // A grading child under --permission cannot list the folder; it grades one known exercise.
    if ((e as { code?: string }).code === "ERR_ACCESS_DENIED") return [];
    throw e;
  }
  const orders = new Map<string, number | undefined>();
  for (const id of names) {
    if (!EXERCISE_ID.test(id) || !fs.existsSync(new URL(`${id}/tests.ts`, here))) continue;
    let statement = "";
    try {
      statement = fs.readFileSync(new URL(`${id}/statement.en.mdx`, here), "utf8");
    } catch {
      /* check:exercise names a missing statement; the list still shows the folder */
    }
    orders.set(id, frontmatterOrder(statement));
  }
  return inCourseOrder(orders);
}

/** Every exercise, in course order. */
// Pure: the browser worker never lists exercises, so its bundle leaves the statements out.
export const exerciseIds: readonly ExerciseId[] = vite
  ? /* #__PURE__ */ viteIds()
  : /* #__PURE__ */ nodeIds();

export function isExerciseId(id: string): id is ExerciseId {
  if (!EXERCISE_ID.test(id)) return false;
  if (vite) return Object.hasOwn(viteLoaders, id);
  return exerciseIds.includes(id) || nodeFs().existsSync(new URL(`${id}/tests.ts`, here));
}

export async function loadExercise(id: ExerciseId): Promise<ExerciseModule> {
  if (!isExerciseId(id)) throw new Error(`unknown exercise "${id}"`);
  const m = vite
    ? await viteLoaders[id]!()
    : ((await import(/* @vite-ignore */ new URL(`${id}/tests.ts`, here).href)) as ExerciseModule);
  return guardAuthoring(m);
}

/** An exercise's starters (starter.ts, starter.zh-cn.ts when there is one), as text. */
export async function loadStarters(id: ExerciseId): Promise<string[]> {
  if (!isExerciseId(id)) throw new Error(`unknown exercise "${id}"`);
  const names = ["starter.ts", "starter.zh-cn.ts"];
  if (vite)
    return Promise.all(names.flatMap((n) => viteStarters[`./${id}/${n}`] ?? []).map((load) => load()));
  const fs = nodeFs();
  return names.flatMap((n) => {
    const file = new URL(`${id}/${n}`, here);
    return fs.existsSync(file) ? [fs.readFileSync(file, "utf8")] : [];
  });
}
