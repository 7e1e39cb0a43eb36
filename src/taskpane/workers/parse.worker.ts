/**
 * Web Worker that parses large pastes off the UI thread. Created by the pane with
 * `new Worker(new URL("./workers/parse.worker.ts", import.meta.url))` (webpack 5 bundles it as
 * its own chunk) and driven through `createParseClient` from `src/core/parse`. No React, no Office.
 */
import { createParseWorkerHandler } from "../../core/parse/worker-handler";
import type { FromWorker, ToWorker } from "../../core/parse/worker-protocol";

/** The part of the dedicated worker scope we use (the DOM lib types `self` as a Window). */
interface ParseWorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as ParseWorkerScope;
const handle = createParseWorkerHandler({ postMessage: (m) => scope.postMessage(m) });
scope.onmessage = (event) => {
  void handle(event.data);
};
