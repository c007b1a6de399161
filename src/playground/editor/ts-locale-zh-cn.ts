// TypeScript's own diagnostics in Chinese, from the translations the typescript package ships
// (lib/zh-cn). Imported before ts-worker.ts by ts-worker-zh-cn.ts: TypeScript looks the text up
// when it creates a diagnostic, so the messages must be in place before the first check.
import ts from "typescript";
import messages from "typescript/lib/zh-cn/diagnosticMessages.generated.json";

// Exported by typescript.js (tsserver uses it for --locale), though not in its .d.ts.
(
  ts as unknown as { setLocalizedDiagnosticMessages(m: Record<string, string>): void }
).setLocalizedDiagnosticMessages(messages);
