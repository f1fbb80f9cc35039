// Use case: an administrator imports the municipality's clients or staff from CSV. Every row is checked
// first; with any invalid row nothing is written unless skipInvalid is set. Audited by the store.
import type { Operator } from "../domain/admin/ports.ts";
import type { ImportOptions, ImportReport } from "../domain/import/ports.ts";
import type { Store } from "../domain/store.ts";

export type ImportInput = { text: string; options: Omit<ImportOptions, "operator"> } & (
  | { kind: "clients" }
  | { kind: "staff"; tenantId: string }
);

/** "imported": something was written; "rejected": the file has errors and nothing was written; "dryRun": checked only. */
export type ImportResult = { outcome: "imported" | "rejected" | "dryRun"; report: ImportReport };

export async function importRecords(store: Pick<Store, "imports">, operator: Operator, input: ImportInput): Promise<ImportResult> {
  const options = { ...input.options, operator: operator.name };
  const report =
    input.kind === "clients"
      ? await store.imports.clients(input.text, options)
      : await store.imports.staff(input.text, { ...options, tenantId: input.tenantId });
  return { outcome: input.options.dryRun ? "dryRun" : report.written ? "imported" : "rejected", report };
}
