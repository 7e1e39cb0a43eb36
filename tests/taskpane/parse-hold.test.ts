import { afterEach, describe, expect, it, vi } from "vitest";
import type { FromWorker } from "../../src/core/parse/index";

/** A stand-in for the browser's Worker: records listeners so the test plays the worker's part. */
class FakeWorker {
  static last: FakeWorker | null = null;
  listeners: Array<(event: { data: FromWorker }) => void> = [];
  constructor() {
    FakeWorker.last = this;
  }
  addEventListener(type: string, listener: (event: { data: FromWorker }) => void): void {
    if (type === "message") this.listeners.push(listener);
  }
  postMessage(): void {}
  terminate(): void {}
  send(data: FromWorker): void {
    for (const l of this.listeners) l({ data });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function start() {
  vi.stubGlobal("Worker", FakeWorker);
  const [hold, client] = await Promise.all([
    import("../../src/taskpane/logic/parse-hold"),
    import("../../src/taskpane/logic/parse-client"),
  ]);
  return { holdParseResults: hold.holdParseResults, startParseWorker: client.startParseWorker };
}

const result: FromWorker = {
  type: "result",
  id: 1,
  result: { format: "csv", columns: [], rows: [], rowLines: [], issues: [] },
};

describe("holdParseResults", () => {
  it("lets progress through at once and holds the outcome until released", async () => {
    const { holdParseResults, startParseWorker } = await start();
    const release = holdParseResults();
    const worker = startParseWorker();
    const seen: string[] = [];
    worker?.addEventListener("message", (e) => seen.push(e.data.type));
    FakeWorker.last?.send({ type: "progress", id: 1, done: 1, total: 2 });
    FakeWorker.last?.send(result);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(["progress"]);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(["progress", "result"]);
    // Once released, later outcomes arrive straight away.
    FakeWorker.last?.send({ type: "cancelled", id: 2 });
    expect(seen).toEqual(["progress", "result", "cancelled"]);
  });

  it("changes nothing when no hold was asked for", async () => {
    const { startParseWorker } = await start();
    const worker = startParseWorker();
    expect(worker).toBe(FakeWorker.last);
    const seen: string[] = [];
    worker?.addEventListener("message", (e) => seen.push(e.data.type));
    FakeWorker.last?.send(result);
    expect(seen).toEqual(["result"]);
  });
});
