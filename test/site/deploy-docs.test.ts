// docs/deploy.md is what a teacher follows to publish a copy: the GitHub Pages workflow it names
// must build with the repository's name as the base, upload dist/ and deploy it; the _headers file
// Netlify and Cloudflare Pages read must send the two isolation headers; the guide must be linked.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const ISOLATION = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

describe(".github/workflows/pages.yml", () => {
  const wf = parse(read(".github/workflows/pages.yml"), { strict: true, uniqueKeys: true });
  const build: Step[] = wf.jobs.build.steps;
  const at = (pred: (s: Step) => boolean) => build.findIndex(pred);

  it("runs on a push to main and by hand, with the permissions a Pages deployment needs", () => {
    expect(wf.on.push.branches).toEqual(["main"]);
    expect(wf.on).toHaveProperty("workflow_dispatch");
    expect(wf.permissions).toMatchObject({ contents: "read", pages: "write", "id-token": "write" });
  });

  it("installs, then builds with npm run build under the repository's path, then uploads dist/", () => {
    const pages = build[at((s) => !!s.uses?.startsWith("actions/configure-pages@"))]!;
    expect(pages.id).toBeDefined();
    const install = at((s) => s.run === "npm ci");
    const buildStep = at((s) => s.run === "npm run build");
    const upload = at((s) => !!s.uses?.startsWith("actions/upload-pages-artifact@"));
    expect(install).toBeGreaterThan(at((s) => s === pages));
    expect(buildStep).toBeGreaterThan(install);
    expect(upload).toBeGreaterThan(buildStep);
    // configure-pages's base_path is "/<repository>" on a project site ("" on a user site or domain).
    expect(build[buildStep]!.env).toEqual({ SITE_BASE: `\${{ steps.${pages.id}.outputs.base_path }}/` });
    expect(build[upload]!.with).toEqual({ path: "dist" });
    const setup = build.find((s) => s.uses?.startsWith("actions/setup-node@"))!;
    expect(String(setup.with!["node-version"])).toBe("22");
  });

  it("deploys the uploaded artifact after the build", () => {
    expect([wf.jobs.deploy.needs].flat()).toEqual(["build"]);
    expect(wf.jobs.deploy.environment.name).toBe("github-pages");
    const deploy = (wf.jobs.deploy.steps as Step[]).find((s) => s.uses?.startsWith("actions/deploy-pages@"))!;
    expect(wf.jobs.deploy.environment.url).toBe(`\${{ steps.${deploy.id}.outputs.page_url }}`);
  });

  it("the build script the workflow calls is the one that reads SITE_BASE", () => {
    const pkg = JSON.parse(read("package.json"));
    expect(pkg.scripts.build).toBe("node scripts/build.ts");
    expect(read("astro.config.mjs")).toMatch(/base: SITE_BASE/);
  });
});

describe("hosts that send the isolation headers", () => {
  it("public/_headers (Netlify, Cloudflare Pages) sends both on every path", () => {
    const lines = read("public/_headers").split("\n");
    expect(lines[0]).toBe("/*");
    const headers = Object.fromEntries(
      lines
        .slice(1)
        .filter((l) => l.trim())
        .map((l) => l.trim().split(/:\s*/, 2) as [string, string]),
    );
    expect(headers).toEqual(ISOLATION);
  });

  it("the nginx and Caddy snippets in docs/deploy.md send both", () => {
    const doc = read("docs/deploy.md");
    const blocks = Object.fromEntries(
      [...doc.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => [m[1], m[2]!]),
    );
    for (const [name, value] of Object.entries(ISOLATION)) {
      expect(blocks.nginx).toContain(`add_header ${name} ${value} always;`);
      expect(blocks.caddy).toContain(`header ${name} ${value}`);
    }
  });
});

describe("the guide", () => {
  it("is linked from the README and /teach/ in both languages, and names files that exist", () => {
    expect(read("README.md")).toContain("docs/deploy.md");
    for (const lang of ["en", "zh-cn"])
      expect(read(`src/views/teach/${lang}.mdx`)).toContain("`docs/deploy.md`");
    const doc = read("docs/deploy.md");
    for (const f of [
      ".github/workflows/pages.yml",
      "public/_headers",
      "src/site/course.ts",
      "scripts/build.ts",
      "test/browser/base-path.spec.ts",
    ]) {
      expect(doc).toContain(`\`${f}\``);
      expect(existsSync(new URL(`../../${f}`, import.meta.url)), f).toBe(true);
    }
    expect(doc).toContain("COURSE_TITLE");
    expect(read("src/site/course.ts")).toContain("export const COURSE_TITLE");
  });
});
