// npm run trede -- classify [--profile <id>] [--team <name>]  < answers.json
// Prints the proposal as JSON. Exit codes: 0 a proposal, 1 invalid input of any kind (not JSON, too
// large, unknown profile or team, invalid answers; one line per problem on standard error), 2 a usage
// error. With --team the team's ladder profile and ZRM domains in scope apply (read from DATABASE_URL).
import type { Readable } from "node:stream";
import { loadLadderProfiles } from "../../config/ladder-profiles.ts";
import type { TeamClassifierScope } from "../../domain/teams/ports.ts";
import { classifyAnswers } from "../../use-cases/classify-answers.ts";
import { CliUsageError, type CliCommand, fail } from "../command.ts";
import { withStore } from "../with-database.ts";

/** Answers of one debrief are a few kilobytes; beyond this the input is refused before it is read whole. */
export const MAX_ANSWERS_BYTES = 1024 * 1024;

const USAGE = "usage: npm run trede -- classify [--profile <id>] [--team <name>] < answers.json";

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

function parseArgs(args: string[]): { profileId?: string; team?: string } {
  const options: { profileId?: string; team?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const name = args[i] === "--profile" ? "profileId" : args[i] === "--team" ? "team" : null;
    if (!name) throw new CliUsageError(`unknown argument "${args[i]}"\n${USAGE}`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith("--")) throw new CliUsageError(`${args[i]} needs a value\n${USAGE}`);
    options[name] = value;
    i++;
  }
  return options;
}

export const classifyCommand: CliCommand = {
  summary: "classify [--profile <id>] [--team <name>]: read answers (JSON) on stdin, print the proposal (JSON)",
  async run(args, io) {
    const { profileId, team: teamName } = parseArgs(args);
    const profiles = loadLadderProfiles();
    const invalid = (lines: string[]) => fail(io, `invalid answers:\n${lines.map((l) => `  ${l}`).join("\n")}`);
    const input = await readCapped(io.stdin, MAX_ANSWERS_BYTES);
    if (!input.ok) return invalid([`(root): ${input.message}`]);
    let answers: unknown;
    try {
      answers = JSON.parse(input.text);
    } catch (e) {
      return invalid([`(root): not valid JSON (${(e as Error).message})`]);
    }
    let team: TeamClassifierScope | null = null;
    if (teamName !== undefined) {
      team = await withStore(io, (store) => store.teams.classifierScope(teamName));
      if (!team) return invalid([`team: unknown team "${teamName}"`]);
    }
    const result = classifyAnswers(
      { profiles: profiles.all },
      {
        profileId: profileId ?? team?.ladderProfileId ?? profiles.default.id,
        answers,
        domainsInScope: team?.domainsInScope,
      },
    );
    if (!result.ok) return invalid(result.errors.map((x) => `${x.path}: ${x.message}`));
    io.stdout.write(`${JSON.stringify(result.proposal, null, 2)}\n`);
    return 0;
  },
};
