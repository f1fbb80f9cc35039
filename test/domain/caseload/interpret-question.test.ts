import { describe, expect, it } from "vitest";
import { describeQuery } from "../../../src/domain/caseload/describe-query.ts";
import { interpretQuestion, normalise, type InterpretContext } from "../../../src/domain/caseload/interpret-question.ts";

const nl: InterpretContext = {
  locale: "nl",
  wijken: ["Selwerd", "De Wijert", "Vinkhuizen", "Beijum"],
  teams: ["Noord", "Zuid-West"],
};
const en: InterpretContext = { ...nl, locale: "en" };

const risers = { measure: "list", filters: { rungs: [1], expected: { op: "aboveCurrent" } } };
const crossTab = { measure: "crossTab", filters: {} };
const climbed = { measure: "movement", direction: "up", period: "thisYear", filters: {} };
const fell = { measure: "movement", direction: "down", filters: {} };
const notSpoken = { measure: "list", filters: { monthsSinceContactAtLeast: 12 } };
const reach = { measure: "reach", filters: {} };
const growth = { measure: "growthByAgeBand", filters: {} };
const pending = { measure: "pendingReviews", filters: {} };

describe("interpretQuestion", () => {
  it.each<[string, InterpretContext, unknown]>([
    ["wie op trede 1 gaat naar verwachting stijgen?", nl, risers],
    ["Wie op trede 1 gaat naar verwachting stijgen", nl, risers],
    ["wie op trde 1 gaat naar verwachitng stijgen?", nl, risers],
    ["wie gaat er naar verwachting stijgen op trede 1", nl, risers],
    ["Welke klanten op trede één gaan naar verwachting stijgen?", nl, risers],
    ["trede 1 naar verwachting omhoog", nl, risers],
    ["Who on rung 1 is expected to move up?", en, risers],
    ["who on rung one is expected to climb", en, risers],
    ["expected to rise, rung 1, who?", en, risers],
    ["verdeling huidige en verwachte trede", nl, crossTab],
    ["Verdeling huidige versus verwachte trede", nl, crossTab],
    ["verdeeling huidige en verwachte trede", nl, crossTab],
    ["huidige tegenover verwachte trede, tabel", nl, crossTab],
    ["distribution of current and expected rung", en, crossTab],
    ["Hoeveel klanten zijn dit jaar minstens één trede gestegen?", nl, climbed],
    ["hoeveel klanten zijn dit jaar gestegen", nl, climbed],
    ["How many clients climbed at least one rung this year?", en, climbed],
    ["Wie is gedaald sinds de vorige meting?", nl, fell],
    ["who moved down since the previous measurement", en, fell],
    ["Welke klanten zijn langer dan 12 maanden niet gesproken?", nl, notSpoken],
    ["welke klanten zijn een jaar niet gesproken", nl, notSpoken],
    ["Which clients have not been spoken to for more than 12 months?", en, notSpoken],
    ["wie heb ik al een jaar niet gesproken?", nl, { measure: "list", filters: { mine: true, monthsSinceContactAtLeast: 12 } }],
    ["welke klanten zijn 18 maanden niet gezien", nl, { measure: "list", filters: { monthsSinceContactAtLeast: 18 } }],
    ["Welk percentage is in beeld, per wijk?", nl, reach],
    ["in beeld per wijk", nl, reach],
    ["What percentage is in view, per neighbourhood?", en, reach],
    ["Groeipotentieel per leeftijdscategorie", nl, growth],
    ["groeipotentiaal per leeftijd", nl, growth],
    ["growth potential by age band", en, growth],
    ["Welke indelingen wachten op akkoord?", nl, pending],
    ["wat moet er nog beoordeeld worden, wat wacht op akkoord", nl, pending],
    ["Which classifications are waiting for approval?", en, pending],
    [
      "Wie staat al twee jaar op dezelfde trede zonder tussenstap-vooruitgang?",
      nl,
      { measure: "list", filters: { monthsOnSameSubstepAtLeast: 24 } },
    ],
    ["who has been on the same rung for two years", en, { measure: "list", filters: { monthsOnSameRungAtLeast: 24 } }],
    [
      "Hoeveel verwijzingen naar werk / wijkteam / ontheffing na huisbezoeken dit jaar?",
      nl,
      { measure: "referrals", period: "thisYear", filters: { outcomes: ["werk", "wijkteam", "ontheffingsverzoek"] } },
    ],
    [
      "Op welke leefdomeinen zien we vooruitgang of achteruitgang dit kwartaal?",
      nl,
      { measure: "domainTrends", period: "thisQuarter", filters: {} },
    ],
    ["klanten in Selwerd op trede 2", nl, { measure: "list", filters: { rungs: [2], wijken: ["Selwerd"] } }],
    ["hoeveel klanten op trede 3 in de wijert", nl, { measure: "count", filters: { rungs: [3], wijken: ["De Wijert"] } }],
    ["mijn klanten op trede 1 of 2", nl, { measure: "list", filters: { rungs: [1, 2], mine: true } }],
    ["verdeling per wijk", nl, { measure: "distribution", by: "wijk", filters: {} }],
    ["verdeling trede team Noord", nl, { measure: "distribution", by: "rung", filters: { team: "Noord" } }],
    ["wie heeft verwachte trede onbekend", nl, { measure: "list", filters: { expected: { op: "unknown" } } }],
    ["hoeveel jongeren onder 27 met groeipotentieel", nl, { measure: "count", filters: { ageBands: ["<27"], growthPotential: "ja" } }],
    [
      "clients on rung 2 with expected rung 4 or higher",
      en,
      { measure: "list", filters: { rungs: [2], expected: { op: "atLeast", rung: 4 } } },
    ],
  ])("%j", (question, ctx, expected) => {
    const r = interpretQuestion(question, ctx);
    expect(r).toEqual({ ok: true, query: expected, locale: ctx.locale });
  });

  it.each(["wat is het weer morgen?", "hallo", "", "???", "bestel pizza voor het team"])(
    "says it does not understand %j and offers examples",
    (q) => {
      const r = interpretQuestion(q, nl);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.suggestions).toContain("Wie op trede 1 gaat naar verwachting stijgen?");
    },
  );

  it("normalises accents, case, number words and typos", () => {
    expect(normalise("Wie op TRDE één?")).toBe("wie op trede 1");
  });
});

