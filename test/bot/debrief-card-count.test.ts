// How long a debrief is for a coach on a phone: every path through the stroomschema of both ladders
// (the default 6-rung participatieladder and the 7-rung Groningen ontwikkelladder), driven through the
// real HTTP endpoint by a coach who fills in what each card asks and presses its main button. Counts
// the cards from "verslag" to the stored classification and the taps, and checks that the progress line
// never grows and that what was answered is what is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";
import type { LadderView } from "../../src/domain/debrief/ladder-view.ts";
import { backends } from "../support/databases.ts";
import { cardText, startTestBot, type Exchange, type TestBot, type TestUser } from "../support/bot-harness.ts";
import { click, inputs } from "../support/cards.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

const TODAY = new Date("2026-11-22T10:00:00Z");
const ladders = loadLadderProfiles();

interface Path {
  answers: Record<string, string>;
  rung: number;
}

/** Every way through the stroomschema: each option of each question on the way (one option at a time). */
function paths(view: LadderView): Path[] {
  const out: Path[] = [];
  const walk = (answers: Record<string, string>) => {
    const q = view.nextLadderQuestion(answers);
    if (!q) {
      const p = view.classify({
        ladder: answers,
        substep: null,
        expected: { rung: null, horizonMonths: 12, growthPotential: "onbekend" },
        domains: {},
        verdieping: {},
        outcome: null,
        ontheffing: false,
      });
      out.push({ answers, rung: p.rung });
      return;
    }
    for (const o of q.options) walk({ ...answers, [q.id]: o.value });
  };
  walk({});
  return out;
}

interface Walked {
  cards: number;
  taps: number;
  progress: [number, number][];
}

describe.each(backends)("cards and taps per debrief on both ladders on $name", (backend) => {
  let bot: TestBot;
  let coach: TestUser;
  const teams: Record<string, { clientIds: string[] }> = {};

  beforeAll(async () => {
    bot = await startTestBot(backend, { clock: () => TODAY });
    for (const profile of ["participatieladder-6", "ontwikkelladder-7"]) {
      const staff = await createTeamWithStaff(bot.db.prisma, profile);
      // a team is put on a ladder by its profile
      await bot.db.prisma.team.update({ where: { id: staff.team.id }, data: { ladderProfileId: profile } });
      // one coach for both teams' clients: the picker shows them all
      teams[profile] = { clientIds: [] };
      if (!coach) coach = bot.user(staff.coach.aadObjectId);
      const coachRow = await bot.db.prisma.staff.findFirstOrThrow({ where: { aadObjectId: coach.aadObjectId } });
      for (const [i] of paths(ladders.view(profile)).entries()) {
        const c = await bot.db.prisma.client.create({
          data: {
            externalKey: `${profile}-${i}`,
            displayName: `Klant ${profile} ${i}`,
            birthYear: 1980,
            wijk: "Selwerd",
            teamId: staff.team.id,
            coachId: coachRow.id,
          },
        });
        teams[profile].clientIds.push(c.id);
      }
    }
  });
  afterAll(async () => bot?.stop());

  /** A coach answering what each card asks; returns the cards seen (the first one included) and taps. */
  async function debrief(view: LadderView, clientId: string, path: Path): Promise<Walked> {
    let ex: Exchange = await coach.say("verslag");
    const walked: Walked = { cards: 1, taps: 0, progress: [] };
    const expected = Math.min(path.rung + 1, view.topRung);
    for (let guard = 0; guard < 10; guard++) {
      const card = ex.lastCard();
      const text = cardText(card);
      if (text.includes("Verslag opgeslagen")) return walked;
      const m = /Stap (\d+) van (\d+)/.exec(text);
      expect(m, text).not.toBeNull();
      walked.progress.push([Number(m![1]), Number(m![2])]);
      const values: Record<string, string> = {};
      for (const input of inputs(card)) {
        const id: string = input.id;
        if (id === "clientId") values[id] = clientId;
        else if (id.startsWith("ladder_") && path.answers[id.slice(7)] !== undefined) values[id] = path.answers[id.slice(7)];
        else if (id === "verdiepingChange") values[id] = "unchanged";
        else if (id === "nextStep") values[id] = input.choices[1].value;
        else if (id === "expectedRung") values[id] = String(expected);
        else if (id === "growthPotential") values[id] = expected > path.rung ? "ja" : "nee";
        else if (id === "outcome") values[id] = "participatieondersteuning";
        else if (id === "confirmExpectation") values[id] = "true";
      }
      // a tap per answer a person gives (a compact choice is two: open, pick), and one for the button
      walked.taps +=
        Object.entries(values).reduce((n, [id]) => n + (inputs(card).find((i) => i.id === id)?.style === "compact" ? 2 : 1), 0) + 1;
      const verb = (card.actions ?? []).some((a: any) => a.data?.verb === "debrief.confirm") ? "debrief.confirm" : "debrief.next";
      ex = await click(coach, ex, verb, values);
      walked.cards++;
    }
    throw new Error("the debrief did not end");
  }

  for (const profile of ["participatieladder-6", "ontwikkelladder-7"]) {
    it(`${profile}: a first debrief takes at most 5 cards, a routine revisit at most 4 (≤ 5), on every path`, async () => {
      const view = ladders.view(profile);
      const all = paths(view);
      expect(all.length).toBeGreaterThanOrEqual(profile === "participatieladder-6" ? 12 : 7);
      const report: string[] = [];
      for (const [i, path] of all.entries()) {
        const clientId = teams[profile].clientIds[i];
        for (const visit of ["first", "revisit"] as const) {
          const walked = await debrief(view, clientId, path);
          report.push(`${profile} ${JSON.stringify(path.answers)} → ${path.rung} (${visit}): ${walked.cards} cards, ${walked.taps} taps`);
          expect(walked.cards).toBeLessThanOrEqual(visit === "first" ? 5 : 4);
          expect(walked.cards).toBeLessThanOrEqual(7);
          // "Stap n van m": n goes up by one per card, m never grows
          for (let k = 1; k < walked.progress.length; k++) {
            expect(walked.progress[k][0]).toBe(walked.progress[k - 1][0] + 1);
            expect(walked.progress[k][1]).toBeLessThanOrEqual(walked.progress[k - 1][1]);
          }
          const stored = await bot.db.prisma.classification.findFirstOrThrow({
            where: { clientId, isLatest: true },
            include: { domainScores: true },
          });
          expect(stored).toMatchObject({
            profileId: profile,
            proposedRung: path.rung,
            finalRung: path.rung,
            outcome: "participatieondersteuning",
            expectedRung: Math.min(path.rung + 1, view.topRung),
          });
          // every ladder answer on the path, nothing else (a multi-select question stores a list)
          const multi = new Set(view.ladderQuestions.filter((q) => q.question.multi).map((q) => q.question.id));
          expect((stored.answers as any).ladder).toEqual(
            Object.fromEntries(Object.entries(path.answers).map(([id, v]) => [id, multi.has(id) ? [v] : v])),
          );
          expect(stored.domainScores.map((d) => d.domain).sort()).toEqual([...ladders.get(profile).defaultDomainsInScope].sort());
          expect(stored.growthPotential).toBe(stored.expectedRung! > path.rung ? "JA" : "NEE");
          if (visit === "revisit")
            expect((stored.answers as any).confirmedUnchanged).toEqual(
              expect.arrayContaining(Object.keys(path.answers).map((id) => `ladder.${id}`)),
            );
        }
      }
      console.log(report.join("\n"));
    }, 300_000);
  }
});
