// Adapts a ladder profile to the surface the debrief flow uses.
import { t } from "../../i18n/catalogue/index.ts";
import type { DebriefAnswers, FlowQuestion, LadderView } from "../debrief/ladder-view.ts";
import { classify, decideRung, needsSubstepQuestion, nextLadderQuestion, substepLabel, type LadderAnswers } from "./classify.ts";
import type { LadderProfileData, Question } from "./ladder-profile.ts";
import { ZRM_DOMAINS } from "./zrm-domains.ts";

const toFlow = (q: Question): FlowQuestion => ({
  id: q.id,
  text: q.text,
  help: q.help,
  multi: q.multi,
  options: q.options,
});

export function toLadderView(profile: LadderProfileData): LadderView {
  const substepQuestion = (ladder: LadderAnswers): FlowQuestion | null => {
    if (nextLadderQuestion(profile, ladder)) return null;
    const decision = decideRung(profile, ladder);
    if (!needsSubstepQuestion(profile, decision)) return null;
    const next = profile.rungs[decision.rung]; // rung numbers start at 1: index rung is rung + 1
    const s = profile.substeps;
    return {
      id: s.question.id,
      text: { nl: t("nl").debrief.substepQuestion(next.rung, next.name.nl), en: t("en").debrief.substepQuestion(next.rung, next.name.en) },
      help: s.question.help,
      multi: false,
      options: [
        ...s.steps.map((st) => ({
          value: st.value,
          label: {
            nl: `${decision.rung}.${st.substep} ${st.name.nl}: ${st.when.nl}`,
            en: `${decision.rung}.${st.substep} ${st.name.en}: ${st.when.en}`,
          },
        })),
        s.none,
      ],
    };
  };
  // which answer leads to each question: the edges of the decision graph, read once
  const askedWhen = new Map<string, { questionId: string; values: string[] }>();
  for (const node of Object.values(profile.decision.nodes)) {
    const q = profile.questions.find((x) => x.id === node.question)!;
    const edges: [string[], { next?: string }][] =
      "branches" in node
        ? Object.entries(node.branches).map(([value, step]) => [[value], step as { next?: string }])
        : [
            [node.anyOf, node.then as { next?: string }],
            [q.options.map((o) => o.value).filter((v) => !node.anyOf.includes(v)), node.else as { next?: string }],
          ];
    for (const [values, step] of edges) {
      if (!step.next) continue;
      const target = profile.decision.nodes[step.next].question;
      const known = askedWhen.get(target);
      askedWhen.set(target, {
        questionId: q.id,
        values: [...(known?.questionId === q.id ? known.values : []), ...values],
      });
    }
  }
  const s = profile.substeps;
  return {
    id: profile.id,
    version: profile.version,
    rungs: profile.rungs.map((r) => ({ rung: r.rung, name: r.name })),
    topRung: profile.rungs.length,
    nextLadderQuestion: (ladder) => {
      const q = nextLadderQuestion(profile, ladder);
      return q ? toFlow(q) : null;
    },
    substepQuestion,
    ladderQuestions: profile.questions.map((q) => ({ question: toFlow(q), askedWhen: askedWhen.get(q.id) ?? null })),
    substepChoices: (rung) =>
      rung >= profile.rungs.length
        ? []
        : s.steps.map((st) => ({
            value: `${rung}.${st.substep}`,
            label: {
              nl: `${rung}.${st.substep} ${st.name.nl}: ${st.when.nl}`,
              en: `${rung}.${st.substep} ${st.name.en}: ${st.when.en}`,
            },
          })),
    substepAnswer: (substep) => ({
      id: s.question.id,
      value: substep === null ? s.none.value : s.steps.find((st) => st.substep === substep)!.value,
    }),
    substepLabel: (rung, substep) => substepLabel(profile, rung, substep),
    domains: ZRM_DOMAINS.map((d) => ({ code: d.code, name: d.name, special: d.special })),
    verdieping: profile.verdieping.map(toFlow),
    outcomes: profile.outcomes,
    ontheffingField: profile.ontheffingField,
    classify: (answers: DebriefAnswers) => classify(profile, answers),
  };
}
