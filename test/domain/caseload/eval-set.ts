// What Trede understands: caseload questions with the query each must produce, or the refusal it must
// give. Dutch and English, with typos, abbreviations ("tr. 1", "trede1", "tr1") and word-order variants,
// asked by the demo municipality's people (src/storage/seed/seed-demo.ts): Noord's team lead, the coach
// Sanne (team Noord) and the administrator. The first block is the questions from issue 18 verbatim; the
// rest vary names, wijken and numbers the way people do. eval-set.test.ts runs every one and reports
// correct / honestly refused / wrong; any wrong answer fails it.
import type { InterpretContext } from "../../../src/domain/caseload/interpret-question.ts";

const NOORD_WIJKEN = ["Selwerd", "Lewenborg", "Beijum", "Paddepoel"];
const ZW_WIJKEN = ["Vinkhuizen", "De Wijert", "Corpus den Hoorn", "Hoogkerk"];
const NOORD_COACHES = ["Sanne de Vries", "Ahmed El Idrissi", "Lotte Bosma"];
const ZW_COACHES = ["Pieter Smit", "Fatma Yilmaz", "Joost van der Meer"];

export const CONTEXTS: Record<"lead" | "coach" | "admin", Omit<InterpretContext, "locale">> = {
  lead: {
    wijken: NOORD_WIJKEN,
    teams: ["Noord"],
    coaches: NOORD_COACHES,
    outside: { wijken: ZW_WIJKEN, teams: ["Zuid-West"], coaches: ZW_COACHES },
  },
  coach: {
    wijken: NOORD_WIJKEN,
    teams: [],
    coaches: ["Sanne de Vries"],
    outside: { wijken: ZW_WIJKEN, teams: ["Noord", "Zuid-West"], coaches: [...NOORD_COACHES.slice(1), ...ZW_COACHES] },
  },
  admin: {
    wijken: [...NOORD_WIJKEN, ...ZW_WIJKEN],
    teams: ["Noord", "Zuid-West"],
    coaches: [...NOORD_COACHES, ...ZW_COACHES],
    outside: { wijken: [], teams: [], coaches: [] },
  },
};

export type Expectation = { query: unknown } | { refuse: "notUnderstood" | "outOfScope" };
export interface EvalCase {
  q: string;
  as: keyof typeof CONTEXTS;
  expect: Expectation;
}

const list = (filters: object = {}) => ({ query: { measure: "list", filters } });
const count = (filters: object = {}) => ({ query: { measure: "count", filters } });
const dist = (by: string, filters: object = {}) => ({ query: { measure: "distribution", by, filters } });
const notUnderstood = { refuse: "notUnderstood" } as const;
const outOfScope = { refuse: "outOfScope" } as const;

const cases: EvalCase[] = [];
const add = (as: EvalCase["as"], expect: Expectation, ...qs: string[]) => {
  for (const q of qs) cases.push({ q, as, expect });
};

