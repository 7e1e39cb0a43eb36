import { describe, expect, it } from "vitest";
import {
  capabilitiesFrom,
  createTracker,
  DEFAULT_SCHEMA,
  readTrackerStatus,
  readWorkbook,
} from "../../src/excel/index";
import { HOST_PROFILES, isSetSupported } from "../../src/sim/index";
import { workbook } from "./helpers";

describe("createTracker", () => {
  it("creates Runs, Schema, Experiments and Registry with their tables in two syncs", async () => {
    const { sim, counted } = workbook();
    const { value, syncs } = await counted((ctx) => createTracker(ctx));
    expect(syncs).toBe(2);
    expect(value.created).toEqual(["Runs", "Schema", "Experiments", "Registry"]);
    expect(sim.getTable("Runs")?.headers).toEqual(DEFAULT_SCHEMA.columns.map((c) => c.name));
    expect(sim.getTable("RunSchema")?.headers).toEqual([
      "name",
      "type",
      "role",
      "required",
      "min",
      "max",
      "choices",
      "pattern",
      "unit",
      "goal",
      "description",
      "recipe",
    ]);
    expect(sim.getTable("RunSchema")?.rowCount).toBe(DEFAULT_SCHEMA.columns.length);
    expect(sim.getTable("Experiments")?.headers).toContain("null_hypothesis");
    expect(sim.getTable("Registry")?.headers).toEqual(["run_id", "metric", "value", "registered_at", "reason"]);
    expect(sim.activeSheet()).toBe("Runs");
  });

  it("is idempotent: a second run creates nothing and makes one sync", async () => {
    const { sim, run, counted } = workbook();
    await run((ctx) => createTracker(ctx));
    const tablesBefore = sim.tables().length;
    const sheetsBefore = sim.sheetNames();
    const { value, syncs } = await counted((ctx) => createTracker(ctx));
    expect(syncs).toBe(1);
    expect(value.created).toEqual([]);
    expect(value.existing).toEqual(["Runs", "Schema", "Experiments", "Registry"]);
    expect(sim.tables().length).toBe(tablesBefore);
    expect(sim.sheetNames()).toEqual(sheetsBefore);
  });

  it("completes a partial layout and never touches a user's sheet of the same name", async () => {
    const { sim, run } = workbook();
    sim.addSheet("Registry");
    sim.setValues("Registry", "A1", [["my own notes"]]);
    const result = await run((ctx) => createTracker(ctx));
    expect(result.created).toEqual(["Runs", "Schema", "Experiments"]);
    expect(result.conflicts.map((c) => c.sheet)).toEqual(["Registry"]);
    expect(sim.getValues("Registry", "A1")).toEqual([["my own notes"]]);
    expect(sim.getTable("Registry")).toBeUndefined();
  });

  it("writes the schema so it reads back as the same schema", async () => {
    const { run } = workbook();
    await run((ctx) => createTracker(ctx));
    const snapshot = await run((ctx) => readWorkbook(ctx));
    expect(snapshot.schema?.problems).toEqual([]);
    expect(snapshot.schema?.schema).toEqual(DEFAULT_SCHEMA);
    expect(snapshot.runs?.sheet).toBe("Runs");
    expect(snapshot.runs?.headerRow).toBe(1);
  });

  it("adds dropdowns on the Schema sheet and freezes the Runs header", async () => {
    const { sim, run } = workbook();
    await run((ctx) => createTracker(ctx));
    const validations = sim.validations("Schema");
    expect(validations.length).toBeGreaterThanOrEqual(4);
    expect(sim.freezeRows("Runs")).toBe(1);
  });

  it("degrades on an old host: no dropdowns or freeze panes, still the tables", async () => {
    const { sim, run } = workbook("old");
    const caps = capabilitiesFrom({ isSetSupported: (n, v) => isSetSupported(HOST_PROFILES.old, n, v) });
    expect(caps.dataValidation).toBe(false);
    expect(caps.events).toBe(true);
    await run((ctx) => createTracker(ctx, DEFAULT_SCHEMA, caps));
    expect(sim.getTable("Runs")).toBeDefined();
    expect(sim.validations("Schema")).toHaveLength(0);
  });

  it("reports a new tracker as present with zero runs (the placeholder row is not a run)", async () => {
    const { run } = workbook();
    await run((ctx) => createTracker(ctx));
    const status = await run((ctx) => readTrackerStatus(ctx));
    expect(status).toMatchObject({ hasTracker: true, hasSchemaTable: true, hasRegistry: true, runCount: 0 });
  });
});
