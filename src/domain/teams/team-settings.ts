// The rules for a team's settings: known review triggers, known ZRM domains, special categories only with
// a reason, and a ladder profile that exists.
import { ZRM_DOMAINS } from "../ladder/zrm-domains.ts";
import { ReviewTrigger } from "../review/review-policy.ts";
import type { TeamSettingsChange } from "./ports.ts";

/** As typed by an administrator (command line): words, codes and ids, not yet checked. */
export interface TeamSettingsRequest {
  ladderProfileId?: string;
  /** an empty list: never review */
  reviewTriggers?: string[];
  domains?: string[];
  reason?: string;
  allowNotesToModel?: boolean;
  notifications?: TeamSettingsChange["notifications"];
}

export type ParsedTeamSettings = { ok: true; change: TeamSettingsChange } | { ok: false; message: string };

export function parseTeamSettings(request: TeamSettingsRequest, known: { profileIds: readonly string[] }): ParsedTeamSettings {
  const change: TeamSettingsChange = {};
  if (request.ladderProfileId !== undefined) {
    if (!known.profileIds.includes(request.ladderProfileId))
      return {
        ok: false,
        message: `unknown ladder profile "${request.ladderProfileId}" (known: ${known.profileIds.join(", ")})`,
      };
    change.ladderProfileId = request.ladderProfileId;
  }
  if (request.reviewTriggers) {
    const triggers: ReviewTrigger[] = [];
    for (const t of request.reviewTriggers) {
      const parsed = ReviewTrigger.safeParse(t.trim().toUpperCase());
      if (!parsed.success) return { ok: false, message: `unknown review trigger "${t}" (always, override, jump, ontheffing, or never)` };
      triggers.push(parsed.data);
    }
    change.reviewTriggers = triggers;
  }
  if (request.domains) {
    const unknown = request.domains.filter((d) => !ZRM_DOMAINS.some((z) => z.code === d));
    if (unknown.length) return { ok: false, message: `unknown ZRM domains: ${unknown.join(", ")}` };
    const special = request.domains.filter((d) => ZRM_DOMAINS.find((z) => z.code === d)!.special);
    const reason = request.reason?.trim() || null;
    if (special.length && !reason)
      return {
        ok: false,
        message: `special-category domains (${special.join(", ")}) need --reason: why this team must record them`,
      };
    change.domains = { codes: request.domains, reason };
  }
  if (request.allowNotesToModel !== undefined) change.allowNotesToModel = request.allowNotesToModel;
  if (request.notifications) change.notifications = request.notifications;
  return { ok: true, change };
}
