// The storage side of nudges and digests: who is in a team and how to reach them, the figures a message
// shows (always within the recipient's scope: a coach's own clients, a team lead's team; erased and closed
// clients never), and the unique key per person and period that keeps every message to one send.
import type { Role } from "../../domain/access/actor.ts";
import type { Locale } from "../../domain/localized.ts";
import type { NudgeClient } from "../../domain/nudges/nudge-rules.ts";
import type { DigestFigures, MessageClaim, NotificationStore, NotificationTeam, Recipient } from "../../domain/nudges/ports.ts";
import { startOfWeek } from "../../domain/nudges/schedule.ts";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { clientScopeSql } from "../client-scope.ts";

const TEAM_SELECT = {
  id: true,
  name: true,
  inViewTarget: true,
  nudgeWeekday: true,
  digestWeekday: true,
  sendHour: true,
} as const;

const n = (v: bigint | number | null | undefined) => Number(v ?? 0);

/** teams-ai keeps a person's language in their user state: "<channel>/<bot>/users/<user id>". */
function userStateKey(reference: unknown): string | null {
  const r = reference as { channelId?: string; bot?: { id?: string }; user?: { id?: string } } | null;
  return r?.channelId && r.bot?.id && r.user?.id ? `${r.channelId}/${r.bot.id}/users/${r.user.id}` : null;
}

export function createNotificationStore(prisma: PrismaClient, options: { defaultLocale: Locale }): NotificationStore {
  return {
    async listTeams(filter = {}) {
      const teams = await prisma.team.findMany({
        where: filter.team ? { name: { equals: filter.team, mode: "insensitive" } } : {},
        select: TEAM_SELECT,
        orderBy: { name: "asc" },
      });
      return teams satisfies NotificationTeam[];
    },

    async listRecipients(teamId) {
      const staff = await prisma.staff.findMany({
        where: { teamId, active: true },
        include: { reference: true },
        orderBy: { displayName: "asc" },
      });
      const keys = staff.map((s) => userStateKey(s.reference?.reference)).filter((k): k is string => k !== null);
      const states = keys.length ? await prisma.botState.findMany({ where: { key: { in: keys } }, select: { key: true, data: true } }) : [];
      const localeOf = new Map(states.map((s) => [s.key, (s.data as { locale?: unknown } | null)?.locale]));
      return staff.map((s): Recipient => {
        const reference = (s.reference?.reference as object | undefined) ?? null;
        const stored = localeOf.get(userStateKey(reference) ?? "");
        return {
          staffId: s.id,
          aadObjectId: s.aadObjectId,
          displayName: s.displayName,
          roles: s.roles as Role[],
          teamId,
          locale: stored === "en" || stored === "nl" ? stored : options.defaultLocale,
          notificationsOff: s.notificationsOff,
          reference,
        };
      });
    },

    async listCoachClients(staffId) {
      return prisma.$queryRaw<NudgeClient[]>(Prisma.sql`SELECT c.id, c."displayName", c."externalKey", c."lastContactAt",
          l."observedOn" AS "latestObservedOn", l.status::text AS "latestStatus"
        FROM "Client" c LEFT JOIN "Classification" l ON l."clientId" = c.id AND l."isLatest"
        WHERE ${clientScopeSql({ kind: "coach", staffId }, "caseload")}
        ORDER BY c."displayName", c.id`);
    },

    async digestFigures({ teamId, today }): Promise<DigestFigures> {
      const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
      const team = clientScopeSql({ kind: "team", teamId }, "caseload");
      const [byWijk, trend, pending, moves, [without]] = await Promise.all([
        prisma.$queryRaw<{ wijk: string; total: bigint; inview: bigint }[]>(Prisma.sql`SELECT c.wijk, count(*) AS total,
            count(*) FILTER (WHERE c."lastContactAt" >= (${day}::date - interval '12 months')) AS inview
          FROM "Client" c WHERE ${team} GROUP BY c.wijk ORDER BY c.wijk`),
        // in beeld at the end of each of the last 12 weeks, over the team's current clients: the latest
        // reached contact up to that day, from the contact history or (imports) the client's last contact date
        prisma.$queryRaw<{ weekend: Date; total: bigint; inview: bigint }[]>(Prisma.sql`SELECT w.d::date AS weekend, count(*) AS total,
            count(*) FILTER (WHERE (c."lastContactAt" <= w.d AND c."lastContactAt" >= w.d - interval '12 months')
              OR EXISTS (SELECT 1 FROM "Contact" k WHERE k."clientId" = c.id AND k.reached AND k.date <= w.d AND k.date >= w.d - interval '12 months')) AS inview
          FROM generate_series(${day}::date - 77, ${day}::date, interval '7 days') w(d)
          CROSS JOIN "Client" c WHERE ${team} GROUP BY w.d ORDER BY w.d`),
        prisma.$queryRaw<
          {
            classificationId: string;
            clientId: string;
            clientName: string;
            coachId: string;
            coachName: string | null;
            confirmedAt: Date;
          }[]
        >(Prisma.sql`SELECT
            l.id AS "classificationId", c.id AS "clientId", c."displayName" AS "clientName", l."coachId", s."displayName" AS "coachName", l."confirmedAt"
          FROM "Classification" l JOIN "Client" c ON c.id = l."clientId" LEFT JOIN "Staff" s ON s.id = l."coachId"
          WHERE l.status = 'PENDING_REVIEW' AND l."teamId" = ${teamId} AND ${team} ORDER BY l."confirmedAt", l.id`),
        prisma.$queryRaw<
          { clientId: string; clientName: string; from: number; to: number }[]
        >(Prisma.sql`SELECT c.id AS "clientId", c."displayName" AS "clientName",
            l."previousRung" AS "from", l."finalRung" AS "to"
          FROM "Classification" l JOIN "Client" c ON c.id = l."clientId"
          WHERE l."isLatest" AND l.status IN ('FINAL', 'PENDING_REVIEW') AND l."confirmedAt" >= ${startOfWeek(today)}
            AND l."previousRung" IS NOT NULL AND l."finalRung" <> l."previousRung" AND ${team}
          ORDER BY c."displayName", c.id`),
        prisma.$queryRaw<{ count: bigint }[]>(
          Prisma.sql`SELECT count(*) AS count FROM "Client" c WHERE ${team} AND c."latestExpectedRung" IS NULL`,
        ),
      ]);
      return {
        total: byWijk.reduce((s, r) => s + n(r.total), 0),
        inView: byWijk.reduce((s, r) => s + n(r.inview), 0),
        byWijk: byWijk.map((r) => ({ wijk: r.wijk, total: n(r.total), inView: n(r.inview) })),
        trend: trend.map((r) => ({ weekEnd: new Date(r.weekend), total: n(r.total), inView: n(r.inview) })),
        pendingReviews: pending.map((r) => ({ ...r, coachName: r.coachName ?? "?" })),
        movement: { up: moves.filter((m) => m.to > m.from), down: moves.filter((m) => m.to < m.from) },
        withoutExpectedRung: n(without?.count),
      };
    },

    async claimMessage(claim: MessageClaim) {
      // a failed send may be tried again (it never reached the person); anything else stays claimed
      const rows = await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`INSERT INTO "OutgoingMessage"
          ("id", "key", "kind", "staffId", "teamId", "period", "status", "clientIds", "attempts", "createdAt", "updatedAt")
        VALUES (gen_random_uuid()::text, ${claim.key}, ${claim.kind}, ${claim.staffId}, ${claim.teamId}, ${claim.period}, 'sending', ${claim.clientIds}::text[], 0, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
        ON CONFLICT ("key") DO UPDATE SET "status" = 'sending', "clientIds" = EXCLUDED."clientIds", "error" = NULL, "updatedAt" = now() AT TIME ZONE 'UTC'
          WHERE "OutgoingMessage"."status" = 'failed'
        RETURNING "id"`);
      return rows.length === 1;
    },

    async recordSent(claim, result) {
      await recordOutcome(prisma, claim, { status: "sent", activityId: result.activityId, attempts: result.attempts });
    },

    async recordFailed(claim, result) {
      await recordOutcome(prisma, claim, { status: "failed", error: result.error, attempts: result.attempts });
    },
  };
}

