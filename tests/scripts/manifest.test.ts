import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkManifestStructure, pngSize } from "../../scripts/manifest/structure";
import { validateAgainstXsd } from "../../scripts/manifest/xsd";

const repo = resolve(__dirname, "../..");
const manifest = readFileSync(join(repo, "manifest.xml"), "utf8");
const xsdDir = resolve(repo, "..", "shared", "office-manifest-xsd");

/** A throwaway project folder with the real icons and a commands file registering both functions. */
function project(
  commands = 'Office.actions.associate("validateRuns", a);\nOffice.actions.associate("markBestRun", b);\n',
): string {
  const dir = mkdtempSync(join(tmpdir(), "runsheet-manifest-"));
  mkdirSync(join(dir, "assets"));
  for (const f of readdirSync(join(repo, "assets")).filter((f) => f.endsWith(".png"))) {
    copyFileSync(join(repo, "assets", f), join(dir, "assets", f));
  }
  mkdirSync(join(dir, "src", "commands"), { recursive: true });
  writeFileSync(join(dir, "src", "commands", "commands.ts"), commands);
  return dir;
}

const errorsOf = (xml: string, dir = project()) =>
  checkManifestStructure(xml, { rootDir: dir }).filter((p) => p.severity === "error");

describe("manifest structure", () => {
  it("accepts the project's manifest", () => {
    expect(errorsOf(manifest)).toEqual([]);
  });

  it("fails on a missing icon file", () => {
    const dir = project();
    const broken = manifest.replace("assets/icon-80.png", "assets/icon-81.png");
    const errors = errorsOf(broken, dir);
    expect(errors.some((e) => e.message.includes("icon-81.png") && e.message.includes("does not exist"))).toBe(true);
  });

  it("fails on an icon whose pixels do not match the declared size", () => {
    const broken = manifest.replace(
      'id="RunSheet.Icon.80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
      'id="RunSheet.Icon.80" DefaultValue="https://localhost:3000/assets/icon-64.png"',
    );
    const errors = errorsOf(broken);
    expect(errors.map((e) => e.message)).toContainEqual(
      expect.stringContaining("is 64x64 px but is declared as 80x80"),
    );
  });

  it("fails on a resid that is not defined, with its line", () => {
    const broken = manifest.replace('<Label resid="RunSheet.Group.Label"/>', '<Label resid="RunSheet.Group.Lable"/>');
    const errors = errorsOf(broken);
    const e = errors.find((x) => x.message.includes("RunSheet.Group.Lable"));
    expect(e?.message).toContain("refers to no resource");
    expect(e?.line).toBe(broken.split("\n").findIndex((l) => l.includes("RunSheet.Group.Lable")) + 1);
  });

  it("fails on a resid defined in the wrong resource kind", () => {
    const broken = manifest.replace(
      '<Label resid="RunSheet.Group.Label"/>',
      '<Label resid="RunSheet.ShowTaskpane.Tooltip"/>',
    );
    expect(errorsOf(broken).map((e) => e.message)).toContainEqual(
      expect.stringContaining("needs a resource in bt:ShortStrings"),
    );
  });

  it("fails on duplicate control ids", () => {
    const broken = manifest.replace('id="RunSheet.MarkBestRun"', 'id="RunSheet.ValidateRuns"');
    expect(errorsOf(broken).map((e) => e.message)).toContainEqual(
      expect.stringContaining('id "RunSheet.ValidateRuns" is used by two'),
    );
  });

  it("fails on http URLs and, in production, on localhost", () => {
    const http = manifest.replace("https://localhost:3000/taskpane.html", "http://localhost:3000/taskpane.html");
    expect(errorsOf(http).map((e) => e.message)).toContainEqual(expect.stringContaining("must use https"));
    const prod = checkManifestStructure(manifest, { rootDir: project(), production: true }).filter(
      (p) => p.severity === "error",
    );
    expect(prod.some((e) => e.message.includes("points at localhost"))).toBe(true);
  });

  it("fails when an ExecuteFunction name is not registered in src/commands", () => {
    const errors = errorsOf(manifest, project('Office.actions.associate("validateRuns", a);\n'));
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('function "markBestRun" is not registered')]);
  });

  it("fails when ExecuteFunction has no FunctionFile", () => {
    const broken = manifest.replace('<FunctionFile resid="RunSheet.Commands.Url"/>', "");
    expect(errorsOf(broken).map((e) => e.message)).toContainEqual(expect.stringContaining("needs a <FunctionFile"));
  });

  it("reads PNG sizes and rejects non-PNG bytes", () => {
    expect(pngSize(readFileSync(join(repo, "assets", "icon-128.png")))).toEqual({ width: 128, height: 128 });
    expect(pngSize(new TextEncoder().encode("not a png at all, really not"))).toBeNull();
  });

  it("finds the function names the real commands file registers", async () => {
    const { registeredFunctionNames } = await import("../../scripts/manifest/structure");
    const names = registeredFunctionNames(repo);
    expect([...names].sort()).toEqual(expect.arrayContaining(["markBestRun", "validateRuns"]));
  });
});

describe.runIf(existsSync(xsdDir))("manifest XSD (../shared/office-manifest-xsd)", () => {
  it("accepts the project's manifest", async () => {
    expect(await validateAgainstXsd(manifest, xsdDir)).toEqual([]);
  });

  it("rejects a manifest whose elements are out of schema order", async () => {
    const broken = manifest
      .replace("<ProviderName>RunSheet</ProviderName>", "")
      .replace(
        "<DefaultLocale>en-US</DefaultLocale>",
        "<DefaultLocale>en-US</DefaultLocale>\n  <ProviderName>RunSheet</ProviderName>",
      );
    const problems = await validateAgainstXsd(broken, xsdDir);
    expect(problems?.length).toBeGreaterThan(0);
    expect(problems?.[0]?.message).toMatch(/XSD: .*ProviderName/);
  });
});

describe("npm run validate (the script)", () => {
  const run = (manifestPath: string) =>
    spawnSync(
      process.execPath,
      [
        join(repo, "node_modules", "tsx", "dist", "cli.mjs"),
        join(repo, "scripts", "validate-manifest.ts"),
        manifestPath,
      ],
      {
        encoding: "utf8",
        cwd: repo,
      },
    );

  it("exits 0 on the project's manifest and 1 with the line of a bad resid", () => {
    const good = run(join(repo, "manifest.xml"));
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/manifest is valid/);
    const dir = project();
    writeFileSync(
      join(dir, "manifest.xml"),
      manifest.replace('<Label resid="RunSheet.Group.Label"/>', '<Label resid="Nope"/>'),
    );
    const bad = run(join(dir, "manifest.xml"));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/error: manifest\.xml:\d+ <Label resid="Nope"> refers to no resource/);
  });

  it("exits 2 when the manifest cannot be read", () => {
    expect(run(join(tmpdir(), "no-such-dir", "manifest.xml")).status).toBe(2);
  });
});
