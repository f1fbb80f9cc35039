// Use cases: data out of Trede for an administrator. Everything about one client (AVG/GDPR art. 15), the
// audit trail about one client, and the classifications as CSV for reporting. Each is audited by the store
// with the operator's name.
import type { AuditLine, Operator } from "../domain/admin/ports.ts";
import type { ExportOptions } from "../domain/export/ports.ts";
import type { Store } from "../domain/store.ts";

type Deps = Pick<Store, "dataSubjects" | "exports">;

export type ExportClientResult = { outcome: "exported"; data: object } | { outcome: "not_found" };

export async function exportClientData(store: Deps, operator: Operator, input: { externalKey: string }): Promise<ExportClientResult> {
  const data = await store.dataSubjects.exportClient({ externalKey: input.externalKey, operator: operator.name });
  return data ? { outcome: "exported", data } : { outcome: "not_found" };
}

export type AuditTrailResult = { outcome: "found"; events: AuditLine[] } | { outcome: "not_found" };

export async function readClientAuditTrail(store: Deps, operator: Operator, input: { externalKey: string }): Promise<AuditTrailResult> {
  const events = await store.dataSubjects.auditTrail({ externalKey: input.externalKey, operator: operator.name });
  return events ? { outcome: "found", events } : { outcome: "not_found" };
}

export type ExportClassificationsInput = Omit<ExportOptions, "operator">;

export type ExportClassificationsResult = { outcome: "exported"; csv: string; rows: number };

export async function exportClassifications(
  store: Deps,
  operator: Operator,
  input: ExportClassificationsInput,
): Promise<ExportClassificationsResult> {
  const { csv, rows } = await store.exports.classifications({ ...input, operator: operator.name });
  return { outcome: "exported", csv, rows };
}