// --- issue 18, verbatim -------------------------------------------------------------------------
add(
  "lead",
  { query: { measure: "list", filters: { expected: { op: "atLeast", rung: 5 } } } },
  "which clients are expected to reach paid work?",
);
add("lead", list({ ageBands: ["45+"], growthPotential: "ja" }), "welke klanten van 45 jaar en ouder hebben groeipotentieel");
add(
  "lead",
  list({ expected: { op: "atLeast", rung: 4 }, ontheffing: true }),
  "wie heeft een ontheffing arbeidsplicht maar een verwachte trede van 4 of hoger",
);
add("lead", { query: { measure: "growthByAgeBand", filters: {} } }, "groeipotentieel per leeftijdscategorie");
add("lead", outOfScope, "show me clients on rung 3 in Vinkhuizen");
add("admin", list({ rungs: [3], wijken: ["Vinkhuizen"] }), "show me clients on rung 3 in Vinkhuizen");
add("lead", list({ rungs: [1], coaches: ["Ahmed El Idrissi"] }), "Welke klanten van Ahmed staan op trede 1?");
add("lead", count({ rungs: [3], coaches: ["Sanne de Vries"] }), "hoeveel klanten heeft Sanne op trede 3?");
add("lead", outOfScope, "Hoeveel klanten heeft team Zuid-West op trede 1?");
add("admin", count({ rungs: [1], team: "Zuid-West" }), "Hoeveel klanten heeft team Zuid-West op trede 1?");
add("lead", dist("rung"), "hoeveel klanten staan er op elke trede?");
add("lead", dist("coach"), "Hoeveel klanten heeft elke coach?");
add("lead", list({ monthsSinceContactAtLeast: 6 }), "al een half jaar niet gezien");
add("lead", list({ monthsOnSameRungAtLeast: 24 }), "wie staat al twee jaar op dezelfde trede");
add(
  "lead",
  { query: { measure: "trend", of: "rung", by: "quarter", period: "last12Months", filters: {} } },
  "Hoe heeft de verdeling over de treden zich het afgelopen jaar ontwikkeld?",
);
add(
  "lead",
  { query: { measure: "movement", direction: "down", period: "lastYear", reading: "events", filters: {} } },
  "How many clients dropped a rung last year?",
);
add("lead", { query: { measure: "movement", direction: "up", filters: {} } }, "wie is gestegen sinds de vorige meting?");

// --- domain reference §4 ------------------------------------------------------------------------
add(
  "lead",
  list({ rungs: [1], expected: { op: "aboveCurrent" } }),
  "Wie op trede 1 gaat naar verwachting stijgen?",
  "wie op trde 1 gaat naar verwachitng stijgen",
  "wie gaat er naar verwachting stijgen op trede 1",
  "trede 1 naar verwachting omhoog",
);
add(
  "lead",
  list({ rungs: [1], expected: { op: "aboveCurrent" } }),
  "Who on rung 1 is expected to move up?",
  "who on rung one is expected to climb",
  "expected to rise, rung 1, who?",
);
add(
  "lead",
  { query: { measure: "crossTab", filters: {} } },
  "Verdeling huidige versus verwachte trede",
  "verdeling huidige en verwachte trede",
  "huidige tegenover verwachte trede",
  "distribution of current and expected rung",
  "current vs expected rung",
);
add(
  "lead",
  { query: { measure: "movement", direction: "up", period: "thisYear", filters: {} } },
  "Hoeveel klanten zijn dit jaar minstens één trede gestegen?",
  "How many clients climbed at least one rung this year?",
);
add(
  "lead",
  { query: { measure: "movement", direction: "down", filters: {} } },
  "Wie is gedaald sinds de vorige meting?",
  "who moved down since the previous measurement",
  "wie zijn er gezakt sinds de laatste meting",
);
add(
  "lead",
  list({ monthsSinceContactAtLeast: 12 }),
  "Welke klanten zijn langer dan 12 maanden niet gesproken?",
  "Which clients have not been spoken to for more than 12 months?",
  "wie is al een jaar niet gezien",
  "welke klanten zijn een jaar niet gesproken",
);
add(
  "lead",
  { query: { measure: "reach", filters: {} } },
  "Welk percentage is in beeld, per wijk?",
  "in beeld per wijk",
  "What percentage is in view, per neighbourhood?",
);
add(
  "lead",
  { query: { measure: "growthByAgeBand", filters: {} } },
  "Groeipotentieel per leeftijdscategorie",
  "groeipotentiaal per leeftijd",
  "growth potential by age band",
  "growth potential per age group",
);
add(
  "lead",
  { query: { measure: "pendingReviews", filters: {} } },
  "Welke indelingen wachten op akkoord?",
  "wat moet er nog beoordeeld worden",
  "Which classifications are waiting for approval?",
  "beoordelen",
);
add(
  "lead",
  { query: { measure: "domainTrends", period: "thisQuarter", filters: {} } },
  "Op welke leefdomeinen zien we vooruitgang of achteruitgang dit kwartaal?",
);
add(
  "lead",
  list({ monthsOnSameSubstepAtLeast: 24 }),
  "Wie staat al twee jaar op dezelfde trede zonder tussenstap-vooruitgang?",
  "wie zit al twee jaar op dezelfde tussenstap",
);
add(
  "lead",
  {
    query: {
      measure: "referrals",
      period: "thisYear",
      filters: { outcomes: ["werk", "wijkteam", "ontheffingsverzoek"] },
    },
  },
  "Hoeveel verwijzingen naar werk / wijkteam / ontheffing na huisbezoeken dit jaar?",
);

