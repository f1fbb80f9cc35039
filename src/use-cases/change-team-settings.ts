// Use case: an administrator changes a team's settings (`trede team set`): review policy, ZRM domains
// (special categories only with a reason), notes to a model, notification times, and the ladder profile
// the team classifies on (which must exist). The change and its audit event are one transaction.
import type { Operator } from "../domain/admin/ports.ts";
import type { Store } from "../domain/store.ts";
import type { TeamSettings } from "../domain/teams/ports.ts";
import { parseTeamSettings, type TeamSettingsRequest } from "../domain/teams/team-settings.ts";

export type ChangeTeamSettingsResult =
  | { outcome: "changed"; team: TeamSettings }
  | { outcome: "unknown_team" }
  | { outcome: "invalid"; message: string };

export async function changeTeamSettings(
  store: Pick<Store, "teams">,
  operator: Operator,
  input: { team: string; settings: TeamSettingsRequest },
  known: { profileIds: readonly string[] },
): Promise<ChangeTeamSettingsResult> {
  const team = await store.teams.findByName(input.team);
  if (!team) return { outcome: "unknown_team" };
  const parsed = parseTeamSettings(input.settings, known);
  if (!parsed.ok) return { outcome: "invalid", message: parsed.message };
  return { outcome: "changed", team: await store.teams.update(team.id, parsed.change, { operator: operator.name }) };
}
