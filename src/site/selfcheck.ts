// Helpers of <SelfCheck>: inline `code` in question text, and a stable id per quiz.

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Escapes text and turns `backtick spans` into <code> elements. */
export function inlineCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

/** A deterministic id from the questions, so builds are reproducible and two quizzes differ. */
export function selfCheckId(questions: readonly { q: string }[]): string {
  const text = questions.map((q) => q.q).join("\n");
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
  return `sc-${(h >>> 0).toString(36)}`;
}
