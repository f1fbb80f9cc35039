// A small job table instead of a queue library: a job is a row (unique per kind, team and week), an instance
// claims the oldest due one with FOR UPDATE SKIP LOCKED and a lease, so two instances never run the same job
// at once and a job whose instance died is taken over when its lease runs out. What makes a message go out
// at most once is the message's own unique key (notification-store.ts), not the job.
import type { ClaimedJob, JobStore } from "../../domain/nudges/ports.ts";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";

export function createJobStore(prisma: PrismaClient): JobStore {
  return {
    async enqueue(job) {
      const rows = await prisma.$queryRaw<
        { id: string }[]
      >(Prisma.sql`INSERT INTO "ScheduledJob" ("id", "kind", "teamId", "period", "status", "runAfter", "attempts", "createdAt")
        VALUES (gen_random_uuid()::text, ${job.kind}, ${job.teamId}, ${job.period}, 'pending', ${job.runAfter}, 0, now() AT TIME ZONE 'UTC')
        ON CONFLICT ("kind", "teamId", "period") DO NOTHING RETURNING "id"`);
      return rows.length === 1;
    },

    async claimNext({ workerId, now, leaseMs }) {
      const rows = await prisma.$queryRaw<ClaimedJob[]>(Prisma.sql`UPDATE "ScheduledJob" j
        SET "status" = 'running', "lockedBy" = ${workerId}, "lockedUntil" = ${new Date(now.getTime() + leaseMs)}, "attempts" = j."attempts" + 1
        WHERE j."id" = (
          SELECT "id" FROM "ScheduledJob"
          WHERE ("status" = 'pending' AND "runAfter" <= ${now}) OR ("status" = 'running' AND "lockedUntil" < ${now})
          ORDER BY "runAfter", "createdAt", "id" LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING j."id", j."kind", j."teamId", j."period", j."attempts"`);
      return rows[0] ?? null;
    },

    async complete({ id, workerId, result, now }) {
      // only the lease holder finishes a job; a worker whose lease was taken over changes nothing
      await prisma.scheduledJob.updateMany({
        where: { id, lockedBy: workerId, status: "running" },
        data: {
          status: "done",
          result: result as Prisma.InputJsonObject,
          finishedAt: now,
          lockedUntil: null,
          lastError: null,
        },
      });
    },

    async fail({ id, workerId, error, retryAt }) {
      await prisma.scheduledJob.updateMany({
        where: { id, lockedBy: workerId, status: "running" },
        data: retryAt
          ? { status: "pending", runAfter: retryAt, lockedUntil: null, lastError: error.slice(0, 500) }
          : { status: "failed", lockedUntil: null, lastError: error.slice(0, 500) },
      });
    },
  };
}
