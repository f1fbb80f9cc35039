// npm run prompts:actions — regenerates prompts/*/actions.json from the zod schemas in src/ai/actions.ts.
import { writeFileSync } from "node:fs";
import { AI_ACTIONS, actionsJson } from "../src/ai/actions.ts";

for (const prompt of new Set(AI_ACTIONS.map((a) => a.prompt))) {
  writeFileSync(`prompts/${prompt}/actions.json`, `${JSON.stringify(actionsJson(prompt), null, 2)}\n`);
  console.log(`wrote prompts/${prompt}/actions.json`);
}
