/**
 * Child-process probe for the tests: runs `runsheet ARGS...` in a fresh Node process and prints
 * the exit code, stderr and the peak resident memory (`process.resourceUsage().maxRSS`).
 */
import { readFile } from "node:fs/promises";
import type { CliIO } from "../../src/cli/io";
import { runCli } from "../../src/cli/run";

const err: string[] = [];
const io: CliIO = {
  stdout: () => undefined,
  stderr: (t) => void err.push(t),
  readFile: async (path) => new Uint8Array(await readFile(path)),
  readStdin: () => Promise.resolve(new Uint8Array()),
};

void runCli(process.argv.slice(2), io).then((code) => {
  const peakMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ code, err: err.join(""), peakMB }) + "\n");
});
