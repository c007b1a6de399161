import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { exerciseSchema } from "./exercises/schema.ts";
import { lessonSchema } from "./lessons/schema.ts";

// One MDX file per lesson and language: src/lessons/<lang>/<slug>.mdx → id "<lang>/<slug>".
const lessons = defineCollection({
  loader: glob({ pattern: "*/*.mdx", base: "./src/lessons" }),
  schema: lessonSchema,
});

// One statement per exercise and language: src/exercises/<id>/statement.<lang>.mdx.
const exercises = defineCollection({
  loader: glob({
    pattern: "*/statement.*.mdx",
    base: "./src/exercises",
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ""),
  }),
  schema: exerciseSchema,
});

export const collections = { lessons, exercises };
