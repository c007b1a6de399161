// Exercises done, and the learner's whole progress as one JSON file (export
// to switch machines or hand in; import merges, never deletes).
import type { StorageLike } from "./storage.ts";
import { PROGRESS_KEY, parseProgress, serializeProgress } from "./progress.ts";

export const EXERCISES_KEY = "avio-workbook:exercises:v1";
const CODE_PREFIX = "avio-workbook:playground:";

/** Exercise id → ISO date it first passed. */
export type Done = Record<string, string>;

export function loadDone(storage: StorageLike | undefined): Done {
  try {
    const v: unknown = JSON.parse(storage?.getItem(EXERCISES_KEY) ?? "{}");
    return v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([, d]) => typeof d === "string"))
      : {};
  } catch {
    return {};
  }
}

export function markDone(storage: StorageLike | undefined, id: string, when = new Date()): Done {
  const done = loadDone(storage);
  done[id] ??= when.toISOString();
  try {
    storage?.setItem(EXERCISES_KEY, JSON.stringify(done));
  } catch {
    /* storage blocked: the page still shows it this time */
  }
  return done;
}

export interface ProgressFile {
  format: "avio-workbook-progress";
  version: 1;
  exported: string;
  lessonsRead: string[];
  exercisesDone: Done;
  /** Saved playground and exercise code, by playground key. */
  code: Record<string, string>;
}

type FullStorage = StorageLike & { readonly length: number; key(i: number): string | null };

export function exportProgress(storage: FullStorage, when = new Date()): ProgressFile {
  const code: Record<string, string> = {};
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(CODE_PREFIX) && k.endsWith(":code"))
      code[k.slice(CODE_PREFIX.length, -":code".length)] = storage.getItem(k) ?? "";
  }
  return {
    format: "avio-workbook-progress",
    version: 1,
    exported: when.toISOString(),
    lessonsRead: [...parseProgress(storage.getItem(PROGRESS_KEY))].sort(),
    exercisesDone: loadDone(storage),
    code,
  };
}

/** Merges a progress file into storage. Code already saved here is kept one step back (Undo). Throws on a file that is not ours. */
export function importProgress(
  storage: StorageLike,
  text: string,
): { lessons: number; exercises: number; code: number } {
  let file: Partial<ProgressFile>;
  try {
    file = JSON.parse(text);
  } catch {
    throw new Error("This is not a JSON file.");
  }
  if (file.format !== "avio-workbook-progress" || file.version !== 1)
    throw new Error("This is not an avio-workbook progress file.");
  const read = parseProgress(storage.getItem(PROGRESS_KEY));
  for (const s of file.lessonsRead ?? []) if (typeof s === "string") read.add(s);
  storage.setItem(PROGRESS_KEY, serializeProgress(read));
  const done = loadDone(storage);
  for (const [id, when] of Object.entries(file.exercisesDone ?? {}))
    if (typeof when === "string") done[id] ??= when;
  storage.setItem(EXERCISES_KEY, JSON.stringify(done));
  let code = 0;
  for (const [key, value] of Object.entries(file.code ?? {})) {
    if (typeof value !== "string") continue;
    const current = storage.getItem(`${CODE_PREFIX + key}:code`);
    if (current !== null && current !== value) storage.setItem(`${CODE_PREFIX + key}:previous`, current);
    storage.setItem(`${CODE_PREFIX + key}:code`, value);
    code++;
  }
  return {
    lessons: (file.lessonsRead ?? []).length,
    exercises: Object.keys(file.exercisesDone ?? {}).length,
    code,
  };
}

export const HINTS_KEY = "avio-workbook:hints:v1";

/** Exercise id → how many of its hints the learner has been shown (kept across visits). */
export function loadHintsShown(storage: StorageLike | undefined): Record<string, number> {
  try {
    const v: unknown = JSON.parse(storage?.getItem(HINTS_KEY) ?? "{}");
    if (!v || typeof v !== "object" || Array.isArray(v)) return {};
    return Object.fromEntries(
      Object.entries(v).filter(([, n]) => Number.isInteger(n) && (n as number) >= 0),
    ) as Record<string, number>;
  } catch {
    return {};
  }
}

/** After a failed Check: one more hint shown, up to `total`. Returns how many are shown now. */
export function showNextHint(storage: StorageLike | undefined, id: string, total: number): number {
  const shown = loadHintsShown(storage);
  const n = Math.min(total, (shown[id] ?? 0) + 1);
  shown[id] = n;
  try {
    storage?.setItem(HINTS_KEY, JSON.stringify(shown));
  } catch {
    /* storage blocked: the hint still shows on this page */
  }
  return n;
}
