// The bench's runner worker: the playground's Run loop as the site starts it, without Check
// (the bench measures Runs; exercise media are bundled by Vite only).
import { serveRunner } from "../../src/playground/worker.ts";

serveRunner(async () => null);
