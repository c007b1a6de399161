// TypeScript's own diagnostics in Chinese, from the translations the typescript package ships
// (lib/zh-cn). TypeScript looks a message up when it creates the diagnostic (parsing included),
// so they must be in place before the first file is checked.
import ts from "typescript";

/** The zh-cn messages, as a file of the build (fetched only by zh-cn pages' editor worker). */
export { default as ZH_CN_MESSAGES_URL } from "typescript/lib/zh-cn/diagnosticMessages.generated.json?url";

/** From now on TypeScript words its diagnostics with `messages` (key → text, TypeScript's format). */
export function useTypeScriptMessages(messages: Record<string, string>): void {
  // Exported by typescript.js (tsserver uses it for --locale), though not in its .d.ts.
  (
    ts as unknown as { setLocalizedDiagnosticMessages(m: Record<string, string>): void }
  ).setLocalizedDiagnosticMessages(messages);
}
