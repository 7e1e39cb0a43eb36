/**
 * The layering (ARCHITECTURE.md) is enforced by ESLint; these tests prove the rules bite, by linting
 * small sources as if they lived in each layer.
 */
import { resolve } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: resolve(__dirname, "../..") });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(__dirname, "../..", filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? "fatal");
}

describe("layering lint rules", () => {
  it("rejects React in src/core", async () => {
    expect(
      await ruleIds('import { useState } from "react";\nexport const x = useState;\n', "src/core/bad.ts"),
    ).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("rejects type-only imports of Fluent UI in src/core too", async () => {
    const code = 'import type { ButtonProps } from "@fluentui/react-components";\nexport type P = ButtonProps;\n';
    expect(await ruleIds(code, "src/core/bad.ts")).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("rejects imports from src/excel in src/core", async () => {
    expect(
      await ruleIds('import { readRuns } from "../excel/read-runs";\nexport const r = readRuns;\n', "src/core/bad.ts"),
    ).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("rejects Excel and DOM globals in src/core", async () => {
    const ids = await ruleIds(
      "export const a = () => Excel.run(async () => undefined);\nexport const b = () => document.title;\n",
      "src/core/bad.ts",
    );
    expect(ids.filter((id) => id === "no-restricted-globals")).toHaveLength(2);
  });

  it("rejects Excel.* calls in the task pane", async () => {
    const code =
      "export async function f(): Promise<void> {\n  await Excel.run(async (ctx) => { await ctx.sync(); });\n}\n";
    expect(await ruleIds(code, "src/taskpane/bad.ts")).toContain("no-restricted-syntax");
  });

  it("rejects pane code in src/commands, however deep the import", async () => {
    const deep = 'import { runBest } from "../taskpane/components/BestTab/best-plan";\nexport const r = runBest;\n';
    expect(await ruleIds(deep, "src/commands/bad.ts")).toContain("@typescript-eslint/no-restricted-imports");
    const index = 'import { useWorkbook } from "../taskpane/WorkbookContext";\nexport const w = useWorkbook;\n';
    expect(await ruleIds(index, "src/commands/bad.ts")).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("allows src/excel and src/core in src/commands", async () => {
    const code =
      'import { checkRuns } from "../excel/index";\nimport { runBest } from "../core/index";\nexport const c = [checkRuns, runBest];\n';
    expect(await ruleIds(code, "src/commands/ok.ts")).toEqual([]);
  });

  it("allows Excel.* in src/excel and pure code in src/core", async () => {
    const excel =
      "export async function f(): Promise<void> {\n  await Excel.run(async (ctx) => { await ctx.sync(); });\n}\n";
    expect(await ruleIds(excel, "src/excel/ok.ts")).toEqual([]);
    expect(await ruleIds("export const twice = (x: number): number => x * 2;\n", "src/core/ok.ts")).toEqual([]);
  });

  const loop = (name: string) =>
    [
      `export async function f(${name}: Excel.RequestContext, n: number): Promise<void> {`,
      "  for (let i = 0; i < n; i++) {",
      `    await ${name}.sync();`,
      "  }",
      "}",
      "",
    ].join("\n");

  it("flags context.sync() inside a loop (office-addins rule)", async () => {
    expect(await ruleIds(loop("context"), "src/excel/loop.ts")).toContain("office-addins/no-context-sync-in-loop");
  });

  it("flags sync() in a loop whatever the context variable is called (project rule)", async () => {
    expect(await ruleIds(loop("ctx"), "src/excel/loop.ts")).toContain("no-restricted-syntax");
  });
});
