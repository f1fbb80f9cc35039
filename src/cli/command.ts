// One interface for every `npm run trede -- <command>`: commands take their arguments and streams, return an
// exit code, and never call process.exit themselves, so tests can run them in-process.
import type { Readable, Writable } from "node:stream";

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

export interface CliCommand {
  /** One line for `npm run trede -- help`. */
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** An error whose message is meant for the person at the terminal (no stack trace). */
export class CliUsageError extends Error {}

/** Tells the person at the terminal what went wrong and returns the exit code for invalid input. */
export function fail(io: CliIo, message: string): 1 {
  io.stderr.write(`${message}\n`);
  return 1;
}
