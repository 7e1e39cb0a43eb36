import { describe, expect, it } from "vitest";
import { createParseWorkerHandler, parseText, type FromWorker, type ToWorker } from "../../src/core/parse/index";
import {
  parseHere,
  parseInWorker,
  startParseWorker,
  WorkerBrokenError,
  type WorkerLike,
} from "../../src/taskpane/logic/parse-client";

/** A worker double running the worker's real handler on this thread, with messages delivered asynchronously like postMessage. */
function inProcessWorker(): WorkerLike & { sent: ToWorker[] } {
  const listeners: ((event: { data: FromWorker }) => void)[] = [];
  const handler = createParseWorkerHandler({
    postMessage: (message) => setTimeout(() => listeners.forEach((l) => l({ data: message })), 0),
  });
  const sent: ToWorker[] = [];
  return {
    sent,
    postMessage: (message) => {
      sent.push(message);
      setTimeout(() => void handler(message), 0);
    },
    addEventListener: (type: "message" | "error", listener: (event: never) => void) => {
      if (type === "message") listeners.push(listener as (event: { data: FromWorker }) => void);
    },
    terminate: () => undefined,
  };
}

const big = [
  "run_id,accuracy,val_loss",
  ...Array.from({ length: 5000 }, (_, i) => `r${i},${(i % 100) / 100},${1 - (i % 100) / 100}`),
].join("\n");

describe("parseInWorker", () => {
  it("returns the same result as parsing directly, with progress up to 1", async () => {
    const worker = inProcessWorker();
    const progress: number[] = [];
    const job = parseInWorker(worker, big, undefined, (f) => progress.push(f));
    const result = await job.promise;
    expect(result?.rows.length).toBe(5000);
    expect(result).toEqual(parseText(big));
    expect(progress.length).toBeGreaterThan(1);
    expect(Math.max(...progress)).toBeLessThanOrEqual(1);
    expect(progress.every((p, i) => i === 0 || p >= (progress[i - 1] ?? 0))).toBe(true);
  });

  it("resolves to null when cancelled", async () => {
    const worker = inProcessWorker();
    const job = parseInWorker(worker, big, "csv", () => undefined);
    job.cancel();
    expect(await job.promise).toBeNull();
    expect(worker.sent.map((m) => m.type)).toEqual(["parse", "cancel"]);
  });

  it("cancels one job on a shared worker, leaving the other to finish", async () => {
    const worker = inProcessWorker();
    const a = parseInWorker(worker, big, undefined, () => undefined);
    const b = parseInWorker(worker, "x,y\n1,2\n", undefined, () => undefined);
    a.cancel();
    expect(await a.promise).toBeNull();
    expect((await b.promise)?.rows).toEqual([{ x: 1, y: 2 }]);
  });

  it("rejects with a sentence when the worker fails", async () => {
    const listeners: ((event: { data: FromWorker }) => void)[] = [];
    const worker: WorkerLike = {
      postMessage: (m) => {
        if (m.type === "parse")
          setTimeout(() => listeners.forEach((l) => l({ data: { type: "failed", id: m.id, message: "boom" } })), 0);
      },
      addEventListener: (type: "message" | "error", l: (event: never) => void) => {
        if (type === "message") listeners.push(l as (event: { data: FromWorker }) => void);
      },
      terminate: () => undefined,
    };
    await expect(parseInWorker(worker, "a,b\n1,2", undefined, () => undefined).promise).rejects.toThrow(/boom/);
  });

  it("rejects with WorkerBrokenError when the worker script cannot run", async () => {
    const errorListeners: ((event: { message?: string }) => void)[] = [];
    const worker: WorkerLike = {
      postMessage: () => setTimeout(() => errorListeners.forEach((l) => l({ message: "404" })), 0),
      addEventListener: (type: "message" | "error", l: (event: never) => void) => {
        if (type === "error") errorListeners.push(l as (event: { message?: string }) => void);
      },
      terminate: () => undefined,
    };
    await expect(parseInWorker(worker, "a,b\n1,2", undefined, () => undefined).promise).rejects.toBeInstanceOf(
      WorkerBrokenError,
    );
  });
});

describe("startParseWorker", () => {
  it("gives null where there are no Web Workers, so the pane parses here instead", () => {
    expect(typeof Worker).toBe("undefined");
    expect(startParseWorker()).toBeNull();
  });
});

describe("parseHere", () => {
  it("parses on this thread and can be cancelled", async () => {
    const done = await parseHere(big, undefined, () => undefined).promise;
    expect(done?.rows.length).toBe(5000);
    const job = parseHere(big, undefined, () => undefined);
    job.cancel();
    expect(await job.promise).toBeNull();
  });
});
