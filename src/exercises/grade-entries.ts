// What the teacher pointed the grader at, as one row per entry. Every entry of a submissions
// folder is examined with lstat before anything is opened: a link is never followed, a FIFO
// never opened, a huge file never read. Names are the entry's bytes (report-text.ts), relative to
// the common parent of everything given, so they are unique and stable across shards.
import {
  constants,
  closeSync,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  readdirSync,
  statSync,
} from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import type { MessageKey, MessageParams } from "./messages.ts";
import { HandinParseError, readHandinSubmission } from "./handin.ts";
import { nameFromBytes } from "./report-text.ts";

/** A submission file is at most this big (one student's code is far smaller). */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;

export interface Entry {
  /** Unique, display-safe, relative to the common parent of what was given. */
  name: string;
  student: string;
  /** The code, read once (absent when the entry is not graded). */
  code?: string;
  /** Why it is not graded: its own error row. */
  problem?: { key: MessageKey; params?: MessageParams };
  /** The folder the graded file may import helpers from (a student's own folder). */
  folder?: string;
  path?: Buffer;
}

export interface Scan {
  entries: Entry[];
  /** Entries that are not .ts files (listed on stderr, not graded). */
  skipped: string[];
  /** Other things worth a line on stderr (a hidden folder passed over, a file used as a helper). */
  notes: string[];
}

export class UsageError extends Error {}

const isTs = (name: string) => /\.(ts|mts)$/.test(name) && !name.endsWith(".d.ts");
const stem = (name: string) => name.replace(/\.(ts|mts)$/, "").replace(/(\.handin)?\.json$/, "");
const isJson = (name: string) => name.endsWith(".json");

/**
 * A .json entry: a hand-in file or a /progress/ export (handin.ts); the typed name becomes the student.
 * A .json that is neither (a package.json, a tsconfig.json) is skipped like any other non-.ts file;
 * one named .handin.json, one that says it is ours, or one too big to tell gets an error row.
 */
function fromJson(e: Entry, exercise: string | undefined): Entry | "skip" {
  if (exercise === undefined) return "skip";
  if (e.code === undefined) return e;
  if (!e.name.endsWith(".handin.json") && !/"avio-workbook-(handin|progress)"/.test(e.code.slice(0, 4096)))
    return "skip";
  try {
    const r = readHandinSubmission(e.code, exercise);
    return { ...e, code: r.code, ...(r.student ? { student: r.student } : {}) };
  } catch (err) {
    const reason = err instanceof HandinParseError ? err.reason : "json";
    const { code: _, ...rest } = e;
    if (reason === "exercise" && err instanceof HandinParseError && err.detail)
      return { ...rest, problem: { key: "entry_handin_exercise", params: { exercise: err.detail } } };
    return { ...rest, problem: { key: "entry_handin", params: { reason } } };
  }
}
const join = (dir: Buffer, name: Buffer) => Buffer.concat([dir, Buffer.from(sep), name]);

/** 4.2 GB, 600 MB, 1 MiB: a size as a teacher reads it. */
export function sizeText(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

function kindProblem(st: import("node:fs").Stats): Entry["problem"] | null {
  if (st.isSymbolicLink()) return { key: "entry_link" };
  if (st.isFIFO()) return { key: "entry_fifo" };
  if (st.isSocket()) return { key: "entry_socket" };
  if (st.isBlockDevice() || st.isCharacterDevice()) return { key: "entry_device" };
  if (st.isDirectory()) return { key: "entry_folder" };
  return null;
}

/**
 * Reads a regular file without following a link or blocking on a FIFO (O_NOFOLLOW | O_NONBLOCK),
 * checks again on the open descriptor that it is a regular file of allowed size, and reads at most
 * that much: the entry cannot be swapped between the check and the read.
 */
export function readSubmission(
  path: Buffer | string,
  maxBytes: number,
): { code: string } | { problem: NonNullable<Entry["problem"]> } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "?";
    return {
      problem: code === "ELOOP" ? { key: "entry_link" } : { key: "entry_unreadable", params: { code } },
    };
  }
  try {
    const st = fstatSync(fd);
    const kind = kindProblem(st);
    if (kind) return { problem: kind };
    if (!st.isFile()) return { problem: { key: "entry_device" } };
    if (st.size > maxBytes)
      return {
        problem: { key: "entry_size", params: { size: sizeText(st.size), limit: sizeText(maxBytes) } },
      };
    const buf = Buffer.alloc(maxBytes + 1);
    let n = 0;
    for (let got = 1; got > 0 && n <= maxBytes; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    if (n > maxBytes)
      return {
        problem: {
          key: "entry_size",
          params: { size: `> ${sizeText(maxBytes)}`, limit: sizeText(maxBytes) },
        },
      };
    return { code: buf.subarray(0, n).toString("utf8") };
  } catch (e) {
    return {
      problem: { key: "entry_unreadable", params: { code: (e as NodeJS.ErrnoException).code ?? "?" } },
    };
  } finally {
    closeSync(fd);
  }
}

/** The deepest folder holding all of these absolute paths. */
function commonParent(paths: string[]): string {
  const parts = paths.map((p) => p.split(sep));
  const out: string[] = [];
  for (let i = 0; parts.every((p) => i < p.length && p[i] === parts[0][i]); i++) out.push(parts[0][i]);
  return out.join(sep) || sep;
}

/** The names `export function x` / `export const x` / `export { x }` a module declares (a first look, not a proof). */
export function declaresExports(code: string, names: string[]): boolean {
  return names.every((n) =>
    new RegExp(
      `export\\s+(async\\s+)?(function\\*?|const|let|var)\\s+${n}\\b|export\\s*\\{[^}]*\\b${n}\\b[^}]*\\}`,
    ).test(code),
  );
}

