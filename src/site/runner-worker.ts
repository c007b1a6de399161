// Entry point of the playground's runner worker: the playground's Run loop with the exercises'
// Check plugged in. It lives at the site layer because it joins the two.
import { gradeInWorker } from "../exercises/grade-in-worker.ts";
import { serveRunner } from "../playground/worker.ts";

serveRunner(gradeInWorker);
