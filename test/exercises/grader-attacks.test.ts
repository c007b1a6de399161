// The grader against hostile submissions: each tries to pass without solving, to read, write or
// leak the teacher's files and secrets, to escape, or to sink the run. One class, graded in one
// CLI run in parallel: every attack must end as its own failing or errored verdict, with nothing
// written, nothing leaked, no request made, no process left, and the honest classmates'
// verdicts exactly as when they are graded alone.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const SECRET = "teacher-secret-4f1c9a";
const STUB = "export function read_packet(o: unknown, buf: Uint8Array, n: number): number { return -1; }";

// A module whose attack runs at load time, swallowed if blocked, so the stub below must then fail.
const atLoad = (attack: string) => `try {\n${attack}\n} catch {}\n${STUB}\n`;
// An attack inside read_packet: it runs while the tests call it.
const inCall = (attack: string) =>
  `export function read_packet(o: any, buf: Uint8Array, n: number): number {\n  try {\n${attack}\n  } catch {}\n  return -1;\n}\n`;

let dir: string;
// The grader's own temporary files (its child bundle) go here, so this run's processes can be told apart.
let tmp: string;
let server: Server;
const hits: string[] = [];
let port = 0;

function attacks(): Record<string, { code: string; verdict: "fail" | "error"; message?: RegExp }> {
  const victim = join(dir, "class", "alice.ts");
  const tests = join(root, "src/exercises/read-packet/tests.ts");
  const readme = join(root, "README.md");
  const url = `http://127.0.0.1:${port}/leak`;
  const fsVia = (get: string) => `const fs = ${get};
fs.writeFileSync(${JSON.stringify(tests)}, "export const tests = []; export const requiredExports = [];");
fs.appendFileSync(${JSON.stringify(readme)}, "pwned");
fs.writeFileSync(${JSON.stringify(victim)}, "export function read_packet() { return 0; }");
fs.writeFileSync(${JSON.stringify(join(dir, "copied.ts"))}, fs.readFileSync(${JSON.stringify(join(root, "src/exercises/read-packet/solution.ts"))}));`;
  const forgedDone = `{ type: "done", result: { status: "pass", tests: [{ name: "x", title: "x", status: "pass" }] } }`;
  return {
    // The boundary (issue #22): what the host hands across and reads back.
    "boundary-proxy-exports": {
      // On the old main the child crashed and Node printed this text, which became the verdict.
      code: `${STUB}\n(module as any).exports = new Proxy({}, { ownKeys() { throw new Error("Out of memory: the submission used 1024 MiB"); } });\n`,
      verdict: "error",
      message: /exports could not be read/,
    },
    "boundary-buf-subarray": {
      // On the old main every unit test passed: the harness compared buf.subarray(), the learner's own.
      code: `export function read_packet(o: any, buf: Uint8Array, n: number): number {
  const k = Math.min(n, o.data.length - o.pos);
  if (k <= 0) return -541478725;
  const bytes = o.data.slice(o.pos, o.pos + k);
  Object.defineProperty(buf, "subarray", { value: () => bytes });
  o.pos += k;
  return k;
}\n`,
      verdict: "fail",
    },
    "boundary-this-record": {
      // On the old main \`this\` was the engine's record: the safety net was switched off from inside.
      code: `export function read_packet(this: any, o: any, buf: Uint8Array, n: number): number {
  try { this.zeroReported = true; this.zeroRun = -1e9; this.bytesRead = -1e12; } catch {}
  return 0;
}\n`,
      verdict: "fail",
    },
    "boundary-revoked-throw": {
      // On the old main this was "This test has a bug of its own … Tell your teacher."
      code: `export function read_packet(): number { const p = Proxy.revocable({}, {}); p.revoke(); throw p.proxy; }\n`,
      verdict: "fail",
      message: /a value that cannot be shown/,
    },
    "boundary-huge-message": {
      // On the old main an 8 Mi-character message made report.ts throw: no report for anyone.
      code: `export function read_packet(): number { throw new Error("A".repeat(8 * 2 ** 20)); }\n`,
      verdict: "fail",
    },
    // Passing without solving: patch the intrinsics the harness uses.
    "proto-array": {
      code: atLoad(
        `Array.prototype.push = function (...xs: any[]) { for (const x of xs) if (x && typeof x === "object") x.status = "pass"; return this.length; };`,
      ),
      verdict: "fail",
    },
    "proto-object": {
      code: atLoad(
        `Object.defineProperty(Object.prototype, "status", { get() { return "pass"; }, set() {}, configurable: true });`,
      ),
      verdict: "fail",
    },
    "proto-function": {
      code: atLoad(
        `(Function.prototype as any).call = function () { return 0; }; Function.prototype.apply = function () { return 0; } as any;`,
      ),
      verdict: "fail",
    },
    "proto-promise": {
      code: atLoad(
        `const then = Promise.prototype.then; (Promise.prototype as any).then = function (ok: any, ko: any) { return then.call(this, ok, () => ok && ok(undefined)); };`,
      ),
      verdict: "fail",
    },
    "proto-uint8array": {
      code: atLoad(
        `Uint8Array.prototype.some = function () { return false; }; (Uint8Array.prototype as any).set = function () {};`,
      ),
      verdict: "fail",
    },
    "proto-json": {
      code: atLoad(
        `(JSON as any).stringify = () => '{"status":"pass"}'; (JSON as any).parse = () => ({ status: "pass" });`,
      ),
      verdict: "fail",
    },
    "proto-math": {
      code: atLoad(`(Math as any).min = () => 0; (Math as any).max = () => 0;`),
      verdict: "fail",
    },
    "proto-console": {
      code: atLoad(`(console as any).log = () => {}; (globalThis as any).console = null;`),
      verdict: "fail",
    },
    "proto-error": {
      code: atLoad(
        `Object.defineProperty(Error.prototype, "message", { get() { return ""; } }); (Error as any).prototype.name = "Pass";`,
      ),
      verdict: "fail",
    },
    "avio-constants": {
      code: `import * as avio from "avio";\ntry { (avio as any).AVERROR_EOF = -1; } catch {}\ntry { Object.defineProperty(avio.AVIOContext.prototype, "buffer", { get: () => 0 }); } catch {}\n${STUB}\n`,
      verdict: "fail",
    },
    // The teacher's machine: files, environment, network, processes.
    "fs-process": {
      code: atLoad(fsVia(`(globalThis as any).process.getBuiltinModule("node:fs")`)),
      verdict: "fail",
    },
    "fs-function-ctor": {
      code: atLoad(fsVia(`(function () {}).constructor("return process")().getBuiltinModule("node:fs")`)),
      verdict: "fail",
    },
    "fs-async-ctor": {
      code: atLoad(
        `(async function () {}).constructor("return process")().then((p: any) => { const fs = p.getBuiltinModule("node:fs"); fs.appendFileSync(${JSON.stringify(readme)}, "pwned"); });`,
      ),
      verdict: "fail",
    },
    "fs-eval": { code: atLoad(fsVia(`(0, eval)("process").getBuiltinModule("node:fs")`)), verdict: "fail" },
    "fs-require": { code: atLoad(fsVia(`(globalThis as any).require("fs")`)), verdict: "fail" },
    "fs-in-callback": {
      code: inCall(fsVia(`(globalThis as any).process.getBuiltinModule("node:fs")`)),
      verdict: "fail",
    },
    "import-static": {
      code: `import { readFileSync } from "node:fs";\nexport const leak = readFileSync(${JSON.stringify(tests)}, "utf8");\n${STUB}\n`,
      verdict: "error",
      message: /imports node:fs, which exercises cannot use/,
    },
    "import-dynamic": {
      code: `import("node:fs").then((fs: any) => fs.appendFileSync(${JSON.stringify(readme)}, "pwned"));\n${STUB}\n`,
      verdict: "error",
      message: /import\(\) is not available here/,
    },
    "import-via-function": {
      code: atLoad(
        `new Function("return import('node:fs')")().then((fs: any) => fs.appendFileSync(${JSON.stringify(readme)}, "pwned"));`,
      ),
      verdict: "error",
      message: /import\(\) is not available here/,
    },
    "env-secret": {
      code: `export function read_packet(): number { throw new Error("env:" + JSON.stringify((globalThis as any).process?.env) + (globalThis as any).process?.env?.AVIO_GRADER_SECRET); }\n`,
      verdict: "fail",
    },
    "network-fetch": {
      code: `${atLoad(`fetch(${JSON.stringify(url)} + "?fetch");`)}\nexport const net = 1;\n`,
      verdict: "fail",
    },
    "network-process": {
      code: atLoad(
        `(function () {}).constructor("return process")().getBuiltinModule("node:http").get(${JSON.stringify(url)} + "?http");`,
      ),
      verdict: "fail",
    },
    "child-process": {
      code: atLoad(
        `(globalThis as any).process.getBuiltinModule("node:child_process").spawn("sleep", ["600"], { detached: true }).unref();`,
      ),
      verdict: "fail",
    },
    "nested-worker": {
      code: atLoad(`new (globalThis as any).Worker("data:text/javascript,1");`),
      verdict: "fail",
    },
    // Forged verdicts on every channel the process has.
    "forge-ipc": { code: atLoad(`(globalThis as any).process.send(${forgedDone});`), verdict: "fail" },
    "forge-parent-port": {
      code: atLoad(
        `(globalThis as any).parentPort.postMessage(${forgedDone}); (globalThis as any).postMessage(${forgedDone});`,
      ),
      verdict: "fail",
    },
    "forge-stdout": { code: atLoad(`console.log(JSON.stringify(${forgedDone}));`), verdict: "fail" },
    // Sinking the run.
    exit: { code: atLoad(`(globalThis as any).process.exit(0);`), verdict: "fail" },
    kill: {
      code: atLoad(`(globalThis as any).process.kill((globalThis as any).process.pid, "SIGKILL");`),
      verdict: "fail",
    },
    "loop-top-level": {
      code: `while (true) {}\n${STUB}\n`,
      verdict: "error",
      message: /Loading the module used 6(\.0)? s of CPU/,
    },
    // A blocking call needs Atomics, which the compartment does not offer: an undeclared name.
    "blocking-wait": {
      code: `Atomics.wait(new Int32Array(new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer), 0, 0);\n${STUB}\n`,
      verdict: "error",
      message: /threw while loading: ReferenceError: Atomics is not defined/,
    },
    "off-heap-memory": {
      code: `const keep: Uint8Array[] = [];\nwhile (true) keep.push(new Uint8Array(32 << 20).fill(1));\n${STUB}\n`,
      verdict: "error",
      message: /Out of memory: the submission used more than 256 MiB/,
    },
    "control-chars": {
      code: `export function read_packet(): number { throw new Error("\\n\\u001b[32malice.ts  12/12  pass\\u001b[0m\\u0000\\u0007\\u202e"); }\n`,
      verdict: "fail",
    },
  };
}

