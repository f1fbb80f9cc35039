// The two catalogues say the same things: every key exists in both at every depth, a text that takes
// values takes as many in both languages, and no text is empty. (The compiler checks the types already; this
// also catches an optional key, a dropped parameter and an empty string.)
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/catalogue/en.ts";
import { nl } from "../../src/i18n/catalogue/nl.ts";
import { t } from "../../src/i18n/catalogue/index.ts";

type Entry = { path: string; kind: "text" | "function" | "list" | "area"; arity?: number; empty?: boolean };

function walk(node: unknown, path: string, out: Entry[] = []): Entry[] {
  if (typeof node === "string") out.push({ path, kind: "text", empty: node.trim() === "" });
  else if (typeof node === "function") out.push({ path, kind: "function", arity: node.length });
  else if (Array.isArray(node)) {
    out.push({ path, kind: "list", empty: node.length === 0 });
    for (const [i, item] of node.entries()) walk(item, `${path}[${i}]`, out);
  } else if (node && typeof node === "object") {
    out.push({ path, kind: "area", empty: Object.keys(node).length === 0 });
    for (const key of Object.keys(node).sort()) walk((node as Record<string, unknown>)[key], path ? `${path}.${key}` : key, out);
  } else throw new Error(`${path}: not a text (${String(node)})`);
  return out;
}

describe("the text catalogues (nl, en)", () => {
  const dutch = walk(nl, "");
  const english = walk(en, "");

  it("have the same keys, of the same kind, at every depth", () => {
    const shape = (entries: Entry[]) => entries.map((e) => `${e.path}: ${e.kind}`);
    expect(shape(english)).toEqual(shape(dutch));
  });

  it("give every text that takes values the same number of values in both languages", () => {
    const arities = (entries: Entry[]) => entries.filter((e) => e.kind === "function").map((e) => `${e.path}/${e.arity}`);
    expect(arities(english)).toEqual(arities(dutch));
  });

  it("leave no text, list or area empty", () => {
    expect([...dutch, ...english].filter((e) => e.empty).map((e) => e.path)).toEqual([]);
  });

  it("hold the texts of every area the product speaks about", () => {
    expect(Object.keys(nl)).toEqual([
      "messages",
      "access",
      "notifications",
      "caseload",
      "review",
      "caseloadExport",
      "nudge",
      "waitingReviews",
      "reviewCard",
      "digest",
      "caseloadCard",
      "describeQuery",
      "importRows",
      "csv",
      "importReport",
      "caseloadExamples",
      "welcome",
      "ladder",
      "debrief",
    ]);
  });

  it("are what t(locale) returns", () => {
    expect(t("nl")).toBe(nl);
    expect(t("en")).toBe(en);
    expect(t("en").messages.staleCard).not.toBe(t("nl").messages.staleCard);
  });
});
