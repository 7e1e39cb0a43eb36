import { describe, expect, it } from "vitest";
import { checkSchema, parseSchemaJson, schemaFromRows, schemaToRows, type RunSchema } from "../../src/core/index";

const GOOD: RunSchema = {
  columns: [
    { name: "run_id", type: "text", role: "id", required: true },
    { name: "status", type: "choice", role: "meta", choices: ["finished", "failed"] },
    {
      name: "accuracy",
      type: "percent",
      role: "metric",
      goal: "max",
      min: 0,
      max: 1,
      unit: "%",
      description: "test accuracy",
    },
  ],
};

describe("schema JSON", () => {
  it("accepts a valid schema", () => {
    expect(parseSchemaJson(JSON.stringify(GOOD))).toEqual({ ok: true, value: GOOD });
  });
  it("reports bad fields with their path", () => {
    const r = checkSchema({
      columns: [
        { name: "a", type: "float", role: "param" },
        { name: "b", type: "text", role: "param", extra: 1 },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(["columns[0].type", "columns[1]"]);
    expect(r.issues[0]?.message).toContain("integer");
  });
  it("checks rules beyond the shape", () => {
    const r = checkSchema({
      columns: [
        { name: "a", type: "number", role: "param", min: 2, max: 1 },
        { name: "A", type: "choice", role: "param" },
        { name: "c", type: "text", role: "param", pattern: "(", goal: "max" },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => i.code)).toEqual([
        "bad_range",
        "duplicate_column",
        "no_choices",
        "bad_pattern",
        "goal_not_metric",
      ]);
  });
  it("turns invalid JSON into an issue", () => {
    const r = parseSchemaJson("{columns: [");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe("bad_json");
  });
});

describe("schema table (Schema sheet)", () => {
  it("round-trips through rows", () => {
    const rows = schemaToRows(GOOD);
    expect(rows[0]).toEqual([
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
    const back = schemaFromRows(rows);
    expect(back.ok && back.value.columns[1]?.choices).toEqual(["finished", "failed"]);
    expect(back.ok && back.value.columns[2]).toEqual(GOOD.columns[2]);
  });
  it("keeps an explicit recipe mark, TRUE or FALSE, and leaves an empty cell to the defaults", () => {
    const schema = {
      columns: [
        { name: "code_version", type: "text" as const, role: "meta" as const, recipe: false },
        { name: "docker_image", type: "text" as const, role: "meta" as const, recipe: true },
        { name: "notes", type: "text" as const, role: "meta" as const },
      ],
    };
    const back = schemaFromRows(schemaToRows(schema));
    expect(back.ok && back.value).toEqual(schema);
  });
  it("points at the sheet row of a bad entry", () => {
    const rows = schemaToRows(GOOD);
    const bad = rows.map((r) => [...r]);
    const target = bad[2];
    if (target) target[1] = "colour";
    const r = schemaFromRows(bad, 5);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path).toBe("row 7.type");
  });
});
