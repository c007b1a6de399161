/**
 * Exercises shown under /exercises/: one folder per exercise in src/exercises/ (statement,
 * starter, solution, tests). Statements fall back to English where a locale has none yet.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import type { Locale } from "../i18n/locales.ts";

export type ExerciseEntry = CollectionEntry<"exercises">;

export interface ExerciseSummary {
  id: string;
  title: string;
  summary: string;
  order: number;
}

/** "read-packet/statement.en" → { id: "read-packet", lang: "en" } */
export function parseExerciseId(entryId: string): { id: string; lang: string } {
  const m = /^([^/]+)\/statement\.([\w-]+)$/.exec(entryId);
  if (!m) throw new Error(`exercise statement ${entryId} must be src/exercises/<id>/statement.<lang>.mdx`);
  return { id: m[1], lang: m[2] };
}

export async function exerciseEntries(locale: Locale): Promise<ExerciseEntry[]> {
  const all = await getCollection("exercises");
  const byId = new Map<string, ExerciseEntry>();
  for (const e of all) {
    const { id, lang } = parseExerciseId(e.id);
    if (lang === locale || (lang === "en" && !byId.has(id))) byId.set(id, e);
  }
  return [...byId.values()].sort((a, b) => a.data.order - b.data.order);
}

export async function listExercises(locale: Locale): Promise<ExerciseSummary[]> {
  return (await exerciseEntries(locale)).map((e) => ({
    id: parseExerciseId(e.id).id,
    title: e.data.title,
    summary: e.data.summary,
    order: e.data.order,
  }));
}
