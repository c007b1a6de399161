/**
 * Reading progress, kept in localStorage only (no account, no server).
 *
 * Rule: a lesson counts as read once the reader reaches its end, i.e. the marker after the
 * lesson's last paragraph scrolls into view (a lesson short enough to fit the screen counts on
 * arrival). Progress is keyed by slug, so reading either language version marks the lesson.
 */
import type { StorageLike } from "./storage.ts";

export const PROGRESS_KEY = "avio-workbook:progress:v1";

interface StoredProgress {
  read: string[];
}

/** Parses the stored value; anything unexpected counts as "nothing read" rather than an error. */
export function parseProgress(raw: string | null | undefined): Set<string> {
  if (!raw) return new Set();
  try {
    const value: unknown = JSON.parse(raw);
    const read = (value as Partial<StoredProgress> | null)?.read;
    return new Set(Array.isArray(read) ? read.filter((s): s is string => typeof s === "string") : []);
  } catch {
    return new Set();
  }
}

export function serializeProgress(read: ReadonlySet<string>): string {
  const stored: StoredProgress = { read: [...read].sort() };
  return JSON.stringify(stored);
}

export function loadProgress(storage: StorageLike | undefined): Set<string> {
  try {
    return parseProgress(storage?.getItem(PROGRESS_KEY));
  } catch {
    return new Set();
  }
}

/** Records `slug` as read and returns the new set; a failing storage leaves progress unsaved. */
export function markRead(storage: StorageLike | undefined, slug: string): Set<string> {
  const read = loadProgress(storage);
  if (!read.has(slug)) {
    read.add(slug);
    try {
      storage?.setItem(PROGRESS_KEY, serializeProgress(read));
    } catch {
      // Quota or privacy mode: the mark still shows for this page view.
    }
  }
  return read;
}

export function countRead(read: ReadonlySet<string>, slugs: readonly string[]): number {
  return slugs.filter((slug) => read.has(slug)).length;
}
