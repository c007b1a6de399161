/**
 * Frontmatter schema of a lesson (src/lessons/<lang>/<slug>.mdx). Kept free of `astro:content`
 * so Vitest can check it directly; src/content.config.ts hands it to the collection, and Astro
 * then fails the build with these messages when a lesson's frontmatter does not match.
 */
import { z } from "astro/zod";
import { LOCALES } from "../i18n/locales.ts";

/** The seven parameters of avio_alloc_context(), in the order of its signature. */
export const AVIO_PARAMS = [
  "buffer",
  "buffer_size",
  "write_flag",
  "opaque",
  "read_packet",
  "write_packet",
  "seek",
] as const;
export type AvioParam = (typeof AVIO_PARAMS)[number];

/** "x is required: …" when the key is absent, "x must be …" when it has the wrong type. */
function required(field: string, what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `${field} is required: ${what}` : `${field} must be ${what}`;
}

export const lessonSchema = z
  .object({
    title: z
      .string({ error: required("title", "text: the lesson title shown as its heading") })
      .trim()
      .min(1, { error: "title must not be empty" }),
    order: z
      .number({ error: required("order", "a whole number giving the lesson position (1, 2, 3…)") })
      .int({ error: "order must be a whole number (1, 2, 3…)" })
      .positive({ error: "order must be 1 or more" }),
    summary: z
      .string({ error: required("summary", "text: one sentence saying what the lesson teaches") })
      .trim()
      .min(1, { error: "summary must not be empty" }),
    params: z
      .array(
        z.enum(AVIO_PARAMS, {
          error: `params may only list avio_alloc_context parameters: ${AVIO_PARAMS.join(", ")}`,
        }),
      )
      .default([])
      .refine((list) => new Set(list).size === list.length, {
        error: "params lists a parameter twice",
      }),
    lang: z.enum(LOCALES, { error: `lang must be one of: ${LOCALES.join(", ")}` }).default("en"),
  })
  // Unknown keys are most often typos ("sumary"), which would otherwise vanish silently.
  .strict();

export type LessonData = z.output<typeof lessonSchema>;