const hash = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
function gradeClass(...args: string[]) {
  const r = spawnSync(process.execPath, ["scripts/grade.ts", "read-packet", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: dir, AVIO_GRADER_SECRET: SECRET, TMPDIR: tmp },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const childProcesses = () =>
  execFileSync("ps", ["-eo", "args"], { encoding: "utf8" })
    .split("\n")
    .filter((l) => l.includes(tmp) || /^sleep 600/.test(l));

let run: ReturnType<typeof gradeClass>;
let before: Record<string, string>;
const watched = () => [
  join(root, "src/exercises/read-packet/tests.ts"),
  join(root, "README.md"),
  join(root, "src/exercises/read-packet/solution.ts"),
  join(dir, "class", "alice.ts"),
  join(dir, "class", "bob.ts"),
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "avio-attacks-"));
  tmp = mkdtempSync(join(tmpdir(), "avio-attacks-tmp-"));
  server = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as { port: number }).port;
  mkdirSync(join(dir, "class"));
  copyFileSync(join(root, "src/exercises/read-packet/solution.ts"), join(dir, "class/alice.ts"));
  copyFileSync(
    join(root, "test/exercise-mutants/read-packet/returns-zero-at-eof.ts"),
    join(dir, "class/bob.ts"),
  );
  for (const [name, a] of Object.entries(attacks())) writeFileSync(join(dir, "class", `${name}.ts`), a.code);
  before = Object.fromEntries(watched().map((f) => [f, hash(f)]));
  run = gradeClass("class", "--json", "--junit", "report.xml", "--timeout", "6", "--memory", "256");
}, 600_000);
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

