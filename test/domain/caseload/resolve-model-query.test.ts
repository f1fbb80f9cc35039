// A model's query is held to the interpreter's rule: it names only wijken, teams and coaches the asker may see.
import { describe, expect, it } from "vitest";
import { resolveModelQuery } from "../../../src/domain/caseload/resolve-model-query.ts";

const vocabulary = {
  wijken: ["Beijum", "De Hoogte"],
  teams: ["Noord"],
  coaches: ["Ahmed El Idrissi", "Sanne de Vries", "Sanne Bakker", "Lotte Bosma"],
};

describe("resolveModelQuery", () => {
  it("puts back the stored spelling of a wijk, team and coach (full name, or a first name only one coach has)", () => {
    const q = resolveModelQuery(
      {
        measure: "count",
        filters: { wijken: ["de  hoogte"], team: "noord", coaches: ["ahmed", "Lotte Bosma"], rungs: [3] },
      },
      vocabulary,
    );
    expect(q).toEqual({
      measure: "count",
      filters: { wijken: ["De Hoogte"], team: "Noord", coaches: ["Ahmed El Idrissi", "Lotte Bosma"], rungs: [3] },
    });
  });

  it.each([
    ["a coach outside the asker's scope", { coaches: ["Pieter"] }],
    ["a first name two coaches share", { coaches: ["Sanne"] }],
    ["a client's name as a coach", { coaches: ["Jansen"] }],
    ["another team", { team: "Zuid-West" }],
    ["a wijk the asker has no clients in", { wijken: ["Vinkhuizen"] }],
  ])("gives no query for %s (the interpreter answers instead)", (_what, filters) => {
    expect(resolveModelQuery({ measure: "list", filters }, vocabulary)).toBeNull();
  });

  it("leaves a query without names as it is", () => {
    const q = {
      measure: "trend" as const,
      of: "rung" as const,
      by: "quarter" as const,
      period: "lastYear" as const,
      filters: { ageRange: { min: 45 }, ontheffing: true },
    };
    expect(resolveModelQuery(q, vocabulary)).toEqual(q);
  });
});