export function scanSubmissions(
  args: string[],
  cwd: string,
  o: { maxBytes?: number; requiredExports: string[]; exercise?: string },
): Scan {
  const maxBytes = o.maxBytes ?? MAX_SUBMISSION_BYTES;
  const given = args.map((arg) => {
    const full = resolve(cwd, arg);
    // What the teacher typed is theirs to name: a link given on the command line is followed.
    const st = statSync(full, { throwIfNoEntry: false });
    if (!st) throw new UsageError(`no such file or folder: ${arg}`);
    return { full, dir: st.isDirectory() };
  });
  const folders = given.filter((g) => g.dir).map((g) => g.full);
  const files = given.filter((g) => !g.dir).map((g) => g.full);
  // One folder: names relative to it (as before); several: to their common parent; files: to the
  // folder the command ran in, when they are below it.
  const base = commonParent([...folders, ...(files.length ? [cwd, ...files.map(dirname)] : [])]);
  const nameOf = (full: string) =>
    relative(base, full)
      .split(sep)
      .filter(Boolean)
      .map((s) => nameFromBytes(Buffer.from(s)))
      .join("/");

  const scan: Scan = { entries: [], skipped: [], notes: [] };
  const seen = new Set<string>();
  const take = (e: Entry) => {
    // The same file given twice (or a file inside a folder also given) is graded once.
    if (seen.has(e.name)) return;
    seen.add(e.name);
    scan.entries.push(e);
  };

  for (const full of files) {
    const name = nameOf(full) || nameFromBytes(Buffer.from(full));
    const student = stem(name.split("/").at(-1)!);
    const r = readSubmission(full, maxBytes);
    const e: Entry = { name, student, path: Buffer.from(full), ...r };
    const j = isJson(name) ? fromJson(e, o.exercise) : e;
    if (j === "skip") scan.skipped.push(name);
    else take(j);
  }

  for (const root of folders) {
    const prefix = nameOf(root);
    // Each folder's .ts files, with the folder's name for display (relative to the given one).
    const groups: { dir: Buffer; display: string; depth: number; files: { name: string; path: Buffer }[] }[] =
      [];
    const walk = (dir: Buffer, display: string, depth: number) => {
      const group = { dir, display, depth, files: [] as { name: string; path: Buffer }[] };
      groups.push(group);
      const names = readdirSync(dir, { encoding: "buffer" }).sort(Buffer.compare);
      for (const raw of names) {
        const path = join(dir, raw);
        const name = nameFromBytes(raw);
        const shown = display ? `${display}/${name}` : name;
        const st = lstatSync(path, { throwIfNoEntry: false });
        if (!st) continue; // gone since the listing
        if (st.isDirectory() && !isTs(name)) {
          if (name.startsWith(".") || name === "node_modules")
            scan.notes.push(`${shown}/: a hidden or package folder, passed over`);
          else walk(path, shown, depth + 1);
          continue;
        }
        const kind = kindProblem(st);
        if (kind) {
          take({ name: shown, student: stem(name), problem: kind });
          continue;
        }
        if (isJson(name) && o.exercise !== undefined && st.isFile()) {
          // A hand-in or progress file: its own row, graded like a file given directly.
          const r = readSubmission(path, maxBytes);
          const j = fromJson({ name: shown, student: stem(name), path, ...r }, o.exercise);
          if (j === "skip") scan.skipped.push(shown);
          else take(j);
          continue;
        }
        if (!isTs(name)) {
          scan.skipped.push(shown);
          continue;
        }
        if (st.size > maxBytes) {
          take({
            name: shown,
            student: stem(name),
            problem: { key: "entry_size", params: { size: sizeText(st.size), limit: sizeText(maxBytes) } },
          });
          continue;
        }
        group.files.push({ name: shown, path });
      }
    };
    walk(Buffer.from(root), prefix, 0);

    for (const g of groups) {
      const folderName = g.display.split("/").at(-1) ?? "";
      const read = g.files.map((f) => ({ ...f, ...readSubmission(f.path, maxBytes) }));
      const one = (f: (typeof read)[number], student: string, folder?: string) =>
        take({
          name: f.name,
          student,
          path: f.path,
          ...("code" in f ? { code: f.code } : { problem: f.problem }),
          ...(folder ? { folder } : {}),
        });
      // Files directly in a folder given: one student each.
      if (g.depth === 0 || read.length === 0) {
        for (const f of read) one(f, stem(f.name.split("/").at(-1)!));
        continue;
      }
      // A student's own folder: the file that exports the required functions is graded, the rest are its helpers.
      if (read.length === 1) {
        one(read[0], folderName, g.dir.toString());
        continue;
      }
      const candidates = read.filter((f) => !("code" in f) || declaresExports(f.code, o.requiredExports));
      if (candidates.length === 0) {
        take({
          name: `${g.display}/`,
          student: folderName,
          problem: { key: "entry_no_export", params: { names: o.requiredExports.join(", ") } },
        });
        continue;
      }
      for (const f of candidates)
        one(
          f,
          candidates.length === 1 ? folderName : `${folderName}/${stem(f.name.split("/").at(-1)!)}`,
          g.dir.toString(),
        );
      for (const f of read)
        if (!candidates.includes(f))
          scan.notes.push(`${f.name}: a helper of ${candidates.map((c) => c.name).join(", ")}`);
    }
  }
  scan.entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return scan;
}

/** A roster: one student per line (the first comma-separated field), `#` comments and a `student` header ignored. */
export function parseRoster(text: string): string[] {
  const out: string[] = [];
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const name = line
      .split(",")[0]
      .trim()
      .replace(/^"(.*)"$/, "$1");
    if (!name || name.startsWith("#") || (out.length === 0 && name === "student")) continue;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}
