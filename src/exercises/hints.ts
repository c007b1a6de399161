// Graded hints: the exercise page reveals one after each failed Check, in order,
// before it offers the solution. Each points to the lesson section that teaches it.
import type { Text } from "./messages.ts";

export interface Hint {
  /** Lesson slug and the section's id on that page: "read-packet#errors". */
  section: `${string}#${string}`;
  /** Plain text in every language; `backticks` mark code. */
  text: Text;
}

/** Hint text as runs of prose and code (what the page renders as text and <code>). */
export function hintRuns(s: string): { code: boolean; text: string }[] {
  return s
    .split("`")
    .map((text, i) => ({ code: i % 2 === 1, text }))
    .filter((r) => r.text !== "");
}
