import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  OFFICE_JS_CDN,
  checkOfficeJsReferences,
  manifestPages,
  officeJsSources,
} from "../../scripts/manifest/office-js";

const repo = resolve(__dirname, "../..");
const manifest = readFileSync(join(repo, "manifest.xml"), "utf8");
/** The manifest as deployed: every localhost URL pointed at the production host. */
const deployed = manifest.replaceAll("https://localhost:3000", "https://runsheet.example.com");

/** A dist folder whose task pane and function file load office.js from `src` (minified, unquoted). */
function dist(src: string, pages = ["taskpane.html", "commands.html"]): string {
  const dir = mkdtempSync(join(tmpdir(), "runsheet-dist-"));
  mkdirSync(dir, { recursive: true });
  for (const page of pages)
    writeFileSync(join(dir, page), `<!doctype html><title>RunSheet</title><script src=${src}></script>`);
  return dir;
}

describe("office.js reference of the distributed pages", () => {
  it("the add-in pages are the task pane and the function file, not the support page", () => {
    expect(manifestPages(manifest)).toEqual(["/commands.html", "/taskpane.html"]);
  });

  it("reads script sources quoted or not, and only office.js ones", () => {
    expect(
      officeJsSources(
        `<script src="a.js"></script><script type="text/javascript" src='assets/office/office.js'></script><script src=${OFFICE_JS_CDN}>`,
      ),
    ).toEqual(["assets/office/office.js", OFFICE_JS_CDN]);
    expect(officeJsSources('<script src="not-office.json"></script>')).toEqual([]);
  });

  it("accepts pages that load the CDN copy", () => {
    expect(checkOfficeJsReferences(deployed, dist(OFFICE_JS_CDN))).toEqual([]);
  });

  it("rejects a local copy, a missing page and a page without office.js", () => {
    expect(checkOfficeJsReferences(deployed, dist("assets/office/office.js")).map((p) => p.message)).toEqual([
      expect.stringContaining('/commands.html loads office.js from "assets/office/office.js"'),
      expect.stringContaining('/taskpane.html loads office.js from "assets/office/office.js"'),
    ]);
    expect(checkOfficeJsReferences(deployed, dist(OFFICE_JS_CDN, ["taskpane.html"])).map((p) => p.message)).toEqual([
      expect.stringContaining("/commands.html is not in"),
    ]);
    const bare = dist(OFFICE_JS_CDN);
    writeFileSync(join(bare, "commands.html"), "<!doctype html><title>x</title>");
    expect(checkOfficeJsReferences(deployed, bare).map((p) => p.message)).toEqual([
      expect.stringContaining("/commands.html does not load office.js"),
    ]);
  });

  it("`validate --production --dist` exits 0 on a CDN build and 1 on a local-copy build", () => {
    const dir = mkdtempSync(join(tmpdir(), "runsheet-deployed-"));
    writeFileSync(join(dir, "manifest.xml"), deployed);
    mkdirSync(join(dir, "src", "commands"), { recursive: true });
    writeFileSync(join(dir, "src", "commands", "commands.ts"), readFileSync(join(repo, "src/commands/commands.ts")));
    const run = (distDir: string) =>
      spawnSync(
        process.execPath,
        [
          join(repo, "node_modules", "tsx", "dist", "cli.mjs"),
          join(repo, "scripts", "validate-manifest.ts"),
          join(dir, "manifest.xml"),
          "--production",
          "--dist",
          distDir,
        ],
        { encoding: "utf8", cwd: repo },
      );
    const good = run(dist(OFFICE_JS_CDN));
    expect(good.stdout).toMatch(/manifest is valid/);
    expect(good.status).toBe(0);
    const bad = run(dist("assets/office/office.js"));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/must reference Microsoft's CDN/);
  });
});

describe("webpack: which office.js each build references", () => {
  type Plugin = { constructor: { name: string }; userOptions?: Record<string, unknown>; patterns?: unknown[] };
  const config = (env: Record<string, string>, mode: string) => {
    const load = createRequire(__filename)(join(repo, "webpack.config.js")) as (
      e: Record<string, string>,
      a: { mode: string },
    ) => { plugins: Plugin[] };
    const plugins = load(env, { mode }).plugins;
    const pages = plugins
      .filter((p) => p.constructor.name === "HtmlWebpackPlugin" && p.userOptions?.templateParameters)
      .map((p) => [p.userOptions?.filename, (p.userOptions?.templateParameters as { officeJs: string }).officeJs]);
    const copied = plugins
      .filter((p) => p.constructor.name === "CopyPlugin")
      .flatMap((p) => (p.patterns ?? []) as { to?: string }[])
      .some((pattern) => pattern.to === "assets/office/");
    return { pages, copied };
  };

  it("production (npm run build) loads the CDN and ships no copy", () => {
    expect(config({}, "production")).toEqual({
      pages: [
        ["taskpane.html", OFFICE_JS_CDN],
        ["commands.html", OFFICE_JS_CDN],
      ],
      copied: false,
    });
  });

  it("development and --env officeJs=local (tests, playground) keep the local copy", () => {
    for (const built of [config({}, "development"), config({ officeJs: "local" }, "production")]) {
      expect(built.pages.map(([, src]) => src)).toEqual(["assets/office/office.js", "assets/office/office.js"]);
      expect(built.copied).toBe(true);
    }
  });
});
