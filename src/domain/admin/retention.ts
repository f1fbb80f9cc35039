// Retention of client dossiers (domain reference: kept about ten years after closure, then anonymised).

export const RETENTION_YEARS = 10;

/** The day the retention period of a closed file ends; null while the file is open. */
export function retentionEnds(closedAt: Date | null): Date | null {
  return closedAt ? new Date(Date.UTC(closedAt.getUTCFullYear() + RETENTION_YEARS, closedAt.getUTCMonth(), closedAt.getUTCDate())) : null;
}

/** Erasure before the end of retention (or of an open file) needs a decision: `force`. */
export function mayErase(closedAt: Date | null, now: Date, force: boolean): boolean {
  const until = retentionEnds(closedAt);
  return force || (until !== null && until <= now);
}
