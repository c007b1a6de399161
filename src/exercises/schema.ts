// Frontmatter of an exercise statement (src/exercises/<id>/statement.<lang>.mdx).
import { z } from "astro/zod";
import { LOCALES } from "../i18n/locales.ts";

export const exerciseSchema = z.object({
  title: z.string().trim().min(1),
  order: z.number().int().positive(),
  summary: z.string().trim().min(1),
  /** What the submission must export. */
  exports: z.array(z.string()).min(1),
  /** How the playground runs it before Check. */
  mode: z.enum(["decode", "mux", "script"]),
  media: z.string(),
  seek: z.boolean().default(false),
  bufferSize: z.number().int().positive().default(4096),
  /** Lesson slug that teaches what the exercise practises. */
  lesson: z.string(),
  lang: z.enum(LOCALES).default("en"),
});

export type ExerciseData = z.infer<typeof exerciseSchema>;
