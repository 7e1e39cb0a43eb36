/**
 * The contract between `runsheet` sub-commands and the process. Commands never touch
 * `process` directly, so tests run them in-process with captured output.
 */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** All of standard input, as bytes (decoded like a file: UTF-8 or UTF-16 with a BOM). */
  readStdin(): Promise<Uint8Array>;
}

/** Exit codes shared by every command: 0 no errors, 1 problems found, 2 usage error or unreadable input. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A sub-command: receives the arguments after its name. */
export type CommandHandler = (argv: string[], io: CliIO) => Promise<ExitCode>;
