// Adapts a ladder profile to the surface the debrief flow uses.
import type { DebriefAnswers, FlowQuestion, LadderView } from "../debrief/ladder-view.ts";
import { classify, decideRung, needsSubstepQuestion, nextLadderQuestion, substepLabel, type LadderAnswers } from "./classify.ts";
import type { LadderProfileData, Question } from "./ladder-profile.ts";
import { ZRM_DOMAINS } from "./zrm-domains.ts";

const toFlow = (q: Question): FlowQuestion => ({ id: q.id, text: q.text, help: q.help, multi: q.multi, options: q.options });

export function toLadderView(profile: LadderProfileData): LadderView {
  const substepQuestion = (ladder: LadderAnswers): FlowQuestion | null => {
    if (nextLadderQuestion(profile, ladder)) return null;
    const decision = decideRung(profile, ladder);
    if (!needsSubstepQuestion(profile, decision)) return null;
    const next = profile.rungs[decision.rung]; // rung numbers start at 1: index rung is rung + 1
    const s = profile.substeps;
    return {
      id: s.question.id,
      text: {
        nl: `Is er een volgende stap richting trede ${next.rung} (${next.name.nl}) in beeld?`,
        en: `Is a next step towards rung ${next.rung} (${next.name.en}) in view?`,
      },
      help: s.question.help,
      multi: false,
      options: [
        ...s.steps.map((st) => ({ value: st.value, label: { nl: `${decision.rung}.${st.substep} ${st.name.nl}: ${st.when.nl}`, en: `${decision.rung}.${st.substep} ${st.name.en}: ${st.when.en}` } })),
        s.none,
      ],
    };
  };
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
    substepLabel: (rung, substep) => substepLabel(profile, rung, substep),
    domains: ZRM_DOMAINS.map((d) => ({ code: d.code, name: d.name, special: d.special })),
    verdieping: profile.verdieping.map(toFlow),
    outcomes: profile.outcomes,
    ontheffingField: profile.ontheffingField,
    classify: (answers: DebriefAnswers) => classify(profile, answers),
  };
}