// --- rungs, every way of writing them ------------------------------------------------------------
for (const r of [1, 2, 3, 4, 5, 6]) {
  add(
    "lead",
    count({ rungs: [r] }),
    `hoeveel klanten op trede ${r}`,
    `hoeveel klanten staan op tr. ${r}?`,
    `Hoeveel klanten trede${r}`,
    `aantal klanten op tr${r}`,
    `How many clients are on rung ${r}?`,
  );
  add(
    "lead",
    list({ rungs: [r] }),
    `wie staat er op trede ${r}?`,
    `welke klanten zijn op tr ${r}`,
    `show clients on rung ${r}`,
    `lijst trede ${r}`,
  );
}
add("lead", list({ rungs: [1, 2] }), "klanten op trede 1 of 2", "clients on rung 1 or 2", "wie staat op tr. 1 of tr. 2");
add("lead", list({ rungs: [2, 3, 4] }), "klanten op trede 2 tot en met 4", "clients on rung 2 to 4", "trede 2 t/m 4");
add("lead", list({ rungRange: { min: 4 } }), "klanten op trede 4 of hoger", "clients on rung 4 or higher", "wie staat op trede 4+");
add(
  "lead",
  count({ rungRange: { max: 2 } }),
  "hoeveel klanten op trede 2 of lager",
  "how many clients on rung 2 or lower",
  "hoeveel klanten onder trede 3",
);

// --- wijken --------------------------------------------------------------------------------------
for (const [i, w] of NOORD_WIJKEN.entries()) {
  const r = (i % 6) + 1;
  add(
    "lead",
    list({ rungs: [r], wijken: [w] }),
    `klanten op trede ${r} in ${w}`,
    `${w} trede ${r}`,
    `show me clients on rung ${r} in ${w}`,
  );
  add("lead", count({ rungs: [r], wijken: [w] }), `hoeveel klanten in ${w.toLowerCase()} op tr. ${r}`);
  add("lead", count({ wijken: [w] }), `hoeveel klanten wonen in ${w}?`);
  add("coach", list({ wijken: [w], mine: true }), `mijn klanten in ${w}`);
}
for (const w of ZW_WIJKEN) {
  add("lead", outOfScope, `klanten op trede 2 in ${w}`, `how many clients in ${w}`);
  add("admin", count({ wijken: [w] }), `hoeveel klanten in ${w}`);
}
add("lead", list({ wijken: ["Selwerd", "Beijum"] }), "klanten in Selwerd of Beijum");

// --- coaches by name, first name, "van mij" ------------------------------------------------------
for (const full of NOORD_COACHES) {
  const first = full.split(" ")[0];
  add("lead", list({ coaches: [full] }), `klanten van ${first}`, `welke klanten heeft ${full}?`, `${first}'s clients`);
  add(
    "lead",
    count({ rungs: [2], coaches: [full] }),
    `hoeveel klanten van ${first} staan op trede 2`,
    `how many clients does ${first} have on rung 2`,
  );
  add("lead", list({ coaches: [full], monthsSinceContactAtLeast: 6 }), `welke klanten van ${first} zijn al een half jaar niet gezien`);
}
for (const full of ZW_COACHES) {
  const first = full.split(" ")[0];
  add("lead", outOfScope, `klanten van ${first}`, `hoeveel klanten heeft ${full} op trede 1?`);
  add("admin", list({ coaches: [full] }), `klanten van ${first}`);
}
add("coach", outOfScope, "Welke klanten van Ahmed staan op trede 1?", "hoeveel klanten heeft team Noord", "klanten in Vinkhuizen");
add("coach", list({ mine: true, rungs: [1, 2] }), "mijn klanten op trede 1 of 2");
add("coach", list({ mine: true, monthsSinceContactAtLeast: 12 }), "wie heb ik al een jaar niet gesproken?");
add(
  "coach",
  count({ mine: true, rungs: [3] }),
  "hoeveel klanten heb ik op trede 3",
  "how many of my clients are on rung 3",
  "how many clients on rung 3 are mine",
);
add("lead", list({ rungs: [3] }), "show me clients on rung 3", "laat me de klanten op trede 3 zien", "give me the clients on rung 3");

