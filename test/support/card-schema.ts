// Validates a card against the official Adaptive Card 1.5 JSON schema plus the limits Teams applies.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import draft6 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };

const SCHEMA_FILE = path.resolve(import.meta.dirname, "../../../shared/schemas/adaptive-card-1.5.json");
let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (validate) return validate;
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8"));
  schema.$id = schema.id; // draft-06 "id"; Ajv 8 reads $id
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(draft6);
  validate = ajv.compile(schema);
  return validate;
}

/** Chart elements Teams draws (Chart.Line, Chart.VerticalBar, ...); other hosts show their fallback. */
export const isTeamsChart = (node: unknown): node is { type: string; fallback?: unknown } =>
  !!node &&
  typeof node === "object" &&
  typeof (node as { type?: unknown }).type === "string" &&
  /^Chart\.[A-Za-z.]+$/.test((node as { type: string }).type);

/**
 * Teams-only properties the official 1.5 schema does not know: `msteams`, the `filtered` ChoiceSet style, and
 * chart elements, which are validated as the fallback every other host shows (a chart without one fails).
 */
function withoutTeamsExtensions(node: unknown): unknown {
  // a chart whose fallback is "drop" is simply not there for other hosts
  if (Array.isArray(node)) return node.filter((n) => !(isTeamsChart(n) && n.fallback === "drop")).map(withoutTeamsExtensions);
  if (isTeamsChart(node)) return withoutTeamsExtensions(node.fallback ?? { type: "Chart without a fallback" });
  if (node && typeof node === "object") {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === "msteams") continue;
      copy[k] = k === "style" && v === "filtered" ? "compact" : withoutTeamsExtensions(v);
    }
    return copy;
  }
  return node;
}

export function validateCardSchema(card: Record<string, any>): string[] {
  const problems: string[] = [];
  const v = validator();
  if (!v(withoutTeamsExtensions(card))) problems.push(...(v.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`));
  if (card.version !== "1.5") problems.push(`version must be 1.5, is ${card.version}`);
  const size = Buffer.byteLength(JSON.stringify(card));
  if (size > 28 * 1024) problems.push(`card is ${size} bytes; Teams allows 28 KB`);
  if ((card.actions ?? []).length > 6) problems.push("more than 6 primary actions");
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === "object") {
      if (n.type === "Action.Execute" && !n.verb) problems.push("Action.Execute without a verb");
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  if ((card.refresh?.userIds ?? []).length > 60) problems.push("refresh.userIds holds more than 60 ids");
  return problems;
}
