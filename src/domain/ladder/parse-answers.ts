// The answers of a whole debrief as integrations send them (`trede classify`), parsed strictly against
// one ladder profile: every key must be one the profile knows, every value one of its options, the
// stroomschema answers exactly the questions on the decision path, ZRM domains only those in scope.
// An integrator learns about a typo from an error naming the field, not from a quietly different rung.
import { z } from "zod";
import type { LadderProfileData, Question } from "./ladder-profile.ts";
import { resolveOntheffing } from "./ontheffing.ts";
import { ZRM_CODES, ZRM_DOMAINS } from "./zrm-domains.ts";

/** One problem with the answers: where (a dotted path, `(root)` for the whole input) and why. */
export interface AnswerIssue {
  path: string;
  message: string;
}

export interface ClassifierAnswers {
  ladder: Record<string, string | string[]>;
  substep: Record<string, string> | null;
  expected: { rung: number | null; horizonMonths: number; growthPotential: "ja" | "nee" | "onbekend" } | null;
  domains: Record<string, number | null>;
  verdieping: Record<string, string>;
  outcome: string | null;
  /** Derived from the verdieping field (as in the debrief) or, where that is absent, the `ontheffing` flag. */
  ontheffing: boolean;
}

export type ParsedClassifierAnswers = { ok: true; answers: ClassifierAnswers } | { ok: false; errors: AnswerIssue[] };

const TOP_LEVEL_FIELDS = ["ladder", "substep", "expected", "domains", "verdieping", "outcome", "ontheffing"];
const list = (values: readonly string[]) => values.join(", ");

function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `expected one of ${list(values)}` });
}
const options = (values: string[]) => values as [string, ...string[]];

function ladderAnswer(q: Question) {
  const values = q.options.map((o) => o.value);
  if (!q.multi) return choice(options(values));
  const message = `expected a list of ${list(values)}`;
  // A single value is read as a list of one, as the debrief card submits it.
  return z
    .union([z.string(), z.array(z.string())], { error: message })
    .transform((v) => (typeof v === "string" ? [v] : [...new Set(v)]))
    .refine((v) => v.length > 0 && v.every((x) => values.includes(x)), { error: message });
}

/**
 * The shape of the answers for this profile: known keys only (strict objects, so `__proto__` or
 * `constructor` is an unknown key like any other) and the profile's option values. The decision path,
 * the domains in scope and the ontheffing are checked by parseClassifierAnswers.
 */
export function answersSchema(profile: LadderProfileData) {
  let schema = schemas.get(profile);
  if (!schema) {
    schema = buildAnswersSchema(profile);
    schemas.set(profile, schema);
  }
  return schema;
}

// built once per profile: building the zod objects costs more than a parse
const schemas = new WeakMap<LadderProfileData, ReturnType<typeof buildAnswersSchema>>();

function buildAnswersSchema(profile: LadderProfileData) {
  const substepValues = [profile.substeps.none.value, ...profile.substeps.steps.map((s) => s.value)];
  const rungs = profile.rungs.map((r) => r.rung);
  const scoreError = "expected a score 1 to 5, or null for niet besproken";
  const score = z.union(
    [z.number({ error: scoreError }).int({ error: scoreError }).min(1, { error: scoreError }).max(5, { error: scoreError }), z.null()],
    { error: scoreError },
  );
  return z.strictObject({
    ladder: z.strictObject(Object.fromEntries(profile.questions.map((q) => [q.id, ladderAnswer(q).optional()]))),
    substep: z
      .strictObject({ [profile.substeps.question.id]: choice(options(substepValues)).optional() })
      .nullable()
      .default(null),
    expected: z
      .strictObject({
        rung: z
          .union([z.number().int(), z.literal("onbekend"), z.null()], {
            error: `expected one of ${list(rungs.map(String))} or "onbekend"`,
          })
          .transform((v) => (v === "onbekend" ? null : v)),
        horizonMonths: z.number().int().min(1).max(60).default(12),
        growthPotential: choice(["ja", "nee", "onbekend"]).default("onbekend"),
      })
      .refine((e) => e.rung === null || rungs.includes(e.rung), {
        path: ["rung"],
        message: `must be one of ${list(rungs.map(String))} or "onbekend"`,
      })
      .nullable()
      .default(null),
    domains: z.strictObject(Object.fromEntries(ZRM_CODES.map((code) => [code, score.optional()]))).default({}),
    verdieping: z
      .strictObject(Object.fromEntries(profile.verdieping.map((q) => [q.id, choice(options(q.options.map((o) => o.value))).optional()])))
      .default({}),
    outcome: choice(options(profile.outcomes.map((o) => o.value)))
      .nullable()
      .default(null),
    ontheffing: z.boolean({ error: "expected true or false" }).optional(),
  });
}

// A key that is not a plain name (empty, with dots or spaces) is shown quoted, so the path stays readable.
const segment = (key: PropertyKey) =>
  typeof key === "number" || /^[A-Za-z_$][\w$-]*$/.test(String(key)) ? String(key) : `[${JSON.stringify(String(key))}]`;
const dotted = (path: readonly PropertyKey[]) => path.map(segment).join(".") || "(root)";