// --- teams ---------------------------------------------------------------------------------------
add("lead", dist("rung", { team: "Noord" }), "verdeling trede team Noord");
add("admin", dist("team"), "hoeveel klanten per team", "clients per team");
add("admin", count({ team: "Noord", rungs: [6] }), "hoeveel klanten van team Noord op trede 6");

// --- age: bands and bounds (whole years at the reference date) ----------------------------------
add(
  "lead",
  list({ ageBands: ["45+"] }),
  "klanten van 45 jaar en ouder",
  "clients aged 45 and over",
  "klanten van 45+",
  "clients 45 years and older",
);
add("lead", list({ ageBands: ["<27"] }), "klanten jonger dan 27", "jongeren", "clients under 27", "jongeren onder de 27");
add("lead", list({ ageBands: ["27-44"] }), "klanten van 27 tot en met 44 jaar", "clients aged 27 to 44", "klanten tussen 27 en 44");
for (const n of [30, 40, 50, 55, 60]) {
  add("lead", list({ ageRange: { min: n + 1 } }), `klanten ouder dan ${n}`, `clients older than ${n}`);
  add("lead", count({ ageRange: { max: n - 1 }, rungs: [1] }), `hoeveel klanten jonger dan ${n} op trede 1`);
  add("lead", list({ ageRange: { min: n }, growthPotential: "ja" }), `welke klanten van ${n} jaar en ouder hebben groeipotentieel`);
}
add("lead", count({ ageBands: ["<27"], growthPotential: "ja" }), "hoeveel jongeren onder 27 met groeipotentieel");
add("lead", dist("ageBand"), "hoeveel klanten per leeftijdscategorie", "clients per age band", "verdeling naar leeftijd");

// --- expected rung with comparisons --------------------------------------------------------------
add(
  "lead",
  list({ expected: { op: "belowCurrent" } }),
  "wie heeft een verwachte trede lager dan de huidige",
  "clients with an expected rung lower than the current one",
);
add(
  "lead",
  list({ expected: { op: "aboveCurrent" } }),
  "wie heeft een verwachte trede hoger dan de huidige",
  "wie gaat naar verwachting stijgen",
  "who is expected to move up",
);
add("lead", list({ expected: { op: "sameAsCurrent" } }), "verwachte trede gelijk aan de huidige");
add(
  "lead",
  list({ expected: { op: "unknown" } }),
  "wie heeft verwachte trede onbekend",
  "clients with unknown expected rung",
  "klanten zonder verwachte trede",
);
for (const r of [2, 3, 4, 5]) {
  add(
    "lead",
    list({ expected: { op: "atLeast", rung: r } }),
    `wie heeft een verwachte trede van ${r} of hoger`,
    `clients with expected rung ${r} or higher`,
  );
  add("lead", list({ expected: { op: "equals", rung: r } }), `klanten met verwachte trede ${r}`, `clients with expected rung ${r}`);
  add(
    "lead",
    list({ rungs: [r - 1], expected: { op: "atLeast", rung: r } }),
    `klanten op trede ${r - 1} met verwachte trede ${r} of hoger`,
  );
  add("lead", count({ expected: { op: "above", rung: r } }), `hoeveel klanten met een verwachte trede hoger dan ${r}`);
}
add("lead", dist("expected"), "verdeling naar verwachte trede", "hoeveel klanten per verwachte trede");

