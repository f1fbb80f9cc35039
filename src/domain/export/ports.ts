// Classifications out to CSV for reporting, as the export use case sees storage.

export interface ExportOptions {
  team?: string;
  from?: Date;
  to?: Date;
  allVersions?: boolean;
  withNames?: boolean;
  delimiter?: ";" | ",";
  operator: string;
}

export interface ExportStore {
  /** Pseudonymous keys unless withNames; erased clients never. Audited. */
  classifications(options: ExportOptions): Promise<{ csv: string; rows: number }>;
}
