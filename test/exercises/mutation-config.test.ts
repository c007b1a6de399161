// `npm run mutation` (not part of npm test: it takes minutes) mutates only what a learner writes,
// and leaves out mutants listed in test/exercise-mutants/<id>/equivalent.json. These lists are
// checked here, so a stale or vague entry fails fast.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exerciseIds } from "../../src/exercises/catalog.ts";
import { learnerRanges, type Equivalent } from "../../scripts/mutation-ranges.ts";

const file = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), "utf8");

it("mutates the statements the learner writes, not those the starter gives word for word", () => {
  const starter =
    'import { AVERROR_EOF } from "avio";\n// given\nexport function read_packet(o: { n: number }): number {\n  return o.n;   // as is\n}\nexport function seek(): number {\n  return -22; // TODO\n}\nexport const seekable = 1;\n';
  const solution =
    'import { AVERROR_EOF } from "avio";\nexport function read_packet(o: { n: number }): number {\n  return o.n;\n}\n\nexport function seek(): number {\n  return 0;\n}\nexport const seekable = 0;\n';
  const { ranges, given } = learnerRanges(solution, starter);
  expect(ranges).toEqual([
    { start: 6, end: 8 },
    { start: 9, end: 9 },
  ]);
  expect(given).toEqual(["function read_packet"]);
});

const listPath = (id: string) => `test/exercise-mutants/${id}/equivalent.json`;
const listed = exerciseIds.filter((id) => existsSync(new URL(`../../${listPath(id)}`, import.meta.url)));

describe.each(listed)("equivalent mutants of %s", (id) => {
  const entries: Equivalent[] = JSON.parse(file(listPath(id)));
  const solution = file(`src/exercises/${id}/solution.ts`);
  const { ranges } = learnerRanges(solution, file(`src/exercises/${id}/starter.ts`));
  const lines = solution.split("\n");

  it("each names code the learner writes, says which kind, and why", () => {
    for (const e of entries) {
      expect(["equivalent", "unreachable"]).toContain(e.kind);
      expect(e.reason.length, JSON.stringify(e)).toBeGreaterThan(40);
      expect(e.mutator).toMatch(/^[A-Z][A-Za-z]+$/);
      const at = e.line ?? solution.slice(0, solution.indexOf(e.original)).split("\n").length;
      expect(solution.indexOf(e.original), `${e.original} in solution.ts`).toBeGreaterThanOrEqual(0);
      if (e.line !== undefined)
        expect(lines[e.line - 1], `line ${e.line}`).toContain(e.original.split("\n")[0]);
      expect(
        ranges.some((r) => r.start <= at && at <= r.end),
        `${e.original} is in code the learner writes`,
      ).toBe(true);
    }
  });
});
