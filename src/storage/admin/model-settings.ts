// What the model gate (src/ai/model-gate.ts) reads from the database: whether a person's team lets free
// text go to a model, and every name and number the municipality knows, so that they can be denied.
import type { Actor } from "../../domain/access/actor.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Sql } from "../db/index.ts";

// One round trip per model request: the team's setting, and a version of the known identifiers that
// changes with every import, erasure, new member of staff or new team.
const CHECK = `
SELECT
  (SELECT "allowNotesToModel" FROM "Team" WHERE "id" = $1) AS "teamAllows",
  (SELECT "ladderProfileId" FROM "Team" WHERE "id" = $1) AS "ladderProfileId",
  (SELECT count(*) FROM "Team")::int AS "teams",
  (SELECT count(*) FROM "Team" WHERE NOT "allowNotesToModel")::int AS "refusing",
  concat_ws('/',
    (SELECT count(*) || '@' || coalesce(max("updatedAt")::text, '') FROM "Client"),
    (SELECT count(*) || '@' || coalesce(max("updatedAt")::text, '') FROM "Staff"),
    (SELECT count(*) || '@' || coalesce(max("updatedAt")::text, '') FROM "Team")) AS "version"`;

export function createModelSettings(db: { prisma: PrismaClient; sql: Sql }) {
  return {
    /**
     * A member of a team: that team's notes-to-model setting. Without a team (an administrator, whose
     * questions span every team): only when every team allows it. Default: no.
     */
    async check(actor: Actor): Promise<{ allowsFreeText: boolean; identifiersVersion: string; ladderProfileId: string | null }> {
      const { rows } = await db.sql.query<{
        teamAllows: boolean | null;
        ladderProfileId: string | null;
        teams: number;
        refusing: number;
        version: string;
      }>({
        name: "model_gate_check_v2",
        text: CHECK,
        values: [actor.teamId],
      });
      const row = rows[0];
      const allowsFreeText = actor.teamId ? row.teamAllows === true : row.teams > 0 && row.refusing === 0;
      return { allowsFreeText, identifiersVersion: row.version, ladderProfileId: row.ladderProfileId };
    },

    async knownIdentifiers() {
      const [clients, staff, teams] = await Promise.all([
        db.prisma.client.findMany({ select: { displayName: true, externalKey: true, wijk: true } }),
        db.prisma.staff.findMany({ select: { displayName: true } }),
        db.prisma.team.findMany({ select: { name: true } }),
      ]);
      return {
        names: [...clients.map((r) => r.displayName), ...staff.map((r) => r.displayName)],
        clientNumbers: clients.map((r) => r.externalKey),
        wijken: [...new Set(clients.map((r) => r.wijk))],
        teams: teams.map((r) => r.name),
      };
    },
  };
}
