// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { satteri } from "@astrojs/markdown-satteri";
import { DEFAULT_LOCALE, LOCALES } from "./src/i18n/locales.ts";
import { CODE_THEMES, codeBlockFrame, lineHighlight } from "./src/site/code.ts";
import { translatedHeadingIdsPlugin } from "./src/site/heading-ids.ts";
import { baseLinksPlugin } from "./src/site/base-links.ts";
import { normalizeBase } from "./src/site/paths.ts";

const SITE_BASE = process.env.SITE_BASE || "/";

// Cross-origin isolation (SharedArrayBuffer for the wasm playground). Astro sends
// server.headers from both `astro dev` and `astro preview`; on a production host they are an
// improvement, not a requirement (docs/deploy.md: which hosts send them, what changes without).
export const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  output: "static",
  // SITE_BASE=/repo/ serves the whole site under that path (a GitHub Pages project site); every
  // URL goes through src/site/paths.ts, which reads it back as import.meta.env.BASE_URL.
  base: SITE_BASE,
  trailingSlash: "ignore",
  build: { format: "directory" },
  server: { headers: ISOLATION_HEADERS },
  i18n: {
    locales: [...LOCALES],
    defaultLocale: DEFAULT_LOCALE,
    routing: { prefixDefaultLocale: false },
  },
  integrations: [mdx()],
  markdown: {
    processor: satteri({
      hastPlugins: [translatedHeadingIdsPlugin, baseLinksPlugin(normalizeBase(SITE_BASE))],
    }),
    shikiConfig: {
      themes: CODE_THEMES,
      // Colours come from CSS variables so the page theme, not the OS, picks light or dark.
      defaultColor: false,
      transformers: [lineHighlight(), codeBlockFrame()],
    },
  },
  devToolbar: { enabled: false },
  vite: {
    // Pre-bundle what the playground's workers import, so `astro dev` does not discover them
    // on first Run and answer the worker's request with "outdated optimize dep".
    optimizeDeps: {
      include: [
        "sucrase",
        "spark-md5",
        "comlink",
        "@codemirror/autocomplete",
        "@codemirror/commands",
        "@codemirror/lang-javascript",
        "@codemirror/language",
        "@codemirror/lint",
        "@codemirror/state",
        "@codemirror/view",
        "@lezer/highlight",
        "@typescript/vfs",
      ],
    },
  },
});
