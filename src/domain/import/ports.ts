// Bulk import of the municipality's clients and staff, as the import use case sees storage.
import type { RowProblem } from "./import-rows.ts";

export interface ImportOptions {
  dryRun?: boolean;
  skipInvalid?: boolean;
  closeMissing?: boolean;
  createTeams?: boolean;
  operator: string;
  today?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  closed: number;
  skipped: number;
  createdTeams: string[];
  problems: RowProblem[];
  written: boolean;
}

export interface ImportStore {
  /** CSV text in; every row validated first; with an invalid row nothing is written unless skipInvalid. Audited. */
  clients(text: string, options: ImportOptions): Promise<ImportReport>;
  staff(text: string, options: ImportOptions & { tenantId: string }): Promise<ImportReport>;
}
