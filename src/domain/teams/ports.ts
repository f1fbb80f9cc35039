// A team's settings as the use cases see storage: review policy, ZRM domains, notes-to-model, when
// Trede speaks first, and the ladder profile the team classifies on.
import type { ReviewTrigger } from "../review/review-policy.ts";

export interface TeamSettings {
  id: string;
  name: string;
  ladderProfileId: string;
  reviewTriggers: ReviewTrigger[];
  domainsInScope: string[];
  /** the typed reason for special-category domains, recorded on the team (never in the audit trail) */
  specialDomainsReason: string | null;
  allowNotesToModel: boolean;
  inViewTarget: number;
  nudgeWeekday: number;
  digestWeekday: number;
  sendHour: number;
}

/** What to change; an absent field stays as it is. */
export interface TeamSettingsChange {
  ladderProfileId?: string;
  reviewTriggers?: ReviewTrigger[];
  domains?: { codes: string[]; reason: string | null };
  allowNotesToModel?: boolean;
  notifications?: { inViewTarget?: number; nudgeWeekday?: number; digestWeekday?: number; sendHour?: number };
}

/** What the classifier for integrations needs to know about a team. */
export interface TeamClassifierScope {
  name: string;
  ladderProfileId: string;
  domainsInScope: string[];
}

export interface TeamStore {
  nameOf(teamId: string): Promise<string | null>;
  /** By name, case-insensitively. */
  findByName(name: string): Promise<TeamSettings | null>;
  classifierScope(name: string): Promise<TeamClassifierScope | null>;
  /** Applies the change and records "team.settings" (with the operator) in one transaction. */
  update(teamId: string, change: TeamSettingsChange, audit: { operator: string }): Promise<TeamSettings>;
}
