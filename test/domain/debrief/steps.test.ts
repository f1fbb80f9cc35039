// The debrief's step table on its own: the flow it drives, the progress it counts, the trail a reopened
// debrief gets, and the override's substep rule, for both ladders.
import { describe, expect, it } from "vitest";
import { loadLadderProfiles } from "../../../src/config/ladder-profiles.ts";
import { startDraft, type DebriefDraft, type PreviousDebrief, type StepContext } from "../../../src/domain/debrief/debrief-flow.ts";
import { parseOverride } from "../../../src/domain/debrief/step-answers.ts";
import { answerStep, currentStep, goBack, progress, STEP_ORDER, STEPS, trailFor } from "../../../src/domain/debrief/steps.ts";

const ladders = loadLadderProfiles();
const clientId = "6f1c1f7e-8d2b-4c1a-9f0e-2b7d1e3a4c5d";
const previous: PreviousDebrief = {
  observedOn: "2026-06-01",
  rung: 2,
  substep: 1,
  expectedRung: 3,
  growthPotential: "ja",
  ladder: {},
  verdieping: { startkwalificatie: "nee" },
  domains: {},
};

const ctxFor = (profile: string, draft: DebriefDraft, prev: PreviousDebrief | null): StepContext => ({
  view: ladders.view(profile),
  draft,
  previous: prev,
  teamDomains: ["werk_opleiding"],
  specialDomainsReason: null,
  today: "2026-11-22",
});

describe.each(["participatieladder-6", "ontwikkelladder-7"])("the step table on %s", (profile) => {
  const view = ladders.view(profile);
  const firstPath = (): Record<string, string> => {
    const a: Record<string, string> = {};
    for (let q = view.nextLadderQuestion(a); q; q = view.nextLadderQuestion(a)) a[q.id] = q.options.at(-1)!.value;
    return a;
  };

  it.each([
    ["a first debrief", null, null, ["contact", "observations", "verdieping", "proposal"]],
    ["a revisit, verdieping unchanged", previous, "unchanged", ["contact", "observations", "proposal"]],
    ["a revisit, verdieping changed", previous, "update", ["contact", "observations", "verdieping", "proposal"]],
  ] as const)("%s: the steps in order, a count that never grows, and a trail derived from the table", (_name, prev, change, expected) => {
    let draft = startDraft({ draftId: crypto.randomUUID() });
    const seen: string[] = [];
    const counts: number[] = [];
    for (let guard = 0; guard < 6; guard++) {
      const ctx = ctxFor(profile, draft, prev);
      const step = currentStep(ctx);
      seen.push(step);
      counts.push(progress(ctx).of);
      expect(progress(ctx).step).toBe(seen.length);
      if (step === "proposal") break;
      if (step === "contact")
        draft = answerStep(draft, "contact", {
          clientId,
          contact: { date: "2026-11-21", kind: "HUISBEZOEK", reached: true },
        });
      else if (step === "observations")
        draft = answerStep(draft, "observations", {
          ladder: firstPath(),
          domains: { werk_opleiding: null },
          verdiepingChange: change,
        });
      else draft = answerStep(draft, "verdieping", {});
    }
    expect(seen).toEqual(expected);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]);
    expect(counts.at(-1)).toBe(expected.length);
    expect(trailFor(ctxFor(profile, draft, prev))).toEqual(expected.filter((s) => s !== "proposal"));
    // "Terug" walks the same trail back, keeping the answers to show again
    const back = goBack(ctxFor(profile, draft, prev));
    expect(back.trail).toEqual(draft.trail.slice(0, -1));
    expect(back.seq).toBe(draft.seq + 1);
  });

  it("every step of the table has a card, a title in both languages and fields with labels in both", () => {
    let draft = answerStep(startDraft({ draftId: crypto.randomUUID() }), "contact", {
      clientId,
      contact: { date: "2026-11-21", kind: "HUISBEZOEK", reached: true },
    });
    draft = answerStep(draft, "observations", { ladder: firstPath(), domains: {}, verdiepingChange: null });
    for (const id of STEP_ORDER) {
      const def = STEPS[id];
      expect(def.card).toMatch(/^debrief-/);
      expect(def.title.nl && def.title.en).toBeTruthy();
      for (const f of def.fields(ctxFor(profile, draft, previous))) expect(f.label.nl && f.label.en, `${id}.${f.id}`).toBeTruthy();
    }
  });

  it("an override's substep belongs to the chosen rung; the top rung has none", () => {
    expect(parseOverride(view, { rung: "3.2", reason: "goede reden" })).toEqual({
      ok: true,
      value: { rung: 3, substep: 2, reason: "goede reden" },
    });
    expect(parseOverride(view, { rung: "3", substep: "2", reason: "goede reden" })).toEqual({
      ok: true,
      value: { rung: 3, substep: 2, reason: "goede reden" },
    });
    expect(parseOverride(view, { rung: "3", substep: "4.2", reason: "goede reden" })).toMatchObject({
      ok: false,
      problems: { rung: "substep_not_of_rung" },
    });
    expect(parseOverride(view, { rung: "3.1", substep: "3.2", reason: "goede reden" })).toMatchObject({
      ok: false,
      problems: { rung: "substep_not_of_rung" },
    });
    expect(parseOverride(view, { rung: `${view.topRung}.1`, reason: "goede reden" })).toMatchObject({
      ok: false,
      problems: { rung: "substep_not_of_rung" },
    });
    expect(parseOverride(view, { rung: "3.2", reason: "" })).toMatchObject({
      ok: false,
      problems: { reason: "required" },
    });
    expect(view.substepChoices(view.topRung)).toEqual([]);
    expect(view.substepChoices(3).map((c) => c.value)).toEqual(["3.1", "3.2", "3.3"]);
  });
});
