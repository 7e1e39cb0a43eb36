import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validate, type Grid } from "../../src/core/index";
import { DEFAULT_SCHEMA } from "../../src/excel/index";
import {
  afterLogDraft,
  checkDraft,
  decimalSeparator,
  fieldValue,
  formFields,
  nextSeedDraft,
  planRow,
  readNumberInput,
  recipeFromLastRun,
  type ExistingRuns,
} from "../../src/taskpane/components/LogRunTab/log-run-form";

const header = ["run_id", "experiment", "n_images", "layers", "seed", "status", "accuracy", "code_version", "owner"];
const existing: ExistingRuns = {
  grid: [
    header,
    ["e1-s1", "exp1", 1000, 1, 1, "finished", 0.71, "a1b2c3", "ana"],
    ["e1-s2", "exp1", 1000, 1, 2, "finished", 0.73, "d4e5f6", "ana"],
    // The empty row a new table keeps at its end must not be taken for the last run.
    ["", "", "", "", "", "", "", "", ""],
  ] as Grid,
  rowOffset: 1,
  headerRow: 1,
};
const fields = formFields(DEFAULT_SCHEMA);
const field = (name: string) => {
  const f = fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};

describe("form generation", () => {
  it("gives each schema type its input: choices a dropdown, booleans a switch, dates a date picker", () => {
    const schema = {
      columns: [
        ...DEFAULT_SCHEMA.columns,
        { name: "augment", type: "boolean" as const, role: "param" as const },
        { name: "day", type: "date" as const, role: "meta" as const },
        { name: "free_choice", type: "choice" as const, role: "meta" as const },
      ],
    };
    const kinds = Object.fromEntries(formFields(schema).map((f) => [f.name, f.kind]));
    expect(kinds).toMatchObject({
      run_id: "text",
      n_images: "number",
      learning_rate: "number",
      status: "choice",
      started: "datetime",
      augment: "boolean",
      day: "date",
      // A choice column without choices cannot be a dropdown.
      free_choice: "text",
    });
    expect(field("status").choices).toEqual(["running", "finished", "failed", "killed"]);
    expect(field("run_id").required).toBe(true);
    expect(field("notes").required).toBe(false);
    expect(fields.map((f) => f.name)).toEqual(DEFAULT_SCHEMA.columns.map((c) => c.name));
  });

  it("reads the locale's decimal separator", () => {
    expect(decimalSeparator("de-DE")).toBe(",");
    expect(decimalSeparator("fr-FR")).toBe(",");
    expect(decimalSeparator("en-US")).toBe(".");
  });
});

describe("number inputs", () => {
  it("accept the user's decimal separator", () => {
    expect(readNumberInput("0,91", ",")).toBe(0.91);
    expect(readNumberInput("1.234,5", ",")).toBe(1234.5);
    expect(readNumberInput("0.91", ".")).toBe(0.91);
    expect(readNumberInput("1,000", ".")).toBe(1000);
    expect(readNumberInput("91%", ",")).toBeCloseTo(0.91, 12);
    expect(readNumberInput("1e-3", ",")).toBe(0.001);
    expect(readNumberInput("  ", ".")).toBeNull();
    // Not a number: kept as typed, so validation names the problem.
    expect(readNumberInput("abc", ".")).toBe("abc");
  });

  it("round-trip any number written with the locale's separator", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom("." as const, "," as const),
        (x, sep) => {
          const text = String(x).replace(".", sep);
          if (/e/i.test(text)) return;
          expect(readNumberInput(text, sep)).toBe(x === 0 ? 0 : x);
        },
      ),
    );
  });

  it("give a date-time input's value as Excel reads it", () => {
    expect(fieldValue(field("started"), "2026-12-01T09:30", ".")).toBe("2026-12-01 09:30");
    expect(fieldValue(field("accuracy"), "", ".")).toBeNull();
  });
});

describe("checks before writing", () => {
  const plan = (draft: Record<string, string>) => planRow(fields, draft, header, ",");

  it("lays the row out in the table's column order and adds filled schema columns it lacks", () => {
    const p = plan({ run_id: "e1-s3", experiment: "exp1", accuracy: "0,74", notes: "=SUM(A1)" });
    expect(p.header.slice(0, header.length)).toEqual(header);
    expect(p.header.slice(header.length)).toEqual(["notes"]);
    expect(p.row[header.indexOf("accuracy")]).toBe(0.74);
    // Formula-like text is marked to be written as text.
    expect(p.textCells).toEqual([[0, header.length]]);
  });

  it("words errors exactly as validation does, on the row the run will land on", () => {
    const p = plan({ run_id: "e1-s3", experiment: "exp1", accuracy: "1,5", status: "done" });
    const c = checkDraft(DEFAULT_SCHEMA, existing, p);
    expect(c.row).toBe(4);
    // The same sentence Check would give once the row is in the sheet.
    const afterWrite = validate([...existing.grid.slice(0, 3), p.row] as Grid, DEFAULT_SCHEMA, { headerRow: 1 });
    const sentence = afterWrite.issues.find((i) => i.row === 4 && i.column === "accuracy")?.message;
    expect(sentence).toBeDefined();
    expect(c.errors.accuracy).toBe(sentence);
    expect(c.errors.status).toMatch(/status/);
    expect(c.duplicateId).toBeNull();
  });

  it("names a required field left empty", () => {
    const c = checkDraft(DEFAULT_SCHEMA, existing, plan({ run_id: "e1-s3" }));
    expect(c.errors.experiment).toBe("experiment is required but empty: fill it in.");
  });

  it("sees a run_id that is already in the table", () => {
    const c = checkDraft(DEFAULT_SCHEMA, existing, plan({ run_id: "e1-s2", experiment: "exp1" }));
    expect(c.duplicateId).toBe('The run_id "e1-s2" is already used on row 3: give this run its own run_id.');
  });

  it("sees a configuration that is already in the table, seed included", () => {
    const same = { run_id: "e1-s9", experiment: "exp1", n_images: "1000", layers: "1", seed: "2" };
    const c = checkDraft(DEFAULT_SCHEMA, existing, plan(same));
    expect(c.duplicateConfig).toMatch(/^Row 4 has the same settings as row 3/);
    expect(checkDraft(DEFAULT_SCHEMA, existing, plan({ ...same, seed: "3" })).duplicateConfig).toBeNull();
  });
});

describe("the next run", () => {
  const draft = { run_id: "exp1-s1", experiment: "exp1", layers: "1", seed: "1", accuracy: "0.7", owner: "ana" };

  it("Log and next seed keeps the configuration, moves the seed and the run_id on, clears results", () => {
    const next = nextSeedDraft(fields, draft);
    expect(next).toEqual({ run_id: "exp1-s2", experiment: "exp1", layers: "1", seed: "2", owner: "ana" });
    expect(nextSeedDraft(fields, { ...draft, run_id: "run-7", seed: "42" }).run_id).toBe("run-8");
  });

  it("after a plain log, the settings stay and the id and results go", () => {
    expect(afterLogDraft(fields, draft)).toEqual({ experiment: "exp1", layers: "1", seed: "1", owner: "ana" });
  });

  it("prefills the recipe from the sheet's last run, not from the empty placeholder row", () => {
    expect(recipeFromLastRun(fields, existing)).toEqual({ code_version: "d4e5f6", owner: "ana" });
  });
});
