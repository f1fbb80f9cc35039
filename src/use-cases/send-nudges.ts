// The weekly coach nudge: each coach gets one card (per ISO week, never twice) listing their own clients who
// drop out of beeld within 30 days, whose classification is older than six months, or whose classification
// was sent back. Coaches Trede cannot reach are reported to their team lead.
import { renderNudgeCard, unreachableText } from "../cards/nudge.card.ts";
import { MAX_NUDGE_LINES, selectNudgeLines } from "../domain/nudges/nudge-rules.ts";
import type { NotificationTeam, Recipient } from "../domain/nudges/ports.ts";
import { weekPeriod } from "../domain/nudges/schedule.ts";
import { count, deliverMessage, emptyCounts, hasReference, messageKey, type DeliveryDeps, type RunCounts } from "./deliver-message.ts";

export interface TeamRun {
  team: string;
  period: string;
  counts: RunCounts;
  /** messages per recipient role, e.g. { coach: 3, team_lead: 1 } */
  byRole: Record<string, number>;
}

export async function sendNudges(deps: DeliveryDeps, input: { now: Date; team?: NotificationTeam }): Promise<TeamRun[]> {
  const teams = input.team ? [input.team] : await deps.store.listTeams();
  const runs: TeamRun[] = [];
  for (const team of teams) runs.push(await sendTeamNudges(deps, team, input.now));
  return runs;
}

export async function sendTeamNudges(deps: DeliveryDeps, team: NotificationTeam, now: Date): Promise<TeamRun> {
  const period = weekPeriod(now);
  const counts = emptyCounts();
  const byRole: Record<string, number> = {};
  const staff = await deps.store.listRecipients(team.id);
  const unreachable: Recipient[] = [];
  for (const coach of staff.filter((s) => s.roles.includes("COACH"))) {
    const lines = selectNudgeLines(await deps.store.listCoachClients(coach.staffId), now);
    if (!lines.length) {
      counts.nothingToSay++;
      continue;
    }
    if (coach.notificationsOff) {
      counts.notificationsOff++;
      continue;
    }
    if (!hasReference(coach)) {
      counts.unreachable++;
      unreachable.push(coach);
      continue;
    }
    const shown = lines.slice(0, MAX_NUDGE_LINES);
    const card = renderNudgeCard({ lines: shown, more: lines.length - shown.length, locale: coach.locale, today: now });
    const outcome = await deliverMessage(deps, {
      recipient: coach,
      claim: {
        key: messageKey("nudge", coach.staffId, period),
        kind: "nudge",
        staffId: coach.staffId,
        teamId: team.id,
        period,
        clientIds: shown.map((l) => l.client.id),
      },
      message: { card: card.card, summary: card.summary },
    });
    count(counts, outcome);
    if (outcome === "sent") byRole.coach = (byRole.coach ?? 0) + 1;
  }
  if (unreachable.length) {
    // names of colleagues only, never clients: the lead decides how to reach them
    for (const lead of staff.filter((s) => s.roles.includes("TEAM_LEAD") && !s.notificationsOff)) {
      if (!hasReference(lead)) continue;
      const outcome = await deliverMessage(deps, {
        recipient: lead,
        claim: {
          key: messageKey("unreachable", lead.staffId, period),
          kind: "unreachable",
          staffId: lead.staffId,
          teamId: team.id,
          period,
          clientIds: [],
        },
        message: unreachableText(
          unreachable.map((u) => u.displayName),
          lead.locale,
        ),
      });
      count(counts, outcome);
      if (outcome === "sent") byRole.team_lead = (byRole.team_lead ?? 0) + 1;
    }
  }
  return { team: team.name, period, counts, byRole };
}
