// The one direction imports may point: avio ← runtime ← {exercises, playground} ← site.
// `npm run lint:deps` (part of `npm test`) fails on an import against it and on any cycle.
// The .astro components of src/playground are pages' building blocks, so they count as site.
// src/i18n is shared: the locales, the catalogue and its one lookup, strings(locale). Every layer
// may import it; it imports nothing above avio (rule i18n-is-shared), so it adds no upward path.
const shared = "^src/i18n/";
const media = "^src/media/"; // the media files the site and the grader serve: data, not code

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "src-never-imports-test",
      severity: "error",
      comment: "Production code ships without test/: media the site or the grader serves lives in src/media.",
      from: { path: "^src/" },
      to: { path: "^test/" },
    },
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle makes two modules one concept in two files.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "i18n-is-shared",
      severity: "error",
      comment:
        "The catalogue is imported by every layer, so it may only reach avio's section of it (src/avio/messages).",
      from: { path: "^src/i18n/" },
      to: { path: "^src/", pathNot: ["^src/i18n/", "^src/avio/messages/", "^src/avio/error-names\\.ts$"] },
    },
    {
      name: "avio-is-the-bottom",
      severity: "error",
      comment: "src/avio is FFmpeg's API over wasm: it knows nothing of the layers above it.",
      from: { path: "^src/avio/" },
      to: { path: "^src/", pathNot: ["^src/avio/", shared] },
    },
    {
      name: "runtime-uses-only-avio",
      severity: "error",
      comment:
        "The runtime sandboxes and runs learner code on top of avio; it knows no exercise, playground or page.",
      from: { path: "^src/runtime/" },
      to: { path: "^src/", pathNot: ["^src/avio/", "^src/runtime/", shared] },
    },
    {
      name: "exercises-below-site",
      severity: "error",
      comment: "Exercises and the grader use the runtime; never the playground or the site.",
      from: { path: "^src/exercises/" },
      to: { path: "^src/", pathNot: ["^src/avio/", "^src/runtime/", "^src/exercises/", shared, media] },
    },
    {
      name: "playground-below-site",
      severity: "error",
      comment:
        "The playground's scripts use the runtime; never the exercises or the site (the page wires them together).",
      from: { path: "^src/playground/.*\\.ts$" },
      to: { path: "^src/", pathNot: ["^src/avio/", "^src/runtime/", "^src/playground/", shared, media] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist|\\.astro)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".mts", ".js", ".mjs", ".astro"] },
  },
};
