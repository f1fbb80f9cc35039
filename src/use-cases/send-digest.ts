// The weekly digest: each team lead gets the team's figures (one per ISO week, never twice); each supervisor
// gets the reviews waiting for them (not their own classifications). Everything shown is the team's own.
import { renderDigestCard } from "../cards/digest.card.ts";
import { renderWaitingReviewsCard } from "../cards/waiting-reviews.card.ts";
import type { NotificationTeam } from "../domain/nudges/ports.ts";
import { weekPeriod } from "../domain/nudges/schedule.ts";
import { count, deliverMessage, emptyCounts, hasReference, messageKey, reachableOrCounted, type DeliveryDeps } from "./deliver-message.ts";
import type { TeamRun } from "./send-nudges.ts";

export async function sendDigest(deps: DeliveryDeps, input: { now: Date; team?: NotificationTeam }): Promise<TeamRun[]> {
  const teams = input.team ? [input.team] : await deps.store.listTeams();
  const runs: TeamRun[] = [];
  for (const team of teams) runs.push(await sendTeamDigest(deps, team, input.now));
  return runs;
}

export async function sendTeamDigest(deps: DeliveryDeps, team: NotificationTeam, now: Date): Promise<TeamRun> {
  const period = weekPeriod(now);
  const counts = emptyCounts();
  const byRole: Record<string, number> = {};
  const staff = await deps.store.listRecipients(team.id);
  const leads = staff.filter((s) => s.roles.includes("TEAM_LEAD"));
  const supervisors = staff.filter((s) => s.roles.includes("SUPERVISOR"));
  if (!leads.length && !supervisors.length) return { team: team.name, period, counts, byRole };
  const figures = await deps.store.digestFigures({ teamId: team.id, today: now });
  const unreachable = staff.filter((s) => !hasReference(s)).map((s) => s.displayName);

  for (const lead of leads) {
    const to = reachableOrCounted(counts, lead);
    if (!to) continue;
    const digest = renderDigestCard({
      team: team.name,
      period,
      target: team.inViewTarget,
      figures,
      unreachable,
      locale: lead.locale,
      today: now,
    });
    const outcome = await deliverMessage(deps, {
      recipient: to,
      claim: {
        key: messageKey("digest", lead.staffId, period),
        kind: "digest",
        staffId: lead.staffId,
        teamId: team.id,
        period,
        clientIds: digest.clientIds,
      },
      message: { card: digest.card, summary: digest.summary },
    });
    count(counts, outcome);
    if (outcome === "sent") byRole.team_lead = (byRole.team_lead ?? 0) + 1;
  }

  for (const supervisor of supervisors) {
    // four eyes: a supervisor never reviews their own classification
    const waiting = figures.pendingReviews.filter((r) => r.coachId !== supervisor.staffId);
    if (!waiting.length) {
      counts.nothingToSay++;
      continue;
    }
    const to = reachableOrCounted(counts, supervisor);
    if (!to) continue;
    const reviews = renderWaitingReviewsCard({ reviews: waiting, locale: supervisor.locale, today: now });
    const outcome = await deliverMessage(deps, {
      recipient: to,
      claim: {
        key: messageKey("reviews", supervisor.staffId, period),
        kind: "reviews",
        staffId: supervisor.staffId,
        teamId: team.id,
        period,
        clientIds: reviews.clientIds,
      },
      message: { card: reviews.card, summary: reviews.summary },
    });
    count(counts, outcome);
    if (outcome === "sent") byRole.supervisor = (byRole.supervisor ?? 0) + 1;
  }
  return { team: team.name, period, counts, byRole };
}