/** The message's final state and its audit row, in one transaction. */
async function recordOutcome(
  prisma: PrismaClient,
  claim: MessageClaim,
  outcome: { status: "sent"; activityId: string | null; attempts: number } | { status: "failed"; error: string; attempts: number },
): Promise<void> {
  const { status, ...data } = outcome;
  await prisma.$transaction(async (tx) => {
    await tx.outgoingMessage.update({ where: { key: claim.key }, data: { status, ...data } });
    await recordAuditEvent(tx, {
      actor: null,
      action: `notification.${status}`,
      subjectId: claim.staffId,
      details: {
        kind: claim.kind,
        recipient: claim.staffId,
        clientIds: claim.clientIds,
        period: claim.period,
        key: claim.key,
        attempts: outcome.attempts,
        ...(outcome.status === "failed" ? { error: outcome.error } : {}),
      },
    });
  });
}

/** "meldingen uit" / "meldingen aan": the person's own choice, audited. */
export async function setNotificationsOff(
  prisma: PrismaClient,
  actor: { staffId: string; aadObjectId: string },
  off: boolean,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.staff.update({ where: { id: actor.staffId }, data: { notificationsOff: off } });
    await recordAuditEvent(tx, {
      actor,
      action: off ? "notifications.off" : "notifications.on",
      subjectId: actor.staffId,
    });
  });
}