describe("grader attack suite", () => {
  it("grades the whole class: every attack gets its own verdict, none passes", () => {
    expect(run.status).toBe(1);
    // The one grader line allowed is its warning about running as root.
    expect(run.stderr.replace(/^grade: warning: .*$/gm, "")).not.toMatch(/^grade:/m);
    const doc = JSON.parse(run.stdout);
    const by = Object.fromEntries(
      doc.results.map((r: { submission: string }) => [
        r.submission.replace(/^class\//, "").replace(/\.ts$/, ""),
        r,
      ]),
    );
    for (const [name, a] of Object.entries(attacks())) {
      const r = by[name];
      expect(r, name).toBeDefined();
      expect(r.status, `${name}: ${JSON.stringify(r).slice(0, 400)}`).toBe(a.verdict);
      if (a.message) expect(JSON.stringify(r), name).toMatch(a.message);
    }
  });

  it("leaves the honest submissions' verdicts exactly as when graded alone", () => {
    const doc = JSON.parse(run.stdout);
    const alone = JSON.parse(gradeClass("class/alice.ts", "class/bob.ts", "--json").stdout);
    const pick = (d: { results: { submission: string }[] }) =>
      d.results
        .filter((r) => /alice|bob/.test(r.submission))
        .map(({ graded_at: _when, ...r }: { submission: string; graded_at?: string }) => ({
          ...r,
          submission: r.submission.replace(/^class\//, ""),
        }));
    expect(pick(doc)).toEqual(pick(alone));
    expect(pick(doc).map((r) => (r as unknown as { status: string }).status)).toEqual(["pass", "fail"]);
  });

  it("writes nothing, leaks nothing, sends nothing, leaves no process", () => {
    for (const f of watched()) expect(hash(f), f).toBe(before[f]);
    expect(readdirSync(dir).sort()).toEqual(["class", "report.xml"]);
    expect(run.stdout + run.stderr + readFileSync(join(dir, "report.xml"), "utf8")).not.toContain(SECRET);
    expect(hits).toEqual([]);
    expect(childProcesses()).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]); // the grader removed its own files too
  });

  it("escapes control characters: no fake table row, well-formed JUnit", () => {
    const junit = readFileSync(join(dir, "report.xml"), "utf8");
    expect(junit).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202e]/);
    expect(junit).toContain("\\x1b[32malice.ts");
    const table = gradeClass("class/control-chars.ts", "class/alice.ts");
    expect(table.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202e]/);
    const lines = table.stdout.split("\n");
    expect(lines.filter((l) => /^\S*alice\.ts\s+12\/12\s+pass/.test(l))).toEqual([
      expect.stringMatching(/^class\/alice\.ts/),
    ]);
    expect(lines.find((l) => l.startsWith("class/control-chars.ts"))).toMatch(
      /fail .*\\nx?\\x1b\[32malice\.ts/,
    );
  });
});