// --- contact recency in days, weeks and months --------------------------------------------------
for (const m of [3, 6, 9, 18, 24])
  add(
    "lead",
    list({ monthsSinceContactAtLeast: m }),
    `wie is al ${m} maanden niet gezien`,
    `which clients have not been seen for ${m} months`,
  );
for (const w of [2, 4, 6, 8])
  add(
    "lead",
    list({ daysSinceContactAtLeast: w * 7 }),
    `wie heeft al ${w} weken geen contact gehad`,
    `clients not spoken to for ${w} weeks`,
  );
for (const d of [30, 60, 90]) add("lead", count({ daysSinceContactAtLeast: d }), `hoeveel klanten zijn ${d} dagen niet gesproken`);
add("lead", list({ monthsSinceContactAtLeast: 6 }), "wie hebben we al een half jaar niet gezien", "who has not been seen for half a year");
add("lead", list({ monthsSinceContactAtLeast: 12, wijken: ["Beijum"] }), "welke klanten in Beijum zijn langer dan een jaar niet gesproken");
add("lead", list({ monthsSinceContactAtLeast: 12 }), "wie is niet in beeld");

// --- ontheffing, groeipotentieel, rung-5 reasons, instruments, outcomes ------------------------
add(
  "lead",
  list({ ontheffing: true }),
  "wie heeft een ontheffing",
  "clients with an exemption",
  "wie heeft vrijstelling van de arbeidsplicht",
);
add("lead", count({ ontheffing: false, rungs: [1] }), "hoeveel klanten op trede 1 zonder ontheffing");
add("lead", list({ growthPotential: "nee" }), "wie heeft geen groeipotentieel", "clients without growth potential");
add("lead", count({ growthPotential: "ja", wijken: ["Paddepoel"] }), "hoeveel klanten in Paddepoel hebben groeipotentieel");
add("lead", list({ rungs: [5], rung5Reasons: ["aanvulling"] }), "wie staat op trede 5 vanwege een aanvullende uitkering");
add("lead", count({ rungs: [5], rung5Reasons: ["wsw"] }), "hoeveel klanten op trede 5 met beschut werk");
add(
  "lead",
  list({ verdieping: { participatieInstrument: "ja" } }),
  "bij welke klanten wordt een participatie-instrument ingezet",
  "clients with a participation instrument",
);
add(
  "lead",
  list({ outcomes: ["wijkteam"] }),
  "welke klanten zijn doorverwezen naar het wijkteam",
  "who was referred to the neighbourhood team",
);
add("lead", list({ outcomes: ["werk"] }), "wie is doorverwezen naar werk");
add(
  "lead",
  { query: { measure: "referrals", period: "thisYear", filters: { outcomes: ["werk", "wijkteam"] } } },
  "Hoeveel verwijzingen naar werk of wijkteam dit jaar?",
  "how many referrals to work or the neighbourhood team this year",
);
add(
  "lead",
  { query: { measure: "referrals", period: "lastYear", filters: { outcomes: ["wijkteam"] } } },
  "hoeveel doorverwijzingen naar het wijkteam vorig jaar",
);
add("lead", { query: { measure: "referrals", period: "thisQuarter", filters: {} } }, "aantal verwijzingen dit kwartaal");

// --- same rung versus same substep ---------------------------------------------------------------
for (const y of [1, 2, 3]) {
  add(
    "lead",
    list({ monthsOnSameRungAtLeast: y * 12 }),
    `wie staat al ${y} jaar op dezelfde trede`,
    `who has been on the same rung for ${y} years`,
  );
  add("lead", list({ monthsOnSameSubstepAtLeast: y * 12 }), `wie staat al ${y} jaar op dezelfde tussenstap`);
}
add("lead", list({ monthsOnSameRungAtLeast: 18, rungs: [1] }), "wie staat al 18 maanden op trede 1 op dezelfde trede");