function unknownKeyMessage(profile: LadderProfileData, parent: string): string {
  if (parent === "(root)") return `unknown field; the fields are ${list(TOP_LEVEL_FIELDS)}`;
  if (parent === "ladder") return `not a question of ${profile.id}; its questions are ${list(profile.questions.map((q) => q.id))}`;
  if (parent === "substep") return `unknown field; the only field is ${profile.substeps.question.id}`;
  if (parent === "expected") return "unknown field; the fields are rung, horizonMonths, growthPotential";
  if (parent === "domains") return "not a ZRM 2017 domain code";
  if (parent === "verdieping")
    return `not a verdieping field of ${profile.id}; its fields are ${list(profile.verdieping.map((q) => q.id))}`;
  return "unknown field";
}

function schemaIssues(profile: LadderProfileData, issues: readonly z.core.$ZodIssue[]): AnswerIssue[] {
  return issues.flatMap((issue) => {
    const parent = dotted(issue.path);
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => ({
        path: dotted([...issue.path, key]),
        message: unknownKeyMessage(profile, parent),
      }));
    if (issue.code === "invalid_type" && issue.path.length === 0)
      return [{ path: "(root)", message: "expected a JSON object with the answers" }];
    if (issue.code === "invalid_type" && issue.expected === "object") return [{ path: parent, message: "expected an object" }];
    return [{ path: parent, message: issue.message }];
  });
}

/** Questions that a later answer could still ask, from the node where the walk stopped. */
function reachableQuestions(profile: LadderProfileData, fromNode: string): Set<string> {
  const seen = new Set<string>();
  const questions = new Set<string>();
  const queue = [fromNode];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id) || !Object.hasOwn(profile.decision.nodes, id)) continue;
    seen.add(id);
    const node = profile.decision.nodes[id];
    questions.add(node.question);
    const steps = "branches" in node ? Object.values(node.branches) : [node.then, node.else];
    for (const step of steps) if ("next" in step) queue.push(step.next);
  }
  return questions;
}

/** Walks the decision graph over answers whose values the schema has already checked. */
function decisionPath(
  profile: LadderProfileData,
  ladder: Record<string, string | string[]>,
): { asked: string[]; missing: string | null; stoppedAt: string } {
  const asked: string[] = [];
  let nodeId = profile.decision.start;
  for (let guard = 0; guard < 50; guard++) {
    const node = profile.decision.nodes[nodeId];
    if (!Object.hasOwn(ladder, node.question)) return { asked, missing: node.question, stoppedAt: nodeId };
    asked.push(node.question);
    const answer = ladder[node.question];
    const step =
      "branches" in node
        ? node.branches[answer as string]
        : node.anyOf.some((v) => (answer as string[]).includes(v))
          ? node.then
          : node.else;
    if (!("next" in step)) return { asked, missing: null, stoppedAt: nodeId };
    nodeId = step.next;
  }
  throw new Error(`profile ${profile.id}: decision graph does not end`);
}

function domainIssues(scope: readonly string[], domains: Record<string, number | null>): AnswerIssue[] {
  return Object.keys(domains)
    .filter((code) => !scope.includes(code))
    .map((code) => {
      const domain = ZRM_DOMAINS.find((d) => d.code === code)!;
      return {
        path: `domains.${code}`,
        message: domain.special
          ? `special-category domain (${domain.name.en}): recorded only for a team that has it in scope, with a reason; in scope here: ${list(scope)}`
          : `not in scope here; in scope: ${list(scope)}`,
      };
    });
}

export interface ParseAnswersOptions {
  /** The team's ZRM domains in scope; the profile's default (no special categories) when not given. */
  domainsInScope?: readonly string[];
}

export function parseClassifierAnswers(
  profile: LadderProfileData,
  raw: unknown,
  options: ParseAnswersOptions = {},
): ParsedClassifierAnswers {
  const parsed = answersSchema(profile).safeParse(raw);
  if (!parsed.success) return { ok: false, errors: schemaIssues(profile, parsed.error.issues) };
  const data = parsed.data;
  const errors: AnswerIssue[] = [];

  const ladder = Object.fromEntries(Object.entries(data.ladder).filter(([, v]) => v !== undefined)) as Record<string, string | string[]>;
  const path = decisionPath(profile, ladder);
  if (path.missing) errors.push({ path: `ladder.${path.missing}`, message: "answer required" });
  const stillAskable = path.missing ? reachableQuestions(profile, path.stoppedAt) : new Set<string>();
  for (const id of Object.keys(ladder)) {
    if (path.asked.includes(id) || stillAskable.has(id)) continue;
    errors.push({
      path: `ladder.${id}`,
      message: `not on the decision path: with these answers the questions are ${list(path.asked)}${path.missing ? `, ${path.missing}` : ""}; leave it out`,
    });
  }

  const domains = Object.fromEntries(Object.entries(data.domains).filter(([, v]) => v !== undefined)) as Record<string, number | null>;
  errors.push(...domainIssues(options.domainsInScope ?? profile.defaultDomainsInScope, domains));

  const verdieping = Object.fromEntries(Object.entries(data.verdieping).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const ontheffing = resolveOntheffing(profile.ontheffingField, verdieping, data.ontheffing);
  if (!ontheffing.ok) errors.push({ path: "ontheffing", message: ontheffing.message });

  if (errors.length || !ontheffing.ok) return { ok: false, errors };
  const substep = data.substep
    ? (Object.fromEntries(Object.entries(data.substep).filter(([, v]) => v !== undefined)) as Record<string, string>)
    : null;
  return {
    ok: true,
    answers: {
      ladder,
      substep,
      expected: data.expected,
      domains,
      verdieping,
      outcome: data.outcome,
      ontheffing: ontheffing.ontheffing,
    },
  };
}
