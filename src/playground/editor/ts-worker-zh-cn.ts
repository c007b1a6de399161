// The editor's TypeScript worker for zh-cn pages: the same worker, with Chinese diagnostics.
// Import order is evaluation order: the messages are set before ts-worker.ts builds its environment.
import "./ts-locale-zh-cn.ts";
import "./ts-worker.ts";
