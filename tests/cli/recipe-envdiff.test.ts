import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parse as yamlParse } from "yaml";
import type { CliIO } from "../../src/cli/io";
import { runCli } from "../../src/cli/run";
import { ENVIRONMENTS_HEADER, environmentRows, parseEnvironment } from "../../src/core/env";

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/env/${name}`, import.meta.url));

async function run(argv: string[], files: Record<string, string | Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (path) => {
      const f = files[path];
      if (f !== undefined) return typeof f === "string" ? new TextEncoder().encode(f) : f;
      return new Uint8Array(await readFile(path));
    },
    readStdin: () => Promise.resolve(new Uint8Array()),
  };
  const code = await runCli(argv, io);
  return { code, out: out.join(""), err: err.join("") };
}

const RUNS =
  "run_id,experiment,model,dataset,n_images,layers,learning_rate,seed,status,accuracy,code_version,data_version,environment,command\n" +
  "r1,exp1,mlp,dogs-cats,1000,1,0.01,1,finished,0.70,3f2a9c1,dogs-cats@9b1e77a,env-aaaaaaaaaaaa,python train.py\n" +
  "r2,exp2,mlp,dogs-cats-puppies,2000,2,0.01,1,finished,0.74,,dogs-cats@77aa12f,env-bbbbbbbbbbbb,python train.py --layers 2\n" +
  "r3,exp2,mlp,dogs-cats-puppies,2000,2,0.01,2,finished,0.73,8e1d2c4,dogs-cats@77aa12f,env-bbbbbbbbbbbb,python train.py --layers 2\n";

describe("runsheet recipe", () => {
  it("prints the run's params, data and seed as Hydra overrides with the recipe as comments", async () => {
    const r = await run(["recipe", "runs.csv", "--run", "r3", "--as", "hydra"], { "runs.csv": RUNS });
    expect(r.code).toBe(0);
    expect(r.out).toContain("# command: python train.py --layers 2");
    expect(r.out).toContain("# code_version: 8e1d2c4");
    expect(r.out.trim().split("\n").at(-1)).toBe(
      "model=mlp dataset=dogs-cats-puppies n_images=2000 layers=2 learning_rate=0.01 seed=2",
    );
    expect(r.out).not.toContain("accuracy");
  });

  it("prints YAML that reads back as the same configuration", async () => {
    const r = await run(["recipe", "runs.csv", "--run", "r1", "--as", "yaml"], { "runs.csv": RUNS });
    expect(yamlParse(r.out)).toEqual({
      model: "mlp",
      dataset: "dogs-cats",
      n_images: 1000,
      layers: 1,
      learning_rate: 0.01,
      seed: 1,
    });
  });

  it("exits 2 with a sentence for an unknown run id, and for a bad --as", async () => {
    const r = await run(["recipe", "runs.csv", "--run", "r9"], { "runs.csv": RUNS });
    expect(r.code).toBe(2);
    expect(r.err).toBe('runsheet recipe: there is no run "r9" in runs.csv; check the run_id column.\n');
    const bad = await run(["recipe", "runs.csv", "--run", "r1", "--as", "toml"], { "runs.csv": RUNS });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--as must be one of json, yaml, args, hydra");
  });
});

describe("runsheet report: recipe completeness", () => {
  it("adds the per-experiment figure to JSON and text", async () => {
    const r = await run(["report", "runs.csv", "--metric", "accuracy"], { "runs.csv": RUNS });
    const j = JSON.parse(r.out) as { reproducibility: { experiment: string; text: string }[] };
    expect(j.reproducibility.map((f) => `${f.experiment}: ${f.text}`)).toEqual([
      "exp1: 1 of 1 run reproducible",
      "exp2: 1 of 2 runs reproducible",
    ]);
    const t = await run(["report", "runs.csv", "--metric", "accuracy", "--format", "text"], { "runs.csv": RUNS });
    expect(t.out).toContain("  recipe: 1 of 2 runs reproducible");
  });
});

async function environmentsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Environments");
  ws.addRow([...ENVIRONMENTS_HEADER]);
  for (const name of ["conda-env-export.yml", "conda-list-export.txt"]) {
    const env = parseEnvironment(await readFile(fixture(name), "utf8"));
    if (!env.ok) throw new Error(name);
    for (const row of environmentRows(env.value.id, env.value)) ws.addRow(row);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("runsheet envdiff", () => {
  it("diffs two environments of a workbook's Environments sheet, most impactful first", async () => {
    const a = parseEnvironment(await readFile(fixture("conda-env-export.yml"), "utf8"));
    const b = parseEnvironment(await readFile(fixture("conda-list-export.txt"), "utf8"));
    if (!a.ok || !b.ok) throw new Error("fixtures parse");
    const files = { "lab.xlsx": await environmentsWorkbook() };
    const r = await run(["envdiff", "lab.xlsx", "--a", a.value.id, "--b", b.value.id, "--format", "text"], files);
    expect(r.code).toBe(1);
    const summary = r.out.split("\n")[1] ?? "";
    expect(summary.startsWith("python 3.10.14 -> 3.11.9, ")).toBe(true);
    expect(summary).toContain("pytorch 2.3.1 -> 2.4.0");
    expect(summary.indexOf("pytorch 2.3.1")).toBeLessThan(summary.indexOf("numpy"));
    expect(summary).toContain("torchvision removed");
    const same = await run(["envdiff", "lab.xlsx", "--a", a.value.id, "--b", a.value.id], files);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.out)).toMatchObject({ summary: "no difference" });
  });

  it("exits 2 naming the ids it has when an id is unknown", async () => {
    const r = await run(["envdiff", "lab.xlsx", "--a", "env-000000000000", "--b", "x"], {
      "lab.xlsx": await environmentsWorkbook(),
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^runsheet envdiff: there is no environment "env-000000000000" in lab.xlsx, sheet Environments \(it has env-[0-9a-f]{12}, env-[0-9a-f]{12}\)\.\n$/,
    );
  });
});
