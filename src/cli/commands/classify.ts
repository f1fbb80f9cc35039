// npm run trede -- classify [--profile <id>]  < answers.json
// Prints the proposal as JSON. Exit codes: 0 a proposal, 1 invalid input of any kind (not JSON, too
// large, unknown profile, invalid answers; one line per problem on standard error), 2 a usage error.
import type { Readable } from "node:stream";
import { loadLadderProfiles } from "../../config/ladder-profiles.ts";
import { classifyAnswers } from "../../use-cases/classify-answers.ts";
import { CliUsageError, type CliCommand } from "../command.ts";

/** Answers of one debrief are a few kilobytes; beyond this the input is refused before it is read whole. */
export const MAX_ANSWERS_BYTES = 1024 * 1024;

const USAGE = "usage: npm run trede -- classify [--profile <id>] < answers.json";

type ReadResult = { ok: true; text: string } | { ok: false; message: string };

async function readCapped(stream: Readable, limit: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  // leaving the loop early destroys the stream: the rest of an oversized input is never read
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > limit) return { ok: false, message: `larger than ${limit / 1024 / 1024} MB; one debrief's answers are a few kilobytes` };
    chunks.push(bytes);
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, message: "not valid UTF-8 text" };
  }
}

function parseArgs(args: string[]): { profileId?: string } {
  let profileId: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--profile" && args[i + 1] !== undefined && !args[i + 1].startsWith("--")) profileId = args[++i];
    else if (args[i] === "--profile") throw new CliUsageError(`--profile needs a profile id\n${USAGE}`);
    else throw new CliUsageError(`unknown argument "${args[i]}"\n${USAGE}`);
  }
  return { profileId };
}

export const classifyCommand: CliCommand = {
  summary: "classify --profile <id>: read answers (JSON) on stdin, print the proposal (JSON)",
  async run(args, io) {
    const { profileId } = parseArgs(args);
    const profiles = loadLadderProfiles();
    const invalid = (lines: string[]) => (io.stderr.write(`invalid answers:\n${lines.map((l) => `  ${l}\n`).join("")}`), 1);
    const input = await readCapped(io.stdin, MAX_ANSWERS_BYTES);
    if (!input.ok) return invalid([`(root): ${input.message}`]);
    let answers: unknown;
    try {
      answers = JSON.parse(input.text);
    } catch (e) {
      return invalid([`(root): not valid JSON (${(e as Error).message})`]);
    }
    const result = classifyAnswers({ profiles: profiles.all }, { profileId: profileId ?? profiles.default.id, answers });
    if (!result.ok) return invalid(result.errors.map((x) => `${x.path}: ${x.message}`));
    io.stdout.write(`${JSON.stringify(result.proposal, null, 2)}\n`);
    return 0;
  },
};
