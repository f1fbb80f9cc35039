// Teams: their settings (review policy, ZRM domains, notes-to-model, notification times, ladder profile)
// and what the classifier for integrations needs to know about one.
import type { TeamClassifierScope, TeamSettings, TeamSettingsChange } from "../../domain/teams/ports.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";

export type { TeamClassifierScope } from "../../domain/teams/ports.ts";

const SETTINGS = {
  id: true,
  name: true,
  ladderProfileId: true,
  reviewTriggers: true,
  domainsInScope: true,
  specialDomainsReason: true,
  allowNotesToModel: true,
  inViewTarget: true,
  nudgeWeekday: true,
  digestWeekday: true,
  sendHour: true,
} as const;

export async function findTeamClassifierScope(prisma: PrismaClient, name: string): Promise<TeamClassifierScope | null> {
  return prisma.team.findFirst({
    where: { name: { equals: name, mode: "insensitive" } },
    select: { name: true, ladderProfileId: true, domainsInScope: true },
  });
}

export async function findTeamByName(prisma: PrismaClient, name: string): Promise<TeamSettings | null> {
  return prisma.team.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: SETTINGS });
}

export async function teamName(prisma: PrismaClient, teamId: string): Promise<string | null> {
  return (await prisma.team.findUnique({ where: { id: teamId }, select: { name: true } }))?.name ?? null;
}

/** Applies a checked change (src/domain/teams/team-settings.ts) and records it in the same transaction. */
export async function updateTeamSettings(
  prisma: PrismaClient,
  teamId: string,
  change: TeamSettingsChange,
  audit: { operator: string },
): Promise<TeamSettings> {
  return prisma.$transaction(async (tx) => {
    const t = await tx.team.update({
      where: { id: teamId },
      data: {
        ...(change.ladderProfileId ? { ladderProfileId: change.ladderProfileId } : {}),
        ...(change.reviewTriggers ? { reviewTriggers: change.reviewTriggers } : {}),
        ...(change.domains ? { domainsInScope: change.domains.codes, specialDomainsReason: change.domains.reason } : {}),
        ...(change.allowNotesToModel !== undefined ? { allowNotesToModel: change.allowNotesToModel } : {}),
        ...change.notifications,
      },
      select: SETTINGS,
    });
    await recordAuditEvent(tx, {
      actor: null,
      action: "team.settings",
      details: {
        team: t.name,
        ladderProfileId: t.ladderProfileId,
        reviewTriggers: t.reviewTriggers,
        domainsInScope: t.domainsInScope,
        // the typed reason is the record on the team itself; the audit says only that one was given
        specialDomainsReasonRecorded: Boolean(t.specialDomainsReason),
        allowNotesToModel: t.allowNotesToModel,
        inViewTarget: t.inViewTarget,
        nudgeWeekday: t.nudgeWeekday,
        digestWeekday: t.digestWeekday,
        sendHour: t.sendHour,
        operator: audit.operator,
      },
    });
    return t;
  });
}