// --- breakdowns ----------------------------------------------------------------------------------
add(
  "lead",
  dist("wijk"),
  "verdeling per wijk",
  "hoeveel klanten per wijk",
  "clients per neighbourhood",
  "how many clients in each neighbourhood",
);
add("lead", dist("coach"), "hoeveel klanten per coach", "how many clients does each coach have", "verdeling per klantmanager");
add("lead", dist("rung"), "verdeling over de treden", "distribution by rung", "how many clients on each rung", "aantal klanten per trede");
add("lead", dist("wijk", { rungs: [5] }), "verdeling per wijk op trede 5");
add("lead", dist("substep", { rungs: [2] }), "verdeling per tussenstap op trede 2");
add("lead", dist("growthPotential"), "verdeling naar groeipotentieel");
add("lead", dist("coach", { monthsSinceContactAtLeast: 12 }), "per coach: wie is langer dan 12 maanden niet gesproken");

// --- movement and periods ------------------------------------------------------------------------
add(
  "lead",
  { query: { measure: "movement", direction: "up", period: "thisQuarter", filters: {} } },
  "hoeveel klanten zijn dit kwartaal gestegen",
);
add(
  "lead",
  { query: { measure: "movement", direction: "up", period: "lastYear", reading: "events", filters: {} } },
  "hoeveel klanten zijn vorig jaar gestegen",
  "who moved up last year",
);
add(
  "lead",
  { query: { measure: "movement", direction: "down", period: "thisYear", reading: "events", filters: {} } },
  "wie is dit jaar ooit gedaald",
);
add(
  "lead",
  {
    query: {
      measure: "movement",
      direction: "up",
      period: { from: "2026-01-01", to: "2026-06-30" },
      reading: "events",
      filters: {},
    },
  },
  "wie is gestegen tussen 1-1-2026 en 30-6-2026",
  "who climbed between 2026-01-01 and 2026-06-30",
);
add(
  "lead",
  {
    query: {
      measure: "movement",
      direction: "down",
      period: { from: "2025-01-01", to: "2025-12-31" },
      reading: "events",
      filters: {},
    },
  },
  "hoeveel klanten zijn in 2025 gedaald",
);
add(
  "lead",
  { query: { measure: "movement", direction: "up", period: { lastMonths: 6 }, filters: {} } },
  "wie is het afgelopen half jaar gestegen",
);
add(
  "lead",
  { query: { measure: "movement", direction: "up", filters: { rungs: [2] } } },
  "wie op trede 2 is gestegen sinds de vorige meting",
);
add(
  "lead",
  { query: { measure: "movement", direction: "down", period: "lastQuarter", reading: "events", filters: {} } },
  "wie is vorig kwartaal gedaald",
);

// --- trends over time ----------------------------------------------------------------------------
add(
  "lead",
  { query: { measure: "trend", of: "rung", by: "month", period: "thisYear", filters: {} } },
  "verdeling over de treden per maand dit jaar",
);
add(
  "lead",
  { query: { measure: "trend", of: "up", by: "month", period: "thisYear", filters: {} } },
  "hoeveel klanten zijn gestegen per maand dit jaar",
);
add(
  "lead",
  { query: { measure: "trend", of: "rung", by: "quarter", period: "last12Months", filters: {} } },
  "how has the distribution over the rungs changed over time",
  "trend van de treden",
);

// --- phrasings that must not change the filter ------------------------------------------------
add("lead", count({ rungs: [2] }), "hoeveel klanten van mijn team staan op trede 2", "how many clients in my team are on rung 2");
add("lead", count(), "hoeveel klanten zijn er", "how many clients are there");
add("coach", count({ mine: true }), "hoeveel klanten heb ik");
add("lead", list({ ageBands: ["45+"], rungs: [1] }), "45-plussers op trede 1");
add("lead", list({ ageRange: { min: 46 } }), "klanten ouder dan 45", "klanten boven de 45");
add("lead", list({ rungs: [3, 4], wijken: ["Beijum", "Selwerd"] }), "klanten op trede 3 of 4 in Beijum of Selwerd");
add("lead", dist("coach", { rungs: [1] }), "hoeveel klanten heeft elke coach op trede 1");
add("lead", count({ rungs: [1], wijken: ["Selwerd"] }), "hoeveel klanten in Selwrd op trede 1", "hoevel klanten in selwerd op tr.1");
add("lead", count({ rungs: [1] }), "percentage op trede 1", "what share of clients is on rung 1");

