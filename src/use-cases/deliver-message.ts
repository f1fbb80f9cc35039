// One proactive message, start to end: claim its unique key (so nobody sends it twice), send it, retry a
// 429 or 5xx with backoff within the job, and record the outcome with its audit event.
import type { MessageClaim, MessageSender, NotificationStore, OutgoingMessage, Recipient } from "../domain/nudges/ports.ts";

export interface RetryPolicy {
  attempts: number;
  /** first wait; doubles per attempt, capped at maxDelayMs (a Retry-After from the connector wins when longer) */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export type DeliveryOutcome = "sent" | "already_sent" | "failed";

export interface DeliveryDeps {
  store: NotificationStore;
  sender: MessageSender;
  retry?: RetryPolicy;
}

export function messageKey(kind: MessageClaim["kind"], staffId: string, period: string): string {
  return `${kind}:${staffId}:${period}`;
}

export async function deliverMessage(
  deps: DeliveryDeps,
  input: { recipient: Recipient & { reference: object }; claim: MessageClaim; message: OutgoingMessage },
): Promise<DeliveryOutcome> {
  const { store, sender } = deps;
  const retry = deps.retry ?? DEFAULT_RETRY;
  if (!(await store.claimMessage(input.claim))) return "already_sent";
  let lastError = "";
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    let result: Awaited<ReturnType<typeof sender.send>>;
    try {
      result = await sender.send(input.recipient.reference, input.message);
    } catch (e) {
      result = { ok: false as const, retryable: true, status: null, error: String((e as Error)?.message ?? e) };
    }
    if (result.ok) {
      await store.recordSent(input.claim, { activityId: result.activityId, attempts: attempt });
      return "sent";
    }
    lastError = `${result.status ?? "error"}: ${result.error}`.slice(0, 500);
    if (!result.retryable || attempt === retry.attempts) break;
    const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
    await retry.sleep(Math.min(Math.max(backoff, result.retryAfterMs ?? 0), retry.maxDelayMs * 4));
  }
  await store.recordFailed(input.claim, { error: lastError, attempts: retry.attempts });
  return "failed";
}

/** Counts per outcome for one team's run; the CLI prints these (no names). */
export interface RunCounts {
  sent: number;
  alreadySent: number;
  failed: number;
  /** had something to say but never opened their chat with Trede */
  unreachable: number;
  notificationsOff: number;
  nothingToSay: number;
}

export const emptyCounts = (): RunCounts => ({
  sent: 0,
  alreadySent: 0,
  failed: 0,
  unreachable: 0,
  notificationsOff: 0,
  nothingToSay: 0,
});

export function count(counts: RunCounts, outcome: DeliveryOutcome): void {
  if (outcome === "sent") counts.sent++;
  else if (outcome === "already_sent") counts.alreadySent++;
  else counts.failed++;
}

export const hasReference = (r: Recipient): r is Recipient & { reference: object } => r.reference !== null;

/** The recipient when a message may go to them; otherwise null, counted by why (notifications off, or never opened the chat). */
export function reachableOrCounted(counts: RunCounts, r: Recipient): (Recipient & { reference: object }) | null {
  if (r.notificationsOff) {
    counts.notificationsOff++;
    return null;
  }
  if (!hasReference(r)) {
    counts.unreachable++;
    return null;
  }
  return r;
}
