// Small lookups the caseload interpreter needs: which wijken and teams exist in the asker's scope, and
// which client names a question mentions (so they can be masked before anything goes to a model).
import type { CaseloadScope } from "../../domain/access/actor.ts";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import { clientScopeSql } from "../client-scope.ts";

/**
 * Names a question may use: wijken, teams and coaches inside the asker's scope, and those that exist but
 * are outside it (so "team Zuid-West" asked by Noord's lead is refused as such, not ignored).
 */
export async function findScopeVocabulary(
  prisma: PrismaClient,
  scope: CaseloadScope,
): Promise<{
  wijken: string[];
  teams: string[];
  coaches: string[];
  outside: { wijken: string[]; teams: string[]; coaches: string[] };
}> {
  const [wijken, allWijken, teams, staff] = await Promise.all([
    prisma.$queryRaw<{ wijk: string }[]>(
      Prisma.sql`SELECT DISTINCT c.wijk FROM "Client" c WHERE ${clientScopeSql(scope, "caseload")} ORDER BY c.wijk`,
    ),
    prisma.client.findMany({
      where: { active: true },
      distinct: ["wijk"],
      select: { wijk: true },
      orderBy: { wijk: "asc" },
    }),
    prisma.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.staff.findMany({
      where: { active: true, roles: { has: "COACH" } },
      select: { id: true, displayName: true, teamId: true },
      orderBy: { displayName: "asc" },
    }),
  ]);
  const inScopeWijken = wijken.map((w) => w.wijk);
  const teamInScope = (id: string) => scope.kind === "all" || (scope.kind === "team" && scope.teamId === id);
  const coachInScope = (s: { id: string; teamId: string | null }) =>
    scope.kind === "all" || (scope.kind === "team" ? s.teamId === scope.teamId : s.id === scope.staffId);
  return {
    wijken: inScopeWijken,
    teams: teams.filter((t) => teamInScope(t.id)).map((t) => t.name),
    coaches: staff.filter(coachInScope).map((s) => s.displayName),
    outside: {
      wijken: allWijken.map((w) => w.wijk).filter((w) => !inScopeWijken.includes(w)),
      teams: teams.filter((t) => !teamInScope(t.id)).map((t) => t.name),
      coaches: staff.filter((s) => !coachInScope(s)).map((s) => s.displayName),
    },
  };
}

/** Clients in scope whose name or number contains one of the capitalised words or codes of the text. */
export async function findMentionedClients(
  prisma: PrismaClient,
  scope: CaseloadScope,
  text: string,
): Promise<{ names: string[]; clientNumbers: string[] }> {
  const tokens = [...new Set(text.match(/\b[A-Z]{0,3}-?\d{4,}\b|\b[A-Z][\p{L}'-]{2,}\b/gu) ?? [])].slice(0, 12);
  if (!tokens.length) return { names: [], clientNumbers: [] };
  // as Prisma's `contains` did: the token is a literal, not a pattern
  const like = (t: string) => `%${t.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const mentions = Prisma.join(
    tokens.map((t) => Prisma.sql`c."displayName" ILIKE ${like(t)} OR c."externalKey" ILIKE ${like(t)}`),
    " OR ",
  );
  const rows = await prisma.$queryRaw<{ displayName: string; externalKey: string }[]>(
    Prisma.sql`SELECT c."displayName", c."externalKey" FROM "Client" c WHERE ${clientScopeSql(scope, "readable")} AND (${mentions}) LIMIT 50`,
  );
  return { names: rows.map((r) => r.displayName), clientNumbers: rows.map((r) => r.externalKey) };
}
