// @vitest-environment jsdom
import { act, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import type { StoredEnvironments, WorkbookGateway } from "../../../src/excel/index";
import { useEnvironmentsTab } from "../../../src/taskpane/components/EnvironmentsTab/useEnvironmentsTab";
import { harness, renderPaneHook, type Harness } from "./render";

const ENV_A = "# python 3.11.7\nnumpy==1.26.4\ntorch==2.2.0\n";
const ENV_B = "# python 3.11.7\nnumpy==2.0.0\ntorch==2.2.0\n";
const header = ["run_id", "experiment", "layers", "seed", "status", "accuracy", "environment", "command", "owner"];

/** A gate the test opens: reads wait at it, so the test sees the pane while the workbook is being read. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * The simulator-backed gateway with readEnvironments routed through `hold`: the real read runs on
 * the simulated workbook, and its answer reaches the hook only when `hold` lets it through.
 */
function holding(h: Harness, hold: (read: () => Promise<StoredEnvironments>) => Promise<StoredEnvironments>): Harness {
  const real = h.gateway;
  const gateway: WorkbookGateway = { ...real, readEnvironments: () => hold(() => real.readEnvironments()) };
  return { ...h, gateway };
}

async function storedId(h: Harness, text: string): Promise<string> {
  const result = await h.gateway.storeEnvironment(text);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join(" "));
  return result.id;
}

describe("useEnvironmentsTab on a simulated workbook", () => {
  beforeEach(() => localStorage.clear());

  it("loading: busy while the workbook is read, nothing offered until the answer arrives", async () => {
    const h = await harness();
    await h.gateway.appendRuns(header, [["e1-s1", "exp1", 1, 1, "finished", 0.71, "", "python train.py", "ana"]]);
    const g = gate();
    const r = renderPaneHook(
      holding(h, async (read) => {
        await g.opened;
        return read();
      }),
      () => useEnvironmentsTab(),
    );
    await waitFor(() => expect(r.result.current.busy).toBe(true));
    expect(r.result.current.choices).toEqual([]);
    expect(r.result.current.recipeText).toBe("");
    await act(async () => g.open());
    await waitFor(() => expect(r.result.current.busy).toBe(false));
    expect(r.result.current.choices.map((c) => c.id)).toEqual(["e1-s1"]);
    expect(r.result.current.error).toBeNull();
  });

  it("success: stores a pasted environment, then compares two runs' environments and gives a recipe", async () => {
    const h = await harness();
    const a = await storedId(h, ENV_A);
    await h.gateway.appendRuns(header, [
      ["e1-s1", "exp1", 1, 1, "finished", 0.71, a, "python train.py --layers 1", "ana"],
      ["e2-s1", "exp2", 2, 1, "finished", 0.8, "", "python train.py --layers 2", "ben"],
    ]);
    const r = renderPaneHook(h, () => useEnvironmentsTab());
    await waitFor(() => expect(r.result.current.stored.size).toBe(1));
    expect(r.result.current.diff).toBeNull(); // one stored environment: nothing to compare yet

    act(() => r.result.current.setText(ENV_B));
    await act(() => r.result.current.store());
    expect(r.result.current.notice).toMatch(/^Stored env-/);
    expect(h.changes()).toBe(1);
    await waitFor(() => expect(r.result.current.stored.size).toBe(2));
    const b = [...r.result.current.stored.keys()].find((id) => id !== a);
    expect(r.result.current.notice).toContain(`Stored ${b} (`);

    // A person types B's id into e2-s1's environment cell (the Runs table keeps the default schema's column order).
    const environmentColumn = String.fromCharCode(
      65 + (h.sim.getValues("Runs", "A1:Z1")[0] ?? []).indexOf("environment"),
    );
    h.sim.userEdit("Runs", `${environmentColumn}3`, b ?? "");
    act(() => r.result.current.setPair(["e1-s1", "e2-s1"]));
    await act(() => r.result.current.store()); // storing B again writes nothing, says so, and reloads
    expect(r.result.current.notice).toMatch(new RegExp(`^Already stored as ${b}: nothing was written`));
    expect(h.changes()).toBe(2);
    await waitFor(() => expect(r.result.current.diff?.caption).toBe(`e1-s1 (${a}) -> e2-s1 (${b})`));
    expect(JSON.stringify(r.result.current.diff?.diff)).toMatch(/numpy/);
    expect(r.result.current.recipeText).toMatch(/python train.py --layers 2/);
  });

  it("error: a failed read becomes a sentence in the ErrorBar, and dismiss clears it", async () => {
    const h = await harness();
    const r = renderPaneHook(
      holding(h, (read) => {
        h.sim.faults.failSync(1, "GeneralException", "Internal error at Range.load (line 1)");
        return read();
      }),
      () => useEnvironmentsTab(),
    );
    await waitFor(() => expect(r.result.current.error).not.toBeNull());
    expect(r.result.current.error).toBe("Excel reported an unexpected problem. Please try again.");
    expect(r.result.current.busy).toBe(false);
    expect(r.result.current.stored.size).toBe(0);
    act(() => r.result.current.dismiss());
    expect(r.result.current.error).toBeNull();
  });

  it("cancel: a read overtaken by a newer one is dropped, so the tab never goes back to old data", async () => {
    const h = await harness();
    const late = gate();
    let reads = 0;
    const r = renderPaneHook(
      holding(h, async (read) => {
        const value = await read();
        // The first answer (no environments yet) arrives after the second one.
        if (++reads === 1) await late.opened;
        return value;
      }),
      () => useEnvironmentsTab(),
    );
    await waitFor(() => expect(reads).toBe(1));
    act(() => r.result.current.setText(ENV_A));
    await act(() => r.result.current.store());
    await waitFor(() => expect(r.result.current.stored.size).toBe(1));
    await act(async () => {
      late.open();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(r.result.current.stored.size).toBe(1);
    expect(r.result.current.busy).toBe(false);
  });
});
