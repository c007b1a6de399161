// --merge: the JSON reports of one class's shards back into one report, after checking that they
// are exactly one class's shards: one exercise, one shard count, every index once, no submission twice.
import type { ResultsJson } from "./report.ts";
import type { SubmissionResult } from "./report.ts";

/** Report order: by submission name; roster rows with no submission last, by student. */
export function byName(a: SubmissionResult, b: SubmissionResult): number {
  const ka = [a.missing ? 1 : 0, a.submission, a.student ?? ""];
  const kb = [b.missing ? 1 : 0, b.submission, b.student ?? ""];
  for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return 0;
}

export type MergeCheck =
  | { ok: true; exercise: string; results: SubmissionResult[]; notes: string[] }
  | { ok: false; error: string };

export function mergeReports(docs: { file: string; doc: ResultsJson }[]): MergeCheck {
  const notes: string[] = [];
  const exercises = [...new Set(docs.map((d) => d.doc.exercise))];
  if (exercises.length > 1)
    return { ok: false, error: `the reports are for different exercises: ${exercises.join(", ")}` };
  const unsharded = docs.filter((d) => !d.doc.shard).map((d) => d.file);
  if (unsharded.length)
    return { ok: false, error: `not a --shard report (no "shard" field): ${unsharded.join(", ")}` };
  const counts = [...new Set(docs.map((d) => d.doc.shard!.count))];
  if (counts.length > 1)
    return {
      ok: false,
      error: `the reports come from different shard counts: ${counts.map((c) => `/${c}`).join(", ")}`,
    };
  const count = counts[0];
  const byIndex = new Map<number, string[]>();
  for (const d of docs) byIndex.set(d.doc.shard!.index, [...(byIndex.get(d.doc.shard!.index) ?? []), d.file]);
  const twice = [...byIndex].filter(([, f]) => f.length > 1);
  if (twice.length)
    return {
      ok: false,
      error: `shard ${twice.map(([i, f]) => `${i}/${count} is given ${f.length} times (${f.join(", ")})`).join("; ")}`,
    };
  const absent = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (absent.length)
    return {
      ok: false,
      error: `shard ${absent.map((i) => `${i}/${count}`).join(", ")} missing: give all ${count} reports`,
    };
  const owner = new Map<string, string>();
  for (const d of docs) {
    if (d.doc.results.length === 0)
      notes.push(`${d.file}: shard ${d.doc.shard!.index}/${count} holds no submission`);
    for (const r of d.doc.results) {
      const key = r.status === "missing" ? `missing:${r.student ?? ""}` : r.submission;
      const first = owner.get(key);
      if (first)
        return {
          ok: false,
          error: `the submission ${r.submission || r.student} is in two reports (${first}, ${d.file}): were they made from different folders?`,
        };
      owner.set(key, d.file);
    }
  }
  const results: SubmissionResult[] = docs
    .flatMap((d) => d.doc.results)
    .map((r) => ({
      submission: r.submission,
      ...(r.student === undefined ? {} : { student: r.student }),
      ...(r.graded_at ? { gradedAt: r.graded_at } : {}),
      ...(r.status === "missing" ? { missing: true } : {}),
      ...(r.status === "unchanged" ? { unchanged: true } : {}),
      ...(r.type_errors === undefined
        ? {}
        : { typeErrors: { count: r.type_errors, errors: r.type_error_messages ?? [] } }),
      result: {
        status:
          r.status === "missing" || r.status === "unchanged"
            ? "error"
            : (r.status as SubmissionResult["result"]["status"]),
        ...(r.message ? { message: r.message } : {}),
        // Points as the shard computed them (so weighted tests survive the merge).
        points: r.points,
        max_points: r.max_points,
        ...(r.console ? { console: r.console } : {}),
        tests: r.tests.map((t) => ({
          name: t.name,
          title: t.title,
          status: t.status,
          ...(t.message === null ? {} : { message: t.message }),
          ...(t.hidden ? { hidden: true } : {}),
          ...(t.points === undefined ? {} : { points: t.points }),
        })),
      },
    }))
    .sort(byName);
  return { ok: true, exercise: exercises[0], results, notes };
}
