// Data-subject rights (AVG/GDPR art. 15 and 17) as the administrator's use cases see storage.

export interface ErasureSubject {
  clientId: string;
  closedAt: Date | null;
}

export interface AuditLine {
  at: string;
  /** the staff member's name, their id when unknown, or "systeem" */
  who: string;
  action: string;
  details: unknown;
}

export interface DataSubjectStore {
  /** Everything Trede stores about one client, as JSON, or null for an unknown key. Audited. */
  exportClient(input: { externalKey: string; operator: string }): Promise<object | null>;
  /** The audit rows about one client (by key or id), or null for an unknown client. The read is audited. */
  auditTrail(input: { externalKey: string; operator: string }): Promise<AuditLine[] | null>;
  /** The client to erase, or null when unknown or already erased. */
  findErasureSubject(externalKey: string): Promise<ErasureSubject | null>;
  /** Anonymises the client and records it (one transaction). */
  anonymise(input: { clientId: string; operator: string; now: Date; forced: boolean }): Promise<void>;
}

/** The administrator at the command line (shell access to the server); named in every audit event. */
export interface Operator {
  name: string;
}
