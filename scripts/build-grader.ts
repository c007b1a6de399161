// npm run build:grader [-- --out DIR] [--pack]
// Writes dist-grader/: the teacher's grader as plain files, runnable from any folder with
// `node dist-grader/grade.mjs …` on Node >= 22 — the same CLI and reports as `npm run grade`,
// without node_modules. Inside: grade.mjs (scripts/grade.ts with every exercise's tests, bundled),
// passed.mjs (scripts/grade-passed.ts: one test of a report as an exit code, for Classroom),
// children/<id>.mjs (each exercise's grading child, bundled ahead of time), wasm/dist/ (the
// engine), src/media/ (every exercise medium, hidden ones too), src/exercises/<id>/starter*.ts
// (what "unchanged" compares with), src/exercises/report.schema.json (the --json schema) and
// typescript/lib/lib.*.d.ts (the libs the type check reads, nothing else of TypeScript's package). The
// layout below dist-grader/ is the repository's, so every module finds its files where it does in
// the repository.
// --pack also writes avio-grader.tar.gz beside the folder and prints its SHA-256: what a teacher
// publishes (a release asset) and pins in the CI recipes (docs/ci/).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type Plugin, build } from "esbuild";
import { exerciseIds } from "../src/exercises/catalog.ts";
import { childBuildOptions, keepImportMetaUrl } from "../src/exercises/grade-child-build.ts";
import { typecheckLibNames } from "../src/exercises/typecheck-node.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const { values } = parseArgs({ options: { out: { type: "string" }, pack: { type: "boolean" } } });
const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out ?? join(root, "dist-grader"));
const src = (p: string) => join(root, p);
const posix = (p: string) => p.split(sep).join("/");

/**
 * Each module's import.meta.url becomes its repository path resolved against the bundle's own
 * place in dist-grader/ (`up` climbs from the bundle's folder to dist-grader/).
 */
const located = (up: string) =>
  keepImportMetaUrl(
    (file) => `new URL(${JSON.stringify(up + posix(relative(root, file)))}, import.meta.url).href`,
  );

/** The exercises as static imports: the bundle reads no folder to find them. */
function catalogModule(): string {
  const names = exerciseIds.map((id, i) => `  ${JSON.stringify(id)}: e${i},`).join("\n");
  return `${exerciseIds
    .map((id, i) => `import * as e${i} from ${JSON.stringify(src(`src/exercises/${id}/tests.ts`))};`)
    .join("\n")}
import { guardAuthoring } from ${JSON.stringify(src("src/exercises/harness.ts"))};
const modules = {
${names}
};
/** Every exercise, in course order (as src/exercises/catalog.ts listed them when the bundle was built). */
export const exerciseIds = Object.freeze(${JSON.stringify(exerciseIds)});
export function isExerciseId(id) {
  return Object.hasOwn(modules, id);
}
export async function loadExercise(id) {
  if (!isExerciseId(id)) throw new Error(\`unknown exercise "\${id}"\`);
  return guardAuthoring(modules[id]);
}
`;
}

/** The host's stand-ins: the static catalog, the prebuilt children, no esbuild for helper files. */
const standIns: Plugin = {
  name: "grader-dist",
  setup(b) {
    const swap: Record<string, string> = {
      [src("src/exercises/grade-child-build.ts")]: src("scripts/grader-dist/children.ts"),
      [src("src/exercises/grade-bundle.ts")]: src("scripts/grader-dist/no-helpers.ts"),
      [src("src/exercises/typecheck-lib-dir.ts")]: src("scripts/grader-dist/typecheck-lib-dir.ts"),
    };
    b.onResolve({ filter: /\.ts$/ }, (a) => {
      if (!a.resolveDir) return undefined;
      const full = resolve(a.resolveDir, a.path);
      if (full === src("src/exercises/catalog.ts")) return { path: full, namespace: "grader-catalog" };
      return swap[full] ? { path: swap[full] } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: "grader-catalog" }, () => ({
      contents: catalogModule(),
      loader: "js",
      resolveDir: src("src/exercises"),
    }));
  },
};

