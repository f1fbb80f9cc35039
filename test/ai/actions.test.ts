import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AI_ACTIONS, actionsJson } from "../../src/ai/actions.ts";

describe("prompts/*/actions.json", () => {
  it.each([...new Set(AI_ACTIONS.map((a) => a.prompt))])("%s matches its zod schema (run npm run prompts:actions after a schema change)", (prompt) => {
    expect(JSON.parse(readFileSync(`prompts/${prompt}/actions.json`, "utf8"))).toEqual(JSON.parse(JSON.stringify(actionsJson(prompt))));
  });
});
