/**
 * Web Worker that parses large pastes off the UI thread. Started and driven by the pane's client,
 * `src/taskpane/logic/parse-client.ts` (`startParseWorker`, `parseInWorker`); webpack 5 bundles it
 * as its own chunk. No React, no Office.
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
