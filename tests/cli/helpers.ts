import { readFile } from "node:fs/promises";
import type { CliIO } from "../../src/cli/io";
import { runCli } from "../../src/cli/run";

/** A CliIO that reads real files, plus in-memory ones by name, and captures output. */
export function capture(files: Record<string, string | Uint8Array> = {}, stdin: string | Uint8Array = "") {
  const out: string[] = [];
  const err: string[] = [];
  const bytes = (f: string | Uint8Array): Uint8Array => (typeof f === "string" ? new TextEncoder().encode(f) : f);
  const io: CliIO = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (path) => {
      const f = files[path];
      if (f !== undefined) return bytes(f);
      return new Uint8Array(await readFile(path));
    },
    readStdin: () => Promise.resolve(bytes(stdin)),
  };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

/** Runs the CLI in-process and returns exit code, stdout, stderr and stdout as JSON. */
export async function run(argv: string[], files?: Record<string, string | Uint8Array>, stdin?: string | Uint8Array) {
  const c = capture(files, stdin);
  const code = await runCli(argv, c.io);
  return { code, out: c.out(), err: c.err(), json: <T = Record<string, unknown>>() => JSON.parse(c.out()) as T };
}
