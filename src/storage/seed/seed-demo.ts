// A deterministic demo municipality (Groningen wijken): two teams, a team lead, two supervisors, six
// coaches and about 300 clients with classification histories. The current-versus-expected
// distribution follows the Groningen "Kansen in Kaart" table (seed 000) mapped onto the 6-rung ladder,
// and growth potential by age band follows the Bergen table (seed 004). Same `today`, same data.
import type { LadderProfileData } from "../../domain/ladder/ladder-profile.ts";
import { classify } from "../../domain/ladder/classify.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import { DEMO_STAFF, DEMO_TEAMS, DEMO_TENANT_ID } from "./demo-staff.ts";

export interface SeedSummary {
  teams: number;
  staff: number;
  clients: number;
  classifications: number;
  contacts: number;
  domainScores: number;
}

/** mulberry32: small, fast, good enough for demo data, and the same on every machine. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1][0];
    },
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
      hex[12] = "4";
      hex[16] = ((parseInt(hex[16], 16) & 3) | 8).toString(16);
      const h = hex.join("");
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}
type Random = ReturnType<typeof createRandom>;

const FIRST = [
  "Anna",
  "Mohamed",
  "Fatima",
  "Jan",
  "Saskia",
  "Kees",
  "Yusuf",
  "Petra",
  "Dirk",
  "Aisha",
  "Henk",
  "Olga",
  "Rachid",
  "Ineke",
  "Bram",
  "Samira",
  "Wim",
  "Marta",
  "Tamara",
  "Gerrit",
  "Noura",
  "Erik",
  "Linda",
  "Hasan",
  "Jolanda",
  "Teun",
  "Mirjam",
  "Karim",
  "Els",
  "Ruud",
];
const LAST = [
  "de Jong",
  "Jansen",
  "de Vries",
  "Bakker",
  "Visser",
  "Smit",
  "Meijer",
  "de Boer",
  "Mulder",
  "de Groot",
  "Bos",
  "Vos",
  "Peters",
  "Hendriks",
  "Dekker",
  "Brouwer",
  "Dijkstra",
  "Kramer",
  "Veenstra",
  "Postma",
  "Kuipers",
  "Huisman",
  "Wiersma",
  "Boersma",
  "El Amrani",
  "Yilmaz",
  "Kaya",
  "Nowak",
  "Haddou",
  "Tahiri",
];

// Groningen "huidige trede" (7 rungs) mapped to the 6-rung ladder: 1 51.8 · 2 19.4 · 3 19.5 · 4 2.6 · 5 1.3+0.4 · 6 5.7
const CURRENT_RUNG: [number, number][] = [
  [1, 51.8],
  [2, 19.4],
  [3, 19.5],
  [4, 2.6],
  [5, 1.7],
  [6, 5.0],
];
// Bergen: <27 all with growth potential, 27–45 half, 45+ about a quarter
const AGE_BANDS: { weight: number; ages: [number, number]; growth: number }[] = [
  { weight: 10, ages: [18, 26], growth: 1.0 },
  { weight: 66, ages: [27, 44], growth: 0.5 },
  { weight: 143, ages: [45, 66], growth: 0.27 },
];
const UNKNOWN_EXPECTED = 0.139;

/** Canonical stroomschema answers that lead to each rung on participatieladder-6. */
function ladderAnswersFor(rung: number, rnd: Random): Record<string, string | string[]> {
  switch (rung) {
    case 6:
      return { betaaldWerk: "ja", ondersteuning: [rnd.pick(["geen", "proFormaNazorg"])] };
    case 5:
      return {
        betaaldWerk: "ja",
        ondersteuning: [rnd.pick(["instrument", "aanvulling", "aanvulling", "wsw", "educatie"])],
      };
    case 4:
      return { betaaldWerk: "nee", onbetaaldWerk: "wekelijks" };
    case 3:
      return rnd.next() < 0.2
        ? { betaaldWerk: "nee", onbetaaldWerk: "minderDanWekelijks" }
        : { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" };
    case 2:
      return rnd.next() < 0.2
        ? { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "onregelmatig" }
        : { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "nee", sociaalContact: "wekelijks" };
    default:
      return {
        betaaldWerk: "nee",
        onbetaaldWerk: "nee",
        georganiseerd: "nee",
        sociaalContact: "alleenFunctioneelOfOnline",
      };
  }
}

const DAY = 86_400_000;
const dayOnly = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.team.count()) === 0 && (await prisma.staff.count()) === 0;
}

