// Every input a lesson playground or an exercise names is one the playground can offer; otherwise
// the input list would silently fall back to another file.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LOCALES, strings } from "../../src/i18n/index.ts";
import { sampleByName, samples } from "../../src/playground/media.ts";

const root = new URL("../../src/", import.meta.url);
const files = [
  ...["en", "zh-cn"].flatMap((lang) =>
    readdirSync(new URL(`lessons/${lang}/`, root)).map((f) => `lessons/${lang}/${f}`),
  ),
  ...readdirSync(new URL("exercises/", root), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(new URL(`exercises/${d.name}/`, root))
        .filter((f) => f.startsWith("statement."))
        .map((f) => `exercises/${d.name}/${f}`),
    ),
];

describe("sample media", () => {
  it("names are unique and every sample has a label in each language", () => {
    expect(new Set(samples.map((s) => s.name)).size).toBe(samples.length);
    for (const s of samples)
      for (const locale of LOCALES)
        expect(strings(locale).playground.samples[s.name].trim(), s.name).not.toBe("");
  });

  for (const file of files.filter((f) => f.endsWith(".mdx"))) {
    const src = readFileSync(new URL(file, root), "utf8");
    const named = [...src.matchAll(/\bmedia="([^"]+)"|^media:\s*(\S+)/gm)].map((m) => m[1] ?? m[2]!);
    if (named.length === 0) continue;
    it(`${file}: ${[...new Set(named)].join(", ")}`, () => {
      for (const name of named) expect(sampleByName(name), name).toBeDefined();
    });
  }
});
