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

const io: CliIO = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
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
