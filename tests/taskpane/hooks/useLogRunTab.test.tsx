// @vitest-environment jsdom
import { act, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { useLogRunTab } from "../../../src/taskpane/components/LogRunTab/useLogRunTab";
import { harness, renderPaneHook } from "./render";

const exp1 = { run_id: "exp1-s1", experiment: "exp1", model: "mlp", n_images: "1000", layers: "1", seed: "1" };

async function ready(h: Awaited<ReturnType<typeof harness>>) {
  const r = renderPaneHook(h, () => useLogRunTab());
  await waitFor(() => expect(r.result.current.hasTable).toBe(true));
  return r;
}

function fill(r: { result: { current: ReturnType<typeof useLogRunTab> } }, values: Record<string, string>) {
  act(() => {
    for (const [k, v] of Object.entries(values)) r.result.current.setField(k, v);
  });
}

describe("useLogRunTab on a simulated workbook", () => {
  beforeEach(() => localStorage.clear());

  it("says to create the tracker when there is no Runs table", async () => {
    const h = await harness({ tracker: false });
    const r = renderPaneHook(h, () => useLogRunTab());
    await waitFor(() => expect(r.result.current.ready).toBe(true));
    expect(r.result.current.hasTable).toBe(false);
  });

  it("Log and next seed writes one row, then offers seed 2 with the run_id moved on", async () => {
    const h = await harness();
    const r = await ready(h);
    fill(r, { ...exp1, status: "finished", accuracy: "0.71" });
    await act(() => r.result.current.submit("next"));
    expect(h.sim.getValues("Runs", "A2:B2")).toEqual([["exp1-s1", "exp1"]]);
    const header = h.sim.getValues("Runs", "A1:V1")[0] ?? [];
    expect(h.sim.getValues("Runs", "A2:V2")[0]?.[header.indexOf("accuracy")]).toBe(0.71);
    expect(r.result.current.values).toMatchObject({ run_id: "exp1-s2", seed: "2", layers: "1" });
    expect(r.result.current.values.accuracy).toBeUndefined();
    expect(h.announced.at(-1)).toMatch(/Logged run exp1-s1 on row 2 of Runs/);
    expect(h.changes()).toBe(1);
  });

  it("blocks a run with errors, shows validation's sentence, writes nothing", async () => {
    const h = await harness();
    const r = await ready(h);
    fill(r, { run_id: "x1", accuracy: "high" });
    await act(() => r.result.current.submit("log"));
    expect(r.result.current.errors.experiment).toBe("experiment is required but empty: fill it in.");
    expect(r.result.current.errors.accuracy).toMatch(/accuracy/);
    expect(h.sim.getValues("Runs", "A2")[0]?.[0]).toBe("");
    expect(h.announced.at(-1)).toMatch(/2 fields to fix/);
  });

  it("refuses a run_id already in the table and asks before a duplicate configuration", async () => {
    const h = await harness();
    const r = await ready(h);
    fill(r, { ...exp1, status: "finished" });
    await act(() => r.result.current.submit("log"));
    await waitFor(() => expect(r.result.current.row).toBe(3));

    fill(r, { ...exp1 });
    await act(() => r.result.current.submit("log"));
    expect(r.result.current.errors.run_id).toMatch(/already used on row 2/);
    expect(h.sim.getValues("Runs", "A3")[0]?.[0]).toBe("");

    fill(r, { run_id: "exp1-again" });
    await act(() => r.result.current.submit("log"));
    expect(r.result.current.duplicateConfig).toMatch(/same settings as row 2/);
    expect(h.sim.getValues("Runs", "A3")[0]?.[0]).toBe("");
    await act(() => r.result.current.submit("log", true));
    expect(h.sim.getValues("Runs", "A3")[0]?.[0]).toBe("exp1-again");
  });

  it("keeps the half-filled form when the tab is left and opened again", async () => {
    const h = await harness();
    const first = await ready(h);
    fill(first, { run_id: "draft-1", notes: "=not a formula" });
    first.unmount();
    const again = await ready(h);
    expect(again.result.current.values).toMatchObject({ run_id: "draft-1", notes: "=not a formula" });
  });

  it("remembers the last logged settings for the next session, without its id and results", async () => {
    const h = await harness();
    const r = await ready(h);
    fill(r, { ...exp1, accuracy: "0.7" });
    await act(() => r.result.current.submit("log"));
    const other = await harness();
    const fresh = await ready(other);
    await waitFor(() => expect(fresh.result.current.values).toMatchObject({ experiment: "exp1", layers: "1" }));
    expect(fresh.result.current.values.run_id).toBeUndefined();
    expect(fresh.result.current.values.accuracy).toBeUndefined();
  });

  it("writes text that looks like a formula as text", async () => {
    const h = await harness();
    const r = await ready(h);
    fill(r, { ...exp1, notes: "=1+1" });
    await act(() => r.result.current.submit("log"));
    const header = h.sim.getValues("Runs", "A1:V1")[0] ?? [];
    const col = String.fromCharCode(65 + header.indexOf("notes"));
    expect(h.sim.getValues("Runs", `${col}2`)[0]?.[0]).toBe("=1+1");
    expect(h.sim.getFormulas("Runs", `${col}2`)[0]?.[0]).toBe("=1+1");
    expect(h.sim.getNumberFormats("Runs", `${col}2`)[0]?.[0]).toBe("@");
  });
});
