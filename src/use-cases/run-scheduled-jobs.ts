// The scheduler's two steps, run by every instance on each tick: put this week's due jobs in the database
// (one row per kind, team and week, whoever comes first), then claim and run due jobs one at a time.
// Nothing is sent in quiet hours (before 08:00, from 18:00, at weekends, Europe/Amsterdam).
import type { JobKind, JobStore } from "../domain/nudges/ports.ts";
import { isDue, isQuietTime, weekPeriod } from "../domain/nudges/schedule.ts";
import type { DeliveryDeps } from "./deliver-message.ts";
import { sendTeamDigest } from "./send-digest.ts";
import { sendTeamNudges, type TeamRun } from "./send-nudges.ts";

export interface SchedulerDeps extends DeliveryDeps {
  jobs: JobStore;
  workerId: string;
  /** how long a claimed job is this worker's before another may take it over */
  leaseMs?: number;
  maxAttempts?: number;
}

const KINDS: JobKind[] = ["nudges", "digest"];

export async function scheduleDueJobs(deps: SchedulerDeps, now: Date): Promise<number> {
  if (isQuietTime(now)) return 0;
  let created = 0;
  for (const team of await deps.store.listTeams()) {
    for (const kind of KINDS) {
      if (isDue(kind, team, now) && (await deps.jobs.enqueue({ kind, teamId: team.id, period: weekPeriod(now), runAfter: now }))) created++;
    }
  }
  return created;
}

export async function runDueJobs(deps: SchedulerDeps, now: () => Date): Promise<TeamRun[]> {
  const runs: TeamRun[] = [];
  const maxAttempts = deps.maxAttempts ?? 5;
  while (!isQuietTime(now())) {
    const job = await deps.jobs.claimNext({
      workerId: deps.workerId,
      now: now(),
      leaseMs: deps.leaseMs ?? 10 * 60_000,
    });
    if (!job) break;
    try {
      const team = (await deps.store.listTeams()).find((t) => t.id === job.teamId);
      const run = !team ? null : job.kind === "nudges" ? await sendTeamNudges(deps, team, now()) : await sendTeamDigest(deps, team, now());
      if (run) runs.push(run);
      await deps.jobs.complete({
        id: job.id,
        workerId: deps.workerId,
        result: run ?? { skipped: "team no longer exists" },
        now: now(),
      });
    } catch (e) {
      const retryAt = job.attempts >= maxAttempts ? null : new Date(now().getTime() + 60_000 * 2 ** job.attempts);
      await deps.jobs.fail({ id: job.id, workerId: deps.workerId, error: String((e as Error)?.message ?? e), retryAt });
    }
  }
  return runs;
}

export interface Scheduler {
  /** one tick now (tests and the demo); resolves with what was sent */
  tick(): Promise<TeamRun[]>;
  stop(): Promise<void>;
}

/** Ticks every intervalMs; a tick never overlaps the previous one in the same instance. */
export function startScheduler(
  deps: SchedulerDeps,
  options: { intervalMs: number; clock: () => Date; onError: (e: unknown) => void },
): Scheduler {
  let running: Promise<TeamRun[]> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        await scheduleDueJobs(deps, options.clock());
        return await runDueJobs(deps, options.clock);
      } catch (e) {
        options.onError(e);
        return [];
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
