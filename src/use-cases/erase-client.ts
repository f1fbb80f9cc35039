// Use case: an administrator erases a client (AVG/GDPR art. 17). Before the end of the retention period
// (or while the file is open) only with --force, which stands for a decision (e.g. a well-founded request).
import type { Operator } from "../domain/admin/ports.ts";
import { mayErase, retentionEnds } from "../domain/admin/retention.ts";
import type { Store } from "../domain/store.ts";

export interface EraseClientInput {
  externalKey: string;
  now: Date;
  force?: boolean;
}

export type EraseClientResult =
  | { outcome: "erased" }
  | { outcome: "not_found" }
  | { outcome: "retention"; closedAt: Date | null; until: Date | null };

export async function eraseClient(
  store: Pick<Store, "dataSubjects">,
  operator: Operator,
  input: EraseClientInput,
): Promise<EraseClientResult> {
  const subject = await store.dataSubjects.findErasureSubject(input.externalKey);
  if (!subject) return { outcome: "not_found" };
  const force = Boolean(input.force);
  if (!mayErase(subject.closedAt, input.now, force))
    return { outcome: "retention", closedAt: subject.closedAt, until: retentionEnds(subject.closedAt) };
  await store.dataSubjects.anonymise({
    clientId: subject.clientId,
    operator: operator.name,
    now: input.now,
    forced: force,
  });
  return { outcome: "erased" };
}
