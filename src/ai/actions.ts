// Every action a model may call: one zod schema each. prompts/<prompt>/actions.json is generated from
// these (npm run prompts:actions) and a test fails when they drift.
import { z } from "zod";
import { CaseloadQuery } from "../domain/caseload/caseload-query.ts";
import { ContactKind } from "../domain/debrief/debrief-flow.ts";

export const RunCaseloadQuery = z.object({ query: CaseloadQuery });

/** What a model may prefill from a coach's note; the coach sees and confirms every value on the cards. */
export const PrefillDebrief = z
  .object({
    contactKind: ContactKind.optional(),
    reached: z.boolean().optional(),
    ladder: z.record(z.string().regex(/^\w+$/), z.union([z.string().regex(/^\w+$/), z.array(z.string().regex(/^\w+$/))])).optional(),
    substep: z.enum(["geen", "verkennen", "voorbereiden", "oefenen"]).optional(),
    expectedRung: z.union([z.number().int().min(1).max(7), z.literal("onbekend")]).optional(),
    growthPotential: z.enum(["ja", "nee", "onbekend"]).optional(),
    outcome: z.string().regex(/^\w+$/).optional(),
  })
  .strict();
export type PrefillDebrief = z.infer<typeof PrefillDebrief>;

export const AI_ACTIONS = [
  { prompt: "caseload-query", action: "run_caseload_query", description: "Run a structured caseload query for the asker's own scope.", schema: RunCaseloadQuery },
  { prompt: "debrief-prefill", action: "prefill_debrief", description: "Prefill debrief answers from a coach's (pseudonymised) note.", schema: PrefillDebrief },
] as const;

/** The actions.json content of a prompt, from its zod schema. */
export function actionsJson(prompt: string): unknown[] {
  return AI_ACTIONS.filter((a) => a.prompt === prompt).map((a) => ({
    name: a.action,
    description: a.description,
    parameters: z.toJSONSchema(a.schema, { target: "draft-7", io: "input", unrepresentable: "any" }),
  }));
}
