import { describe, expect, it } from "vitest";
// The catalogue itself is tested in test/i18n/catalogue.test.ts.
import { DEFAULT_LOCALE, LOCALES } from "../../src/i18n/index.ts";
import config, { ISOLATION_HEADERS } from "../../astro.config.mjs";

describe("astro.config.mjs", () => {
  it("routes the same locales, English unprefixed", () => {
    expect(config.i18n?.locales).toEqual([...LOCALES]);
    expect(config.i18n?.defaultLocale).toBe(DEFAULT_LOCALE);
    expect(config.i18n?.routing).toMatchObject({ prefixDefaultLocale: false });
  });

  it("builds a static site and sends the cross-origin isolation headers in dev and preview", () => {
    expect(config.output).toBe("static");
    expect(ISOLATION_HEADERS).toEqual({
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
    });
    expect(config.server).toMatchObject({ headers: ISOLATION_HEADERS });
  });
});