describe("describeQuery", () => {
  it.each<[unknown, string, string]>([
    [risers, "Klanten op trede 1 met verwachte trede hoger dan de huidige", "Clients on rung 1 expected to be on a higher rung than now"],
    [
      { measure: "list", filters: { rungs: [1], expected: { op: "aboveCurrent" }, team: "Noord" } },
      "Klanten op trede 1 met verwachte trede hoger dan de huidige, team Noord",
      "Clients on rung 1 expected to be on a higher rung than now, team Noord",
    ],
    [crossTab, "Huidige versus verwachte trede", "Current versus expected rung"],
    [climbed, "Klanten die dit jaar minstens één trede gestegen zijn", "Clients who climbed at least one rung this year"],
    [
      { measure: "list", filters: { mine: true, monthsSinceContactAtLeast: 12 } },
      "Klanten van mij langer dan 12 maanden niet gesproken",
      "Clients of mine not spoken to for more than 12 months",
    ],
    [reach, "In beeld (contact in de afgelopen 12 maanden) per wijk", "In view (contact in the last 12 months) per neighbourhood"],
    [
      { measure: "crossTab", filters: { team: "Noord", ageBands: ["45+"] } },
      "Huidige versus verwachte trede: klanten leeftijd 45 en ouder, team Noord",
      "Current versus expected rung: clients aged 45 and over, team Noord",
    ],
  ])("%j", (query, dutch, english) => {
    expect(describeQuery(query as never, "nl")).toBe(dutch);
    expect(describeQuery(query as never, "en")).toBe(english);
  });
});
