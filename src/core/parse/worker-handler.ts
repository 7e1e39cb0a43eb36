/**
 * The worker's message handling, separate from the worker file so it runs in tests without a
 * Web Worker. Progress messages are throttled to whole percents.
 */
import { parseInChunks } from "./parse";
import type { ToWorker, WorkerPort } from "./worker-protocol";

/** Creates the `onmessage` handler of a parse worker posting to `port`. */
export function createParseWorkerHandler(port: WorkerPort): (message: ToWorker) => Promise<void> {
  const signals = new Map<number, { aborted: boolean }>();
  return async (message) => {
    if (message.type === "cancel") {
      const s = signals.get(message.id);
      if (s) s.aborted = true;
      return;
    }
    const signal = { aborted: false };
    signals.set(message.id, signal);
    let lastPercent = -1;
    try {
      const result = await parseInChunks(message.text, {
        ...(message.format ? { format: message.format } : {}),
        ...(message.chunkRows ? { chunkRows: message.chunkRows } : {}),
        signal,
        onProgress: (done, total) => {
          const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
          if (percent === lastPercent) return;
          lastPercent = percent;
          port.postMessage({ type: "progress", id: message.id, done, total });
        },
      });
      if (result === null) port.postMessage({ type: "cancelled", id: message.id });
      else port.postMessage({ type: "result", id: message.id, result });
    } catch (e) {
      port.postMessage({ type: "failed", id: message.id, message: e instanceof Error ? e.message : String(e) });
    } finally {
      signals.delete(message.id);
    }
  };
}
