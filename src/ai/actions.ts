// Every action a model may call: one zod schema each. The debrief prefill is derived from a ladder profile
// (ladders/*.json): a team on a 7-rung ladder gets its own questions, values, substeps and rungs, and a
// value outside its profile is refused. prompts/<prompt>/actions.json (and, for the prefill, one prompt
// folder per profile) are generated from these (npm run prompts:actions) and a test fails when they drift.
import { z } from "zod";
import { CaseloadQuery } from "../domain/caseload/caseload-query.ts";
import { ContactKind } from "../domain/debrief/debrief-flow.ts";
import type { LadderProfileData } from "../domain/ladder/ladder-profile.ts";

export const RunCaseloadQuery = z.object({ query: CaseloadQuery });

/** What a model may prefill from a coach's note; the coach sees and confirms every value on the cards. */
export interface PrefillDebrief {
  contactKind?: ContactKind;
  reached?: boolean;
  ladder?: Record<string, string | string[]>;
  substep?: string;
  expectedRung?: number | "onbekend";
  growthPotential?: "ja" | "nee" | "onbekend";
  outcome?: string;
}

const oneOf = (values: string[]) => z.enum(values as [string, ...string[]]);

/** The prefill a model may give for a team on `profile`: only that profile's questions, values, substeps, rungs and outcomes. */
export function prefillDebriefSchema(profile: LadderProfileData): z.ZodType<PrefillDebrief> {
  const ladder = Object.fromEntries(
    profile.questions.map((q) => {
      const value = oneOf(q.options.map((o) => o.value));
      return [q.id, (q.multi ? z.array(value) : value).optional()];
    }),
  );
  const rungs = profile.rungs.map((r) => r.rung);
  return z
    .object({
      contactKind: ContactKind.optional(),
      reached: z.boolean().optional(),
      ladder: z.object(ladder).strict().optional(),
      substep: oneOf([profile.substeps.none.value, ...profile.substeps.steps.map((s) => s.value)]).optional(),
      expectedRung: z
        .union([
          z
            .number()
            .int()
            .min(Math.min(...rungs))
            .max(Math.max(...rungs)),
          z.literal("onbekend"),
        ])
        .optional(),
      growthPotential: z.enum(["ja", "nee", "onbekend"]).optional(),
      outcome: oneOf(profile.outcomes.map((o) => o.value)).optional(),
    })
    .strict() as z.ZodType<PrefillDebrief>;
}

/** The prompt folder (under prompts/) that prefills a debrief for a team on this profile. */
export const prefillPrompt = (profileId: string) => `debrief-prefill-${profileId}`;

export interface AiAction {
  prompt: string;
  action: string;
  description: string;
  schema: z.ZodType;
}

export const CASELOAD_ACTION: AiAction = {
  prompt: "caseload-query",
  action: "run_caseload_query",
  description: "Run a structured caseload query for the asker's own scope.",
  schema: RunCaseloadQuery,
};

export function prefillAction(profile: LadderProfileData): AiAction & { schema: z.ZodType<PrefillDebrief> } {
  return {
    prompt: prefillPrompt(profile.id),
    action: "prefill_debrief",
    description: "Prefill debrief answers from a coach's (pseudonymised) note.",
    schema: prefillDebriefSchema(profile),
  };
}

/** Every action of every prompt, for these ladder profiles. */
export function aiActions(profiles: LadderProfileData[]): AiAction[] {
  return [CASELOAD_ACTION, ...profiles.map(prefillAction)];
}

/** The actions.json content of an action's prompt, from its zod schema. */
export function actionsJson(action: AiAction): unknown[] {
  return [
    {
      name: action.action,
      description: action.description,
      parameters: z.toJSONSchema(action.schema, { target: "draft-7", io: "input", unrepresentable: "any" }),
    },
  ];
}

/** The part of the prefill prompt that names the profile's questions and allowed values (generated into skprompt.txt). */
export function prefillLadderText(profile: LadderProfileData): string {
  const rungs = profile.rungs.map((r) => r.rung);
  return [
    `Ladder questions (${profile.name.en}, answer ids and allowed values):`,
    ...profile.questions.map((q) => `- ${q.id}${q.multi ? " (list)" : ""}: ${q.options.map((o) => o.value).join(" | ")} (${q.text.en})`),
    `substep: ${[profile.substeps.none.value, ...profile.substeps.steps.map((s) => s.value)].join(" | ")}. growthPotential: ja | nee | onbekend.`,
    `expectedRung: ${Math.min(...rungs)} to ${Math.max(...rungs)}, or onbekend.`,
    `outcome: ${profile.outcomes.map((o) => o.value).join(" | ")}.`,
  ].join("\n");
}