export async function seedDemo(
  prisma: PrismaClient,
  options: { profile: LadderProfileData; today?: Date; clients?: number },
): Promise<SeedSummary> {
  const profile = options.profile;
  const today = dayOnly(options.today ?? new Date());
  const rnd = createRandom(20261122);

  const teams = Object.keys(DEMO_TEAMS).map((name) => ({ id: rnd.uuid(), name }));
  const teamId = (name: string | null) => teams.find((t) => t.name === name)?.id ?? null;
  const staff = Object.values(DEMO_STAFF).map((s) => ({
    id: rnd.uuid(),
    tenantId: DEMO_TENANT_ID,
    aadObjectId: s.aadObjectId,
    displayName: s.displayName,
    roles: [...s.roles],
    teamId: teamId(s.team),
  }));
  const coaches = staff.filter((s) => s.roles.includes("COACH"));

  const clients: Prisma.ClientCreateManyInput[] = [];
  const contacts: Prisma.ContactCreateManyInput[] = [];
  const classifications: Prisma.ClassificationCreateManyInput[] = [];
  const scores: Prisma.DomainScoreCreateManyInput[] = [];
  const domains = profile.defaultDomainsInScope;
  const count = options.clients ?? 300;

  for (let i = 0; i < count; i++) {
    const coach = coaches[i % coaches.length];
    const team = teams.find((t) => t.id === coach.teamId)!;
    const band = rnd.weighted(AGE_BANDS.map((b) => [b, b.weight] as const));
    const age = rnd.int(band.ages[0], band.ages[1]);
    const clientId = rnd.uuid();
    const current = rnd.weighted(CURRENT_RUNG);
    const growth = current < 6 && rnd.next() < band.growth;
    const history = rnd.weighted([
      [1, 35],
      [2, 35],
      [3, 20],
      [4, 10],
    ] as const);
    // latest contact: mostly within the year, about one in six longer ago ("niet in beeld")
    const latestAgo = rnd.next() < 0.16 ? rnd.int(380, 700) : rnd.int(3, 330);
    let previousRung: number | null = null;
    let previousSubstep: number | null = null;
    let previousScores: Record<string, number | null> = {};
    let lastContact: Date | null = null;
    const notInBeeldForDemo = coach.aadObjectId === DEMO_STAFF.coachSanne.aadObjectId && i % 17 === 0;
    for (let v = 1; v <= history; v++) {
      const isLatest = v === history;
      const observedOn = new Date(
        today.getTime() - (latestAgo + (history - v) * rnd.int(150, 260)) * DAY - (notInBeeldForDemo && isLatest ? 400 * DAY : 0),
      );
      // earlier versions wander around the current rung; the latest is the current one
      const rung = isLatest
        ? current
        : Math.min(
            6,
            Math.max(
              1,
              current +
                rnd.weighted([
                  [-1, 45],
                  [0, 40],
                  [1, 15],
                ] as const),
            ),
          );
      const ladder = ladderAnswersFor(rung, rnd);
      const substepValue = rnd.weighted([
        ["geen", 35],
        ["verkennen", 30],
        ["voorbereiden", 20],
        ["oefenen", 15],
      ] as const);
      const ontheffing = rung <= 2 && band.ages[0] >= 45 && rnd.next() < 0.15;
      const unknown = rnd.next() < UNKNOWN_EXPECTED;
      const expected = unknown
        ? null
        : Math.min(
            6,
            rung +
              (isLatest
                ? growth
                  ? rnd.weighted([
                      [1, 80],
                      [2, 20],
                    ] as const)
                  : 0
                : rnd.int(0, 1)),
          );
      const proposal = classify(profile, {
        ladder,
        substep: { volgendeStap: substepValue },
        expected: { rung: expected, horizonMonths: 12 },
        ontheffing,
      });
      const overridden = isLatest && rnd.next() < 0.04 && rung < 6;
      const finalRung = overridden ? rung + 1 : proposal.rung;
      const finalSubstep = overridden || finalRung === 6 ? null : proposal.substep;
      const pending = isLatest && (overridden || (previousRung !== null && Math.abs(finalRung - previousRung) >= 2 && rnd.next() < 0.5));
      const contactId = rnd.uuid();
      const classificationId = rnd.uuid();
      const outcome = rnd.weighted([
        ["participatieondersteuning", 40],
        ["eigen_kracht", 20],
        ["werk", 15],
        ["wijkteam", 12],
        ["ontheffingsverzoek", 5],
        ["geen_vervolg", 8],
      ] as const);
      // an unreached attempt before some visits
      if (rnd.next() < 0.25)
        contacts.push({
          id: rnd.uuid(),
          clientId,
          staffId: coach.id,
          date: new Date(observedOn.getTime() - rnd.int(3, 20) * DAY),
          kind: "HUISBEZOEK",
          reached: false,
        });
      contacts.push({
        id: contactId,
        clientId,
        staffId: coach.id,
        date: observedOn,
        kind: rnd.weighted([
          ["HUISBEZOEK", 60],
          ["KANTOOR", 20],
          ["TELEFONISCH", 15],
          ["VIDEO", 5],
        ] as const),
        reached: true,
        outcome,
        nextContactDate: new Date(observedOn.getTime() + rnd.int(60, 180) * DAY),
      });
      const domainValues: Record<string, number | null> = {};
      for (const d of domains) {
        const before = previousScores[d];
        domainValues[d] =
          rnd.next() < 0.15
            ? null
            : Math.min(
                5,
                Math.max(
                  1,
                  (before ?? rnd.int(1, 4)) +
                    rnd.weighted([
                      [-1, 20],
                      [0, 50],
                      [1, 30],
                    ] as const),
                ),
              );
        scores.push({
          id: rnd.uuid(),
          classificationId,
          clientId,
          domain: d,
          score: domainValues[d],
          previousScore: before ?? null,
          observedOn,
        });
      }
      classifications.push({
        id: classificationId,
        clientId,
        contactId,
        coachId: coach.id,
        teamId: team.id,
        profileId: profile.id,
        profileVersion: profile.version,
        answers: {
          ladder,
          substep: { volgendeStap: substepValue },
          expected: {
            rung: expected,
            horizonMonths: 12,
            growthPotential: expected === null ? "onbekend" : growth ? "ja" : "nee",
          },
          domains: domainValues,
          verdieping: { ontheffingArbeidsplicht: ontheffing ? "ja" : "nee" },
          outcome,
          ontheffing,
        },
        observedOn,
        proposedRung: proposal.rung,
        proposedSubstep: proposal.substep,
        finalRung,
        finalSubstep,
        rung5Reasons: proposal.rung5Reasons,
        overrideReason: overridden ? "Klant is gestart met een werkervaringsplaats na het gesprek." : null,
        expectedRung: expected,
        horizonMonths: 12,
        growthPotential: expected === null ? "ONBEKEND" : growth && isLatest ? "JA" : "NEE",
        ontheffing,
        verdieping: { ontheffingArbeidsplicht: ontheffing ? "ja" : "nee" },
        outcome,
        previousRung,
        previousSubstep,
        status: pending ? "PENDING_REVIEW" : "FINAL",
        isLatest,
        version: v,
        idempotencyKey: `seed:${classificationId}`,
        confirmedAt: new Date(observedOn.getTime() + 2 * 3_600_000),
      });
      previousRung = finalRung;
      previousSubstep = finalSubstep;
      previousScores = domainValues;
      lastContact = observedOn;
    }
    const wijken = DEMO_TEAMS[team.name as keyof typeof DEMO_TEAMS];
    clients.push({
      id: clientId,
      externalKey: `GR-${String(100001 + i)}`,
      displayName: `${rnd.pick(LAST)}, ${rnd.pick(FIRST)}`,
      birthYear: today.getUTCFullYear() - age,
      wijk: rnd.pick(wijken),
      teamId: team.id,
      coachId: coach.id,
      lastContactAt: lastContact,
    });
  }

  await prisma.$transaction(
    async (tx) => {
      await tx.team.createMany({ data: teams });
      await tx.staff.createMany({ data: staff });
      await tx.client.createMany({ data: clients });
      await tx.contact.createMany({ data: contacts });
      await tx.classification.createMany({ data: classifications });
      await tx.domainScore.createMany({ data: scores });
      await tx.auditEvent.create({
        data: { action: "seed.demo", details: { clients: clients.length, classifications: classifications.length } },
      });
    },
    { timeout: 60_000 },
  );
  return {
    teams: teams.length,
    staff: staff.length,
    clients: clients.length,
    classifications: classifications.length,
    contacts: contacts.length,
    domainScores: scores.length,
  };
}
