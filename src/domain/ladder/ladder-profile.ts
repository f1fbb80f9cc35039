// A ladder profile is data (ladders/*.json): rungs, the stroomschema's questions and decision graph,
// rung-5 reason codes, the substep scheme, ZRM domains in scope, verdieping fields and visit outcomes.
// Each stored classification keeps the id and version of the profile that produced it.
import { z } from "zod";
import { ZRM_CODES } from "./zrm-domains.ts";

export const LocalizedText = z.object({ nl: z.string().min(1), en: z.string().min(1) });

export const ChoiceOption = z.object({ value: z.string().regex(/^[\w-]+$/), label: LocalizedText });

export const Question = z.object({
  id: z.string().regex(/^[A-Za-z][\w-]*$/),
  text: LocalizedText,
  help: LocalizedText.optional(),
  multi: z.boolean().default(false),
  options: z.array(ChoiceOption).min(2),
});
export type Question = z.infer<typeof Question>;

/** Where an answer leads: a rung (with the reason in words), or the next question. */
export const Outcome = z.object({
  rung: z.number().int().min(1),
  because: LocalizedText,
  /** The substep is implied by the answer (e.g. activity less than weekly: the next rung's activity has started). */
  substep: z.number().int().min(1).max(3).optional(),
  /** Rung-5 style reason: "selected" takes the first selected option listed in the node's anyOf. */
  reason: z.literal("selected").optional(),
});
export type Outcome = z.infer<typeof Outcome>;
const Next = z.object({ next: z.string() });
const Step = z.union([Outcome, Next]);

export const DecisionNode = z.union([
  z.object({ question: z.string(), branches: z.record(z.string(), Step) }),
  // biome-ignore lint/suspicious/noThenProperty: the ladder profile JSON names the branch "then"; a node is never awaited
  z.object({ question: z.string(), anyOf: z.array(z.string()).min(1), then: Step, else: Step }),
]);
export type DecisionNode = z.infer<typeof DecisionNode>;

export const LadderProfileData = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().min(1),
    name: LocalizedText,
    rungs: z.array(z.object({ rung: z.number().int().min(1), name: LocalizedText, criterion: LocalizedText })).min(2),
    questions: z.array(Question).min(1),
    decision: z.object({ start: z.string(), nodes: z.record(z.string(), DecisionNode) }),
    reasonCodes: z.array(ChoiceOption).default([]),
    substeps: z.object({
      question: z.object({ id: z.string(), text: LocalizedText, help: LocalizedText.optional() }),
      none: z.object({ value: z.string(), label: LocalizedText }),
      steps: z
        .array(
          z.object({
            substep: z.number().int().min(1).max(3),
            name: LocalizedText,
            when: LocalizedText,
            value: z.string(),
          }),
        )
        .length(3),
    }),
    defaultDomainsInScope: z.array(z.enum(ZRM_CODES as [string, ...string[]])).min(1),
    verdieping: z.array(Question),
    ontheffingField: z.object({ id: z.string(), yes: z.string() }).nullable(),
    outcomes: z.array(ChoiceOption).min(1),
    /** Report-time view on the 6-rung participatieladder; never stored over the native value. */
    mapToParticipatieladder: z.record(z.string(), z.number().int().min(1).max(6)).optional(),
  })
  .superRefine((p, ctx) => {
    const rungs = new Set(p.rungs.map((r) => r.rung));
    const questions = new Map(p.questions.map((q) => [q.id, q]));
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    for (const [i, r] of p.rungs.entries()) {
      if (r.rung !== i + 1) issue(["rungs", i, "rung"], `rungs must be numbered 1..${p.rungs.length} in order`);
    }
    if (!p.decision.nodes[p.decision.start]) issue(["decision", "start"], `unknown node ${p.decision.start}`);
    const checkStep = (step: z.infer<typeof Step>, path: (string | number)[]) => {
      if ("next" in step) {
        if (!p.decision.nodes[step.next]) issue([...path, "next"], `unknown node ${step.next}`);
      } else if (!rungs.has(step.rung)) issue([...path, "rung"], `unknown rung ${step.rung}`);
    };
    for (const [id, node] of Object.entries(p.decision.nodes)) {
      const q = questions.get(node.question);
      if (!q) {
        issue(["decision", "nodes", id, "question"], `unknown question ${node.question}`);
        continue;
      }
      const values = new Set(q.options.map((o) => o.value));
      if ("branches" in node) {
        for (const v of values) if (!node.branches[v]) issue(["decision", "nodes", id, "branches"], `no branch for answer ${v}`);
        for (const [v, step] of Object.entries(node.branches)) {
          if (!values.has(v)) issue(["decision", "nodes", id, "branches", v], `not an option of ${q.id}`);
          checkStep(step, ["decision", "nodes", id, "branches", v]);
        }
      } else {
        for (const [i, v] of node.anyOf.entries()) {
          if (!values.has(v)) issue(["decision", "nodes", id, "anyOf", i], `not an option of ${q.id}`);
        }
        checkStep(node.then, ["decision", "nodes", id, "then"]);
        checkStep(node.else, ["decision", "nodes", id, "else"]);
      }
    }
    const ontheffing = p.ontheffingField;
    if (ontheffing) {
      const f = p.verdieping.find((v) => v.id === ontheffing.id);
      if (!f?.options.some((o) => o.value === ontheffing.yes))
        issue(["ontheffingField"], "must name a verdieping field and one of its options");
    }
  });
export type LadderProfileData = z.infer<typeof LadderProfileData>;

export class LadderProfileError extends Error {
  readonly code = "LADDER_PROFILE_INVALID";
}

/** Validates profile data; the error names the source (file) and every field path that is wrong. */
export function parseLadderProfile(data: unknown, source: string): LadderProfileData {
  const result = LadderProfileData.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new LadderProfileError(`invalid ladder profile ${source}:\n${lines.join("\n")}`);
}
