/**
 * Course order and navigation, computed from the `lessons` collection. Pure functions over a
 * minimal entry shape so they can be unit-tested without Astro.
 */
import { isLocale, type Locale } from "../i18n/locales.ts";
import type { LessonData } from "../lessons/schema.ts";

/** What this module needs from a collection entry (`CollectionEntry<'lessons'>` fits). */
export interface LessonEntryLike {
  /** Glob-loader id: `<lang>/<slug>`, e.g. `en/memory-io`. */
  id: string;
  data: LessonData;
  filePath?: string;
}

export interface LessonRef {
  slug: string;
  locale: Locale;
  title: string;
  order: number;
}

export class LessonCollectionError extends Error {
  override name = "LessonCollectionError";
}

function where(entry: LessonEntryLike): string {
  return entry.filePath ?? `src/lessons/${entry.id}.mdx`;
}

/** Splits an entry id into its locale folder and slug, rejecting files outside `<lang>/`. */
export function parseLessonId(entry: LessonEntryLike): { locale: Locale; slug: string } {
  const parts = entry.id.split("/");
  const [folder, slug] = parts;
  if (parts.length !== 2 || !isLocale(folder) || !slug) {
    throw new LessonCollectionError(
      `${where(entry)}: lessons must live in src/lessons/<lang>/<slug>.mdx with <lang> one of en, zh-cn.`,
    );
  }
  if (entry.data.lang !== folder) {
    throw new LessonCollectionError(
      `${where(entry)}: frontmatter says lang: ${entry.data.lang} but the file is in src/lessons/${folder}/. ` +
        `Set lang: ${folder} in its frontmatter.`,
    );
  }
  return { locale: folder, slug };
}

/** The lessons of one locale in course order. Two lessons with the same order are an error. */
export function lessonsInOrder<E extends LessonEntryLike>(entries: readonly E[], locale: Locale): E[] {
  const mine = entries.filter((entry) => parseLessonId(entry).locale === locale);
  mine.sort((a, b) => a.data.order - b.data.order);
  for (let i = 1; i < mine.length; i++) {
    const [a, b] = [mine[i - 1]!, mine[i]!];
    if (a.data.order === b.data.order) {
      throw new LessonCollectionError(
        `${where(a)} and ${where(b)} both have order: ${a.data.order}. Each ${locale} lesson needs its own position.`,
      );
    }
  }
  return mine;
}

export function toRef(entry: LessonEntryLike): LessonRef {
  const { locale, slug } = parseLessonId(entry);
  return { slug, locale, title: entry.data.title, order: entry.data.order };
}

/** Previous and next lesson around `slug` in an ordered list. */
export function neighbours<E extends LessonEntryLike>(
  ordered: readonly E[],
  slug: string,
): { prev?: E; next?: E } {
  const index = ordered.findIndex((entry) => parseLessonId(entry).slug === slug);
  if (index < 0) throw new LessonCollectionError(`No lesson with slug "${slug}" in this list.`);
  return { prev: ordered[index - 1], next: ordered[index + 1] };
}

/** Locales that have a lesson with this slug (for the language switcher). */
export function localesWithSlug(entries: readonly LessonEntryLike[], slug: string): Locale[] {
  return entries
    .map(parseLessonId)
    .filter((id) => id.slug === slug)
    .map((id) => id.locale);
}
