import { describe, expect, it } from "vitest";
import { otherTheme, resolveTheme, THEME_INIT_SCRIPT, THEME_KEY } from "../../src/site/theme.ts";

/** Runs the inline head script against fake browser objects and returns the theme it set. */
function runInitScript(stored: string | null | Error, systemDark: boolean): string | undefined {
  const attributes: Record<string, string> = {};
  const document = { documentElement: { setAttribute: (k: string, v: string) => (attributes[k] = v) } };
  const localStorage = {
    getItem: (key: string) => {
      if (stored instanceof Error) throw stored;
      return key === THEME_KEY ? stored : null;
    },
  };
  const window = {
    matchMedia: (q: string) => ({ matches: q === "(prefers-color-scheme: dark)" && systemDark }),
  };
  new Function("document", "localStorage", "window", THEME_INIT_SCRIPT)(document, localStorage, window);
  return attributes["data-theme"];
}

describe("theme", () => {
  it("prefers a stored choice, else follows the system", () => {
    expect(resolveTheme("dark", false)).toBe("dark");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme(null, true)).toBe("dark");
    expect(resolveTheme("purple", false)).toBe("light");
    expect(otherTheme("dark")).toBe("light");
  });

  it("the inline head script agrees with resolveTheme in every case", () => {
    for (const stored of ["light", "dark", null, "purple"]) {
      for (const systemDark of [false, true]) {
        expect(runInitScript(stored, systemDark), `${stored}/${systemDark}`).toBe(
          resolveTheme(stored, systemDark),
        );
      }
    }
  });

  it("the inline head script survives blocked storage", () => {
    expect(runInitScript(new Error("SecurityError"), true)).toBe("dark");
  });
});
