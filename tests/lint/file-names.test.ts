/**
 * The file-name convention of ARCHITECTURE.md, checked over every file in src/ and tests/:
 * kebab-case modules (`safe-write.ts`, `parse.worker.ts`), `useX.ts` hooks, and in the React
 * folders `PascalCase.tsx` components with their `PascalCase.styles.ts` and `PascalCase.ts`
 * contexts; a test is named after what it tests (`safe-write.test.ts`, `useBestTab.test.tsx`).
 * No ESLint plugin for file names is installed, so this walks the tree itself.
 */
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

/** Real-format samples keep the names the tools that wrote them give them. */
const SKIPPED_FOLDERS = ["tests/fixtures"];

/**
 * Names that may break the convention, each with its reason. Empty: the camelCase modules from
 * before it were renamed. An entry that no longer exists or no longer offends fails a test below.
 */
const KNOWN_OFFENDERS = new Set<string>([]);

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PASCAL = /^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)*$/;
const HOOK = /^use([A-Z][a-z0-9]*)+$/;
const REACT_FOLDERS = /^(src|tests)\/(taskpane|playground)\//;

/** Why `path` (relative to the repository, with `/`) breaks the convention, or null when it keeps it. */
function nameProblem(path: string): string | null {
  const parts = path.split("/");
  const file = parts.pop() ?? "";
  const react = REACT_FOLDERS.test(path);
  for (const folder of parts.slice(1)) {
    if (!KEBAB.test(folder) && !(react && PASCAL.test(folder)))
      return `folder "${folder}" is not kebab-case${react ? " or a PascalCase component folder" : ""}`;
  }
  if (file === "README.md") return null;
  // The stem is the name before its endings: `parse.worker.ts`, `x.test.tsx`, `jstat.d.ts`.
  const stem = file.split(".")[0] ?? "";
  const endings = file.slice(stem.length);
  if (!/^(\.[a-z0-9]+)+$/.test(endings)) return `endings "${endings}" are not lower-case words`;
  if (KEBAB.test(stem)) return null;
  if (HOOK.test(stem) && /^(\.test)?\.tsx?$/.test(endings)) return null;
  if (react && PASCAL.test(stem) && /^(\.styles|\.test)?\.tsx?$/.test(endings)) return null;
  return `"${stem}" is not kebab-case, a useX hook${react ? " or a PascalCase component" : ""}`;
}

function walk(folder: string): string[] {
  const rel = relative(ROOT, folder).split("\\").join("/");
  if (SKIPPED_FOLDERS.includes(rel)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(folder, entry.name)) : [`${rel}/${entry.name}`],
  );
}

describe("file names", () => {
  it("follow the convention (no exceptions left)", () => {
    const files = [...walk(join(ROOT, "src")), ...walk(join(ROOT, "tests"))];
    expect(files.length).toBeGreaterThan(300);
    const offenders = files
      .filter((f) => !KNOWN_OFFENDERS.has(f))
      .map((f) => [f, nameProblem(f)])
      .filter(([, problem]) => problem !== null)
      .map(([f, problem]) => `${f}: ${problem}`);
    expect(offenders).toEqual([]);
  });

  it("lists no older name that is gone or already fixed", () => {
    const files = new Set([...walk(join(ROOT, "src")), ...walk(join(ROOT, "tests"))]);
    const stale = [...KNOWN_OFFENDERS].filter((f) => !files.has(f) || nameProblem(f) === null);
    expect(stale).toEqual([]);
  });

  it("accepts each kind the convention names and rejects the rest", () => {
    const good = [
      "src/excel/safe-write.ts",
      "src/taskpane/workers/parse.worker.ts",
      "src/core/jstat.d.ts",
      "src/sim/enums.generated.ts",
      "src/taskpane/components/BestTab/useBestTab.ts",
      "src/taskpane/components/BestTab/BestTab.tsx",
      "src/taskpane/components/BestTab/BestTab.styles.ts",
      "src/taskpane/WorkbookContext.ts",
      "tests/taskpane/hooks/useBestTab.test.tsx",
      "tests/core/parse/number-text.test.ts",
      "tests/e2e/smoke.spec.ts",
      "src/sim/README.md",
    ];
    expect(good.map((f) => [f, nameProblem(f)]).filter(([, p]) => p !== null)).toEqual([]);
    const bad = [
      "src/excel/safeWrite.ts",
      "src/core/best_plan.ts",
      "src/core/BestPlan.ts", // PascalCase belongs to React code only
      "src/excel/Marks/marks.ts",
      "src/taskpane/logic/bestPlan.ts",
      "tests/core/numberText.test.ts",
      "src/taskpane/components/BestTab/BestTab.Styles.ts",
      "src/taskpane/use-best.tsx.bak~",
    ];
    expect(bad.filter((f) => nameProblem(f) === null)).toEqual([]);
  });
});
