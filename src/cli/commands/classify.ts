// npm run trede -- classify --profile <id>  < answers.json
// Prints the proposal as JSON; invalid answers exit with code 1 and a readable message.
import { loadLadderProfiles } from "../../config/ladder-profiles.ts";
import { answersSchema, classify, LadderAnswerError } from "../../domain/ladder/index.ts";
import { CliUsageError, type CliCommand } from "../command.ts";

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += chunk;
  return text;
}

export const classifyCommand: CliCommand = {
  summary: "classify --profile <id>: read answers (JSON) on stdin, print the proposal (JSON)",
  async run(args, io) {
    const i = args.indexOf("--profile");
    const profiles = loadLadderProfiles();
    const id = i >= 0 ? args[i + 1] : profiles.default.id;
    if (!id) throw new CliUsageError("usage: npm run trede -- classify --profile <id> < answers.json");
    if (!profiles.all.some((p) => p.id === id)) throw new CliUsageError(`unknown profile "${id}"; known: ${profiles.all.map((p) => p.id).join(", ")}`);
    const profile = profiles.get(id);
    let json: unknown;
    try {
      json = JSON.parse(await readAll(io.stdin));
    } catch (e) {
      io.stderr.write(`invalid answers: not valid JSON (${(e as Error).message})\n`);
      return 1;
    }
    const parsed = answersSchema(profile).safeParse(json);
    if (!parsed.success) {
      io.stderr.write(`invalid answers:\n${parsed.error.issues.map((x) => `  ${x.path.join(".") || "(root)"}: ${x.message}`).join("\n")}\n`);
      return 1;
    }
    try {
      const proposal = classify(profile, parsed.data);
      io.stdout.write(
        `${JSON.stringify(
          {
            profile: { id: profile.id, version: profile.version },
            rung: proposal.rung,
            substep: proposal.substep,
            reason: proposal.rung5Reason,
            decidedBy: proposal.decidedBy,
            expected: parsed.data.expected,
            explanation: proposal.explanation,
            warnings: proposal.warnings,
          },
          null,
          2,
        )}\n`,
      );
      return 0;
    } catch (e) {
      if (e instanceof LadderAnswerError) {
        io.stderr.write(`invalid answers:\n  ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  },
};
