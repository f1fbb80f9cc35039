// Four-eyes decisions. Exactly one decision wins: the status moves from PENDING_REVIEW with a conditional
// update, so two supervisors deciding at once produce one transition and one "already decided" answer.
import { caseloadScopeOf, type Actor } from "../../domain/access/actor.ts";
import type { DecideResult, PendingReview, ReviewDecision } from "../../domain/review/ports.ts";
import { isReviewerFor } from "../../domain/review/review-policy.ts";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import { recordAuditEvent, recordRefusal } from "../audit/record-audit-event.ts";
import { clientScopeSql } from "../client-scope.ts";

export type { PendingReview, ReviewDecision } from "../../domain/review/ports.ts";

const include = {
  client: { select: { displayName: true, externalKey: true, coach: { select: { displayName: true } } } },
} as const;

export async function findReview(prisma: PrismaClient, classificationId: string): Promise<PendingReview | null> {
  const c = await prisma.classification.findUnique({ where: { id: classificationId }, include });
  if (!c) return null;
  const coach = await prisma.staff.findUnique({ where: { id: c.coachId }, select: { displayName: true } });
  const reviewer = c.reviewedById ? await prisma.staff.findUnique({ where: { id: c.reviewedById }, select: { displayName: true } }) : null;
  return toReview(c, coach?.displayName ?? "?", reviewer?.displayName ?? null);
}

/** Which client a classification is about, and nothing else: enough to check access before loading it. */
export async function findReviewSubject(
  prisma: PrismaClient,
  classificationId: string,
): Promise<{ classificationId: string; clientId: string } | null> {
  const c = await prisma.classification.findUnique({
    where: { id: classificationId },
    select: { id: true, clientId: true },
  });
  return c && { classificationId: c.id, clientId: c.clientId };
}

/** What waits for the actor: about clients they may see, still in the caseload (not closed or erased). */
function pendingSql(actor: Actor, tail: Prisma.Sql = Prisma.empty) {
  return Prisma.sql`FROM "Classification" l JOIN "Client" c ON c.id = l."clientId"
    WHERE l.status = 'PENDING_REVIEW' AND ${clientScopeSql(caseloadScopeOf(actor), "caseload")} ${tail}`;
}

/** How many classifications wait for the actor, however many the list shows. */
export async function countPendingReviews(prisma: PrismaClient, actor: Actor): Promise<number> {
  const [{ count }] = await prisma.$queryRaw<{ count: bigint }[]>(Prisma.sql`SELECT count(*) AS count ${pendingSql(actor)}`);
  return Number(count);
}