add("lead", list({ coaches: ["Lotte Bosma"], monthsSinceContactAtLeast: 3 }), "Which of Lotte's clients haven't been seen in 3 months?");
add("lead", list({ monthsSinceContactAtLeast: 6 }), "klanten zonder contact in de afgelopen 6 maanden");
add("lead", count({ rungs: [1, 2] }), "hoeveel procent van de klanten staat op trede 1 of 2");
add(
  "lead",
  list({ rungs: [2], monthsOnSameRungAtLeast: 12 }),
  "wie staat langer dan een jaar op trede 2",
  "who has been on rung 2 for more than 12 months",
);
add("lead", list({ rungs: [1], monthsOnSameRungAtLeast: 24 }), "wie staat al 2 jaar op trede 1");
add("lead", list({ rungs: [2], coaches: ["Sanne de Vries"] }), "Sanne haar klanten op trede 2");
add("lead", count({ expected: { op: "aboveCurrent" } }), "hoeveel klanten hebben een verwachte trede hoger dan hun huidige trede");
add(
  "lead",
  list({ rungs: [1], wijken: ["Beijum"], growthPotential: "ja" }),
  "Welke klanten in Beijum hebben groeipotentieel maar staan nog op trede 1?",
);
add(
  "lead",
  count({ rungs: [2], ageRange: { min: 51 }, ontheffing: false }),
  "hoeveel klanten op trede 2 zijn ouder dan 50 en hebben geen ontheffing",
);
add("lead", list({ rungs: [3], expected: { op: "equals", rung: 5 } }), "wie staat op trede 3 en verwacht trede 5");
add("lead", count({ rungs: [2], expected: { op: "aboveCurrent" } }), "How many clients are expected to move up from rung 2?");
add("lead", dist("wijk", { ageRange: { min: 46 } }), "verdeling per wijk van klanten ouder dan 45");
add("lead", list({ coaches: ["Ahmed El Idrissi", "Lotte Bosma"] }), "wie zijn de klanten van Ahmed en Lotte");
add("lead", { query: { measure: "reach", filters: { wijken: ["Selwerd"] } } }, "in beeld percentage Selwerd");

// --- honest refusals: words Trede does not know ------------------------------------------------
add(
  "lead",
  notUnderstood,
  "wat is het weer morgen?",
  "hallo",
  "???",
  "bestel pizza voor het team",
  "klanten met een scootmobiel",
  "wie heeft een hond",
  "klanten op trede 2 met schulden",
  "welke klanten wonen in Amsterdam",
  "wie is er jarig vandaag",
  "klanten die niet op trede 1 staan",
  "clients on rung 3 with a driving licence",
  "wie heeft een uitkering van meer dan 1000 euro",
  "hoeveel klanten hebben kinderen",
  "welke klanten van 45 jaar en ouder met een scootmobiel",
  "clients who speak Arabic",
  "wie verhuist binnenkort",
  "gemiddelde trede per wijk",
  "what is the median rung",
  "welke klanten zijn ziek",
  "who is on rung 9",
  "klanten behalve trede 1",
  "wie heeft de hoogste trede",
  "trede 3 in Groningen-Zuid",
  "klanten van Jan",
  "hoeveel uur werken klanten op trede 5",
  "wie is niet gestegen",
  "top 10 klanten op trede 1",
  "wie staat het langst op trede 1",
  "klanten op trede 2 dit jaar",
  "wie heeft een verwachte trede",
  "trede een",
  "clients on rung 3 except Selwerd",
  "welke klanten zijn overleden",
  "wie is er sinds 1 januari gestegen",
  "welke klanten hebben we in 2025 niet gezien",
);
add("coach", notUnderstood, "wat verdien ik", "welke klanten hebben een strafblad");

export const EVAL_SET: readonly EvalCase[] = cases;
