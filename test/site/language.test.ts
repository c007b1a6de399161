import { describe, expect, it } from "vitest";
import { LANGUAGE_REDIRECT_SCRIPT, LOCALE_KEY, localeForTag, pickLocale } from "../../src/site/language.ts";
import { homePath } from "../../src/site/paths.ts";

/** Runs the inline script of `/` against fake browser objects; returns where it went, if anywhere. */
function runRedirect(
  stored: string | null | Error,
  languages: string[] | undefined,
  language = "",
): string | undefined {
  let went: string | undefined;
  const localStorage = {
    getItem: (key: string) => {
      if (stored instanceof Error) throw stored;
      return key === LOCALE_KEY ? stored : null;
    },
  };
  const location = { search: "", hash: "", replace: (url: string) => (went = url) };
  new Function("localStorage", "navigator", "location", LANGUAGE_REDIRECT_SCRIPT)(
    localStorage,
    { languages, language },
    location,
  );
  return went;
}

describe("language of /", () => {
  it("maps browser tags to site locales", () => {
    expect(localeForTag("zh-CN")).toBe("zh-cn");
    expect(localeForTag("zh")).toBe("zh-cn");
    expect(localeForTag("zh-Hans-SG")).toBe("zh-cn");
    expect(localeForTag("zh-TW")).toBeUndefined();
    expect(localeForTag("zh-Hant")).toBeUndefined();
    expect(localeForTag("en-GB")).toBe("en");
    expect(localeForTag("fr")).toBeUndefined();
  });

  it("a stored choice wins over the browser; the browser decides the first time", () => {
    expect(pickLocale("en", ["zh-CN"])).toBe("en");
    expect(pickLocale("zh-cn", ["en-US"])).toBe("zh-cn");
    expect(pickLocale(null, ["fr-FR", "zh-CN", "en"])).toBe("zh-cn");
    expect(pickLocale(null, ["de", "en-US", "zh"])).toBe("en");
    expect(pickLocale("klingon", ["ja"])).toBe("en");
  });

  it("the inline script agrees with pickLocale in every case", () => {
    for (const stored of ["en", "zh-cn", null, "klingon"])
      for (const languages of [["zh-CN", "en"], ["en-US"], ["fr", "zh"], ["zh-TW", "en"], []]) {
        const want = pickLocale(stored, languages);
        expect(runRedirect(stored, languages), `${stored} ${languages}`).toBe(
          want === "en" ? undefined : homePath(want),
        );
      }
  });

  it("survives blocked storage and browsers without navigator.languages", () => {
    expect(runRedirect(new Error("SecurityError"), ["zh-CN"])).toBe("/zh-cn/");
    expect(runRedirect(null, undefined, "zh-CN")).toBe("/zh-cn/");
    expect(runRedirect(null, undefined, "en-US")).toBeUndefined();
  });
});
