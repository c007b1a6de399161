/**
 * Exercises shown under /exercises/. None are published yet: the exercises collection
 * (one folder per exercise in src/exercises/, with statement, starter, solution and tests)
 * arrives with the playground. Until then the list is empty and /exercises/ shows what is planned.
 */
import type { Locale } from '../i18n/locales.ts';

export interface ExerciseSummary {
  id: string;
  title: string;
  summary: string;
  order: number;
}

export async function listExercises(_locale: Locale): Promise<ExerciseSummary[]> {
  return [];
}
