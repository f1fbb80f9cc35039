// npm run prompts:actions — regenerates, from the zod schemas in src/ai/actions.ts and the ladder profiles:
//   prompts/caseload-query/actions.json
//   prompts/debrief-prefill-<profile>/ (config.json, skprompt.txt, actions.json) for every ladders/*.json,
//   from the source prompt in prompts/debrief-prefill/ (its LADDER_QUESTIONS line becomes the profile's).
import { mkdirSync, writeFileSync } from "node:fs";
import { generatedPromptFiles } from "../src/ai/prompt-files.ts";
import { loadLadderProfiles } from "../src/config/ladder-profiles.ts";

for (const [file, content] of generatedPromptFiles("prompts", loadLadderProfiles().all)) {
  mkdirSync(file.slice(0, file.lastIndexOf("/")), { recursive: true });
  writeFileSync(file, content);
  console.log(`wrote ${file}`);
}
