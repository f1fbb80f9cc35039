// Runs `npm run trede -- <command>` in the test's own process: the same registry, arguments and streams as
// src/cli/main.ts, without paying for a new Node, tsx and module graph per call. Tests about the process
// itself (exit code through process.exitCode, a pipe closed early) still spawn src/cli/main.ts.
import { PassThrough, Readable } from "node:stream";
import { runCli } from "../../src/cli/run-cli.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliInProcess(args: string[], options: { stdin?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.setEncoding("utf8").on("data", (d: string) => {
    out += d;
  });
  stderr.setEncoding("utf8").on("data", (d: string) => {
    err += d;
  });
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const code = await runCli(args, { stdin, stdout, stderr, env: options.env ?? {} });
  return { code, stdout: out, stderr: err };
}
