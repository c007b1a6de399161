/**
 * Route data shared by the thin per-locale page files in src/pages/. Uses astro:content, so it
 * runs inside Astro only; the pure logic it calls lives in lessons.ts and is unit-tested there.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import type { Locale } from "../i18n/locales.ts";
import { listExercises } from "./exercises.ts";
import { lessonsInOrder, parseLessonId } from "./lessons.ts";

export type LessonEntry = CollectionEntry<"lessons">;

/** All lessons of a locale in course order (validates every lesson file on the way). */
export async function course(locale: Locale): Promise<LessonEntry[]> {
  return lessonsInOrder(await getCollection("lessons"), locale);
}

export async function allLessonEntries(): Promise<LessonEntry[]> {
  return getCollection("lessons");
}

export async function lessonStaticPaths(locale: Locale) {
  return (await course(locale)).map((entry) => ({ params: { slug: parseLessonId(entry).slug } }));
}

export async function exerciseStaticPaths(locale: Locale) {
  return (await listExercises(locale)).map((exercise) => ({ params: { id: exercise.id } }));
}
