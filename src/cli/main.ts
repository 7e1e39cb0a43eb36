/** Process entry of `runsheet` (bundled to dist/cli.cjs): real files, stdin and stdout around runCli. */
import { readFile } from "node:fs/promises";
import type { CliIO } from "./io";
import { runCli } from "./run";

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A reader that stops early (`runsheet parse big.csv | head`) closes the pipe; further writes
 * fail with EPIPE. That is the reader's choice, not an error: stop writing and exit quietly.
 */
let closed = false;
function onStreamError(e: NodeJS.ErrnoException): void {
  if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") {
    closed = true;
    process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
  }
  process.stderr.write(`runsheet: cannot write the output (${e.message})\n`);
  process.exit(2);
}
process.stdout.on("error", onStreamError);
process.stderr.on("error", onStreamError);

// Whatever goes wrong, the user sees one sentence, never a stack trace.
process.on("uncaughtException", (e) => {
  if (!closed) process.stderr.write(`runsheet: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});

const io: CliIO = {
  stdout: (text) => {
    if (!closed) process.stdout.write(text);
  },
  stderr: (text) => {
    if (!closed) process.stderr.write(text);
  },
  readFile: async (path) => new Uint8Array(await readFile(path)),
  readStdin,
};

// exitCode, not exit(): let stdout drain when it is a pipe.
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`runsheet: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