// CommonJS packages bundled into ESM (TypeScript, cli-progress, sucrase) still call require() for
// Node's modules and read __filename (TypeScript's file-system probe).
const banner = {
  js: [
    'import { createRequire as __avioCreateRequire } from "node:module";',
    'import { fileURLToPath as __avioPath } from "node:url";',
    "const require = __avioCreateRequire(import.meta.url);",
    "const __filename = __avioPath(import.meta.url);",
    'const __dirname = __avioPath(new URL(".", import.meta.url));',
  ].join("\n"),
};
// Minified (names kept: error texts and stack traces still name the grader's functions).
const small = { minify: true, keepNames: true, banner } as const;
const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  logLevel: "error",
  ...small,
} as const;

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "children"), { recursive: true });

// Older Node has no (or another) permission model: every child would fail to start.
const nodeCheck = `if (Number(process.versions.node.split(".")[0]) < 22) { process.stderr.write("grade: this grader needs Node 22 or newer (this is Node " + process.versions.node + ")\\n"); process.exit(3); }`;
await build({
  ...common,
  banner: { js: `${banner.js}\n${nodeCheck}` },
  entryPoints: [src("scripts/grade.ts")],
  outfile: join(out, "grade.mjs"),
  plugins: [standIns, located("")],
});
await build({
  ...common,
  entryPoints: [src("scripts/grade-passed.ts")],
  outfile: join(out, "passed.mjs"),
  plugins: [located("")],
});
for (const id of exerciseIds)
  await build({
    ...childBuildOptions(id, [located("../")]),
    ...small,
    outfile: join(out, "children", `${id}.mjs`),
  });

mkdirSync(join(out, "wasm/dist"), { recursive: true });
copyFileSync(src("wasm/dist/avio-engine.wasm"), join(out, "wasm/dist/avio-engine.wasm"));
cpSync(src("src/media"), join(out, "src/media"), { recursive: true });
// The report's schema, which --help names (src/exercises/report.schema.json).
mkdirSync(join(out, "src/exercises"), { recursive: true });
copyFileSync(src("src/exercises/report.schema.json"), join(out, "src/exercises/report.schema.json"));
for (const id of exerciseIds) {
  mkdirSync(join(out, "src/exercises", id), { recursive: true });
  for (const name of ["starter.ts", "starter.zh-cn.ts"])
    if (existsSync(src(`src/exercises/${id}/${name}`)))
      copyFileSync(src(`src/exercises/${id}/${name}`), join(out, "src/exercises", id, name));
}
// TypeScript's lib .d.ts files the type check reads (typecheck-node.ts), and only those, in
// typescript/lib/ (scripts/grader-dist/typecheck-lib-dir.ts): the checker is bundled into grade.mjs.
mkdirSync(join(out, "typescript/lib"), { recursive: true });
for (const name of typecheckLibNames())
  copyFileSync(src(`node_modules/typescript/lib/${name}`), join(out, "typescript/lib", name));
const commit = spawnSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim();
writeFileSync(
  join(out, "README.txt"),
  `avio-workbook grader, built from commit ${commit || "unknown"}.\nRun: node ${basename(out)}/grade.mjs --help (Node 22 or newer; nothing to install).\nExercises: ${exerciseIds.join(", ")}\n`,
);
process.stderr.write(`build:grader: wrote ${out}\n`);

if (values.pack) {
  // A tarball whose bytes depend only on the files: sorted names, no owners, no times.
  const tarball = join(dirname(out), "avio-grader.tar.gz");
  const tar = spawnSync(
    "tar",
    ["--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner", "-cf", "-", basename(out)],
    { cwd: dirname(out), maxBuffer: 1 << 30, env: { ...process.env, GZIP: "-n" } },
  );
  if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
  const gz = spawnSync("gzip", ["-9n"], { input: tar.stdout, maxBuffer: 1 << 30 });
  if (gz.status !== 0) throw new Error(`gzip failed: ${gz.stderr}`);
  writeFileSync(tarball, gz.stdout);
  const sha = createHash("sha256").update(readFileSync(tarball)).digest("hex");
  process.stdout.write(`${sha}  ${basename(tarball)}\n`);
  process.stderr.write(
    `build:grader: upload ${tarball} to a release of your course repository; put its URL and this SHA-256 into the workflow (GRADER_URL, GRADER_SHA256)\n`,
  );
}