/** Open requests the actor may see, oldest first. */
export async function listPendingReviews(prisma: PrismaClient, actor: Actor, options: { take?: number } = {}): Promise<PendingReview[]> {
  const ids = await prisma.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT l.id ${pendingSql(actor, Prisma.sql`ORDER BY l."confirmedAt" ASC, l.id LIMIT ${options.take ?? 50}`)}`,
  );
  const rows = await prisma.classification.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    orderBy: [{ confirmedAt: "asc" }, { id: "asc" }],
    include,
  });
  const coaches = await prisma.staff.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.coachId))] } },
    select: { id: true, displayName: true },
  });
  const names = new Map(coaches.map((c) => [c.id, c.displayName]));
  return rows.map((r) => toReview(r, names.get(r.coachId) ?? "?", null));
}

export type { DecideResult } from "../../domain/review/ports.ts";

export async function decideReview(
  prisma: PrismaClient,
  input: { actor: Actor; classificationId: string; decision: ReviewDecision; note: string | null; now: Date },
): Promise<DecideResult> {
  const { actor } = input;
  const result = await prisma.$transaction(async (tx) => {
    const c = await tx.classification.findUnique({ where: { id: input.classificationId } });
    if (!c) return { outcome: "forbidden", reason: "not_found" } as const;
    if (!isReviewerFor(actor, c.teamId)) {
      await recordRefusal(tx, {
        actor,
        reason: "review_not_reviewer",
        clientId: c.clientId,
        details: { classificationId: c.id },
      });
      return { outcome: "forbidden", reason: "not_reviewer" } as const;
    }
    if (c.coachId === actor.staffId) {
      await recordRefusal(tx, {
        actor,
        reason: "review_own_classification",
        clientId: c.clientId,
        details: { classificationId: c.id },
      });
      return { outcome: "forbidden", reason: "own_classification" } as const;
    }
    const status = input.decision === "approve" ? "FINAL" : input.decision === "reject" ? "REJECTED" : "RETURNED";
    const { count } = await tx.classification.updateMany({
      where: { id: c.id, status: "PENDING_REVIEW" },
      data: { status, reviewedById: actor.staffId, reviewedAt: input.now, reviewNote: input.note },
    });
    if (count === 0) return { outcome: "already_decided" } as const;
    if (status !== "FINAL") {
      // A classification that was not approved stops being the client's current one; the previous
      // version (if any) is current again until the coach confirms a new version.
      await tx.classification.update({ where: { id: c.id }, data: { isLatest: false } });
      const previous = await tx.classification.findFirst({
        where: { clientId: c.clientId, id: { not: c.id }, status: { in: ["FINAL", "PENDING_REVIEW"] } },
        orderBy: { version: "desc" },
      });
      if (previous) await tx.classification.update({ where: { id: previous.id }, data: { isLatest: true } });
    }
    await recordAuditEvent(tx, {
      actor,
      action: `review.${input.decision === "approve" ? "approved" : input.decision === "reject" ? "rejected" : "returned"}`,
      clientId: c.clientId,
      subjectId: c.id,
      details: {
        version: c.version,
        finalRung: c.finalRung,
        finalSubstep: c.finalSubstep,
        hasNote: Boolean(input.note),
      },
    });
    return { outcome: "decided" } as const;
  });
  if (result.outcome === "forbidden") return result;
  const review = await findReview(prisma, input.classificationId);
  return { outcome: result.outcome, review: review! };
}

export async function saveReviewCard(
  prisma: PrismaClient,
  card: { classificationId: string; staffId: string; conversationId: string; activityId: string },
): Promise<void> {
  await prisma.reviewCard.create({ data: card });
}

export async function listReviewCards(prisma: PrismaClient, classificationId: string) {
  return prisma.reviewCard.findMany({ where: { classificationId } });
}

/** The supervisors of a team who may decide (never the coach who classified). */
export async function findReviewers(prisma: PrismaClient, input: { teamId: string; excludeStaffId: string }) {
  return prisma.staff.findMany({
    where: { teamId: input.teamId, active: true, roles: { has: "SUPERVISOR" }, id: { not: input.excludeStaffId } },
    select: { id: true, displayName: true, aadObjectId: true, reference: { select: { reference: true } } },
    orderBy: { displayName: "asc" },
  });
}

function toReview(
  c: Prisma.ClassificationGetPayload<{ include: typeof include }>,
  coachName: string,
  reviewedByName: string | null,
): PendingReview {
  return {
    classificationId: c.id,
    clientId: c.clientId,
    clientName: c.client.displayName,
    clientKey: c.client.externalKey,
    coachId: c.coachId,
    coachName,
    teamId: c.teamId,
    profileId: c.profileId,
    answers: c.answers,
    previousRung: c.previousRung,
    previousSubstep: c.previousSubstep,
    proposedRung: c.proposedRung,
    proposedSubstep: c.proposedSubstep,
    finalRung: c.finalRung,
    finalSubstep: c.finalSubstep,
    expectedRung: c.expectedRung,
    overrideReason: c.overrideReason,
    observedOn: c.observedOn,
    confirmedAt: c.confirmedAt,
    status: c.status,
    reviewedByName,
    reviewedAt: c.reviewedAt,
    reviewNote: c.reviewNote,
  };
}
