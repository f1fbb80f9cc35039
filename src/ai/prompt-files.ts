// The generated prompt files (npm run prompts:actions; a test compares them with what is checked in): the
// caseload prompt's actions.json, and one debrief-prefill prompt folder per ladder profile, so the model
// is told and offered only the questions and values of the team's own ladder.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { LadderProfileData } from "../domain/ladder/ladder-profile.ts";
import { actionsJson, CASELOAD_ACTION, prefillAction, prefillLadderText } from "./actions.ts";

export const PREFILL_SOURCE = "debrief-prefill";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** [path, content] of every generated file under `promptsDir`. */
export function generatedPromptFiles(promptsDir: string, profiles: LadderProfileData[]): [string, string][] {
  const source = path.join(promptsDir, PREFILL_SOURCE);
  const config = readFileSync(path.join(source, "config.json"), "utf8");
  const prompt = readFileSync(path.join(source, "skprompt.txt"), "utf8");
  const files: [string, string][] = [[path.join(promptsDir, CASELOAD_ACTION.prompt, "actions.json"), json(actionsJson(CASELOAD_ACTION))]];
  for (const profile of profiles) {
    const action = prefillAction(profile);
    const dir = path.join(promptsDir, action.prompt);
    files.push([path.join(dir, "config.json"), config]);
    files.push([path.join(dir, "skprompt.txt"), prompt.replace("LADDER_QUESTIONS", prefillLadderText(profile))]);
    files.push([path.join(dir, "actions.json"), json(actionsJson(action))]);
  }
  return files;
}
