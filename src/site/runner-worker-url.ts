// Starts the runner worker. Vite sees the literal URL and bundles the worker with its imports.
export function createRunnerWorker(): Worker {
  return new Worker(new URL("./runner-worker.ts", import.meta.url), { type: "module", name: "avio-runner" });
}
