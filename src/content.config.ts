import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './lessons/schema.ts';

// One MDX file per lesson and language: src/lessons/<lang>/<slug>.mdx → id "<lang>/<slug>".
const lessons = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './src/lessons' }),
  schema: lessonSchema,
});

export const collections = { lessons };
