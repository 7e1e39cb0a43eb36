// Workbooks the playground can start from: the seeds' dogs-vs-cats example (with the mistakes real
// run logs have), a 5,000-run workbook for performance, and an empty one.
import { inferSchema, schemaToRows, type ColumnSpec, type Grid, type RunSchema } from "../core";
import { createExcelSimulator, type Scalar, type WorkbookModel } from "../sim";

export const RUN_COLUMNS = [
  "run_id",
  "experiment",
  "hypothesis",
  "model",
  "dataset",
  "n_images",
  "layers",
  "learning_rate",
  "seed",
  "status",
  "started",
  "accuracy",
  "val_loss",
  "notes",
  "code_version",
  "owner",
] as const;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so the example is the same on every load. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand: () => number, mean: number, sd: number): number {
  const u = Math.max(rand(), 1e-12);
  const v = rand();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function buildWith(fill: (sim: ReturnType<typeof createExcelSimulator>) => void): WorkbookModel {
  const sim = createExcelSimulator({ withDefaultSheet: false });
  fill(sim);
  const model = sim.workbook;
  model.activeSheetId = model.sheets[0]?.id ?? "";
  return model;
}

function writeRunsTable(sim: ReturnType<typeof createExcelSimulator>, rows: Scalar[][]): void {
  sim.addSheet("Runs");
  const last = rows.length + 1;
  const lastCol = String.fromCharCode(64 + RUN_COLUMNS.length);
  sim.setValues("Runs", `A1:${lastCol}1`, [[...RUN_COLUMNS]]);
  if (rows.length > 0) sim.setValues("Runs", `A2:${lastCol}${last}`, rows);
  sim.addTable("Runs", `A1:${lastCol}${Math.max(2, last)}`, "Runs");
  const s = sim.workbook.sheetByName("Runs");
  if (s) {
    const widths = [70, 60, 230, 150, 150, 62, 45, 80, 40, 62, 105, 62, 62, 200, 80, 55];
    widths.forEach((w, i) => s.colWidths.set(i, w));
    s.freezeRows = 1;
  }
}

/** Columns a team would mark required in the example's RunSchema (the id, the configuration, the status). */
const EXAMPLE_REQUIRED = new Set([
  "run_id",
  "experiment",
  "model",
  "dataset",
  "n_images",
  "layers",
  "learning_rate",
  "seed",
  "status",
]);

/**
 * The example's RunSchema as its team would have saved it: inferred from the runs, then the
 * required columns marked and the status choices fixed, so the planted mistakes are caught
 * (a blank model is missing_required, "finshed" is not_in_choices).
 */
export function exampleSchema(grid: Grid): RunSchema {
  const columns = inferSchema(grid).schema.columns.map((c): ColumnSpec => {
    const spec: ColumnSpec = EXAMPLE_REQUIRED.has(c.name) ? { ...c, required: true } : { ...c };
    if (c.name === "status")
      return { ...spec, type: "choice", role: "meta", choices: ["finished", "running", "failed"] };
    return spec;
  });
  return { columns };
}

function writeSchemaTable(sim: ReturnType<typeof createExcelSimulator>, schema: RunSchema): void {
  const rows = schemaToRows(schema) as Scalar[][];
  const lastCol = String.fromCharCode(64 + (rows[0]?.length ?? 1));
  sim.addSheet("Schema");
  sim.setValues("Schema", `A1:${lastCol}${rows.length}`, rows);
  sim.addTable("Schema", `A1:${lastCol}${rows.length}`, "RunSchema");
  const s = sim.workbook.sheetByName("Schema");
  if (s) {
    [110, 70, 60, 62, 45, 45, 160, 70, 50, 40, 200].forEach((w, i) => s.colWidths.set(i, w));
    s.freezeRows = 1;
  }
}

/**
 * The seeds' example: dogs vs cats. exp1 is a neural network with one hidden layer trained on
 * 1,000 images; exp2 adds a second hidden layer and 1,000 more images (puppies and kittens).
 * Mistakes left in on purpose: accuracy typed as text with a decimal comma ("0,91"), a status typo
 * ("finshed"), a duplicated run_id, a #DIV/0! metric and a blank required cell (model).
 */
export function buildExampleWorkbook(): WorkbookModel {
  return buildWith((sim) => {
    const rand = seededRandom(42);
    const rows: Scalar[][] = [];
    const experiments = [
      {
        id: "exp1",
        hypothesis: "A 1-hidden-layer network separates dogs from cats on 1,000 images",
        model: "mlp-1x256",
        dataset: "dogs-vs-cats-1k",
        n: 1000,
        layers: 1,
        lr: 0.001,
        seeds: [1, 2, 3, 4, 5],
        acc: 0.885,
        loss: 0.31,
      },
      {
        id: "exp2",
        hypothesis: "A 2nd hidden layer and 1,000 more images (puppies, kittens) improve accuracy",
        model: "mlp-2x256",
        dataset: "dogs-vs-cats-2k+puppies-kittens",
        n: 2000,
        layers: 2,
        lr: 0.001,
        seeds: [1, 2, 3, 4],
        acc: 0.912,
        loss: 0.26,
      },
    ];
    let day = 4;
    for (const e of experiments) {
      for (const seed of e.seeds) {
        const acc = round(normal(rand, e.acc, 0.008), 3);
        const loss = round(normal(rand, e.loss, 0.015), 3);
        const hour = 9 + Math.floor(rand() * 8);
        rows.push([
          `${e.id}-s${seed}`,
          e.id,
          e.hypothesis,
          e.model,
          e.dataset,
          e.n,
          e.layers,
          e.lr,
          seed,
          "finished",
          `2024-03-${pad(day)} ${pad(hour)}:${pad(Math.floor(rand() * 60))}`,
          acc,
          loss,
          "",
          e.id === "exp1" ? "a1f3c9e" : "b7d20e4",
          seed % 2 ? "ana" : "ben",
        ]);
        day++;
      }
    }
    const at = (runId: string) => rows.find((r) => r[0] === runId);
    const set = (runId: string, col: (typeof RUN_COLUMNS)[number], v: Scalar) => {
      const row = at(runId);
      if (row) row[RUN_COLUMNS.indexOf(col)] = v;
    };
    set("exp2-s2", "accuracy", "0,91");
    set("exp2-s2", "notes", "typed on a laptop with a French locale");
    set("exp1-s4", "status", "finshed");
    set("exp1-s3", "val_loss", "#DIV/0!");
    set("exp1-s3", "notes", "val set was empty after a bad split");
    set("exp2-s3", "model", "");
    // A re-run logged under the id of an earlier one.
    const dup = at("exp1-s2");
    if (dup)
      rows.push([
        ...dup.slice(0, 10),
        "2024-03-20 16:05",
        0.879,
        0.322,
        "re-run after fixing the loader",
        "a1f3c9e",
        "ana",
      ]);
    // A run still going: no metrics yet.
    rows.push([
      "exp2-s5",
      "exp2",
      experiments[1]?.hypothesis ?? "",
      "mlp-2x256",
      "dogs-vs-cats-2k+puppies-kittens",
      2000,
      2,
      0.001,
      5,
      "running",
      "2024-03-21 09:40",
      "",
      "",
      "",
      "b7d20e4",
      "ben",
    ]);
    writeRunsTable(sim, rows);
    writeSchemaTable(sim, exampleSchema([[...RUN_COLUMNS], ...rows]));
  });
}

/** A large run log (default 5,000 runs over 50 experiments) to exercise virtualised rendering and chunked I/O. */
export function buildLargeWorkbook(count = 5000): WorkbookModel {
  return buildWith((sim) => {
    const rand = seededRandom(7);
    const rows: Scalar[][] = [];
    const models = ["mlp-1x256", "mlp-2x256", "cnn-small", "cnn-resnet18"];
    for (let i = 0; i < count; i++) {
      const exp = Math.floor(i / 100) + 1;
      const modelIdx = exp % models.length;
      const layers = modelIdx + 1;
      // Seeds unique across the log: experiments that share a configuration add replicates, not duplicates.
      const seed = i + 1;
      const base = 0.8 + modelIdx * 0.035;
      const status = rand() < 0.03 ? "failed" : rand() < 0.02 ? "running" : "finished";
      const done = status === "finished";
      rows.push([
        `exp${exp}-s${seed}`,
        `exp${exp}`,
        `Variant ${exp} of the dogs-vs-cats baseline`,
        models[modelIdx] ?? "mlp",
        "dogs-vs-cats-2k",
        1000 * (1 + (exp % 3)),
        layers,
        [0.01, 0.003, 0.001, 0.0003][exp % 4] ?? 0.001,
        seed,
        status,
        `2024-${pad(1 + (exp % 12))}-${pad(1 + (seed % 28))} ${pad(8 + (seed % 10))}:00`,
        done ? round(normal(rand, base, 0.01), 4) : "",
        done ? round(normal(rand, 0.5 - modelIdx * 0.05, 0.02), 4) : "",
        "",
        `c${(1000 + exp).toString(16)}`,
        ["ana", "ben", "chloe"][exp % 3] ?? "ana",
      ]);
    }
    writeRunsTable(sim, rows);
  });
}

/** One empty sheet, as a new Excel workbook. */
export function buildEmptyWorkbook(): WorkbookModel {
  return buildWith((sim) => sim.addSheet("Sheet1"));
}
