import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedPromptFiles } from "../../src/ai/prompt-files.ts";
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";

describe("the generated prompt files (prompts/*/actions.json, prompts/debrief-prefill-<profile>/)", () => {
  it.each(generatedPromptFiles("prompts", loadLadderProfiles().all))(
    "%s matches its zod schema and ladder profile (run npm run prompts:actions after a change)",
    (file, content) => {
      expect(readFileSync(file, "utf8")).toEqual(content);
    },
  );
});
