// Small lookups the caseload interpreter needs: which wijken and teams exist in the asker's scope, and
// which client names a question mentions (so they can be masked before anything goes to a model).
import type { CaseloadScope } from "../../domain/access/actor.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { clientWhereForScope } from "../client-scope.ts";

export async function findScopeVocabulary(prisma: PrismaClient, scope: CaseloadScope): Promise<{ wijken: string[]; teams: string[] }> {
  const [wijken, teams] = await Promise.all([
    prisma.client.findMany({ where: { ...clientWhereForScope(scope), active: true }, distinct: ["wijk"], select: { wijk: true }, orderBy: { wijk: "asc" } }),
    prisma.team.findMany({ where: scope.kind === "team" ? { id: scope.teamId } : {}, select: { name: true }, orderBy: { name: "asc" } }),
  ]);
  return { wijken: wijken.map((w) => w.wijk), teams: teams.map((t) => t.name) };
}

/** Clients in scope whose name or number contains one of the capitalised words or codes of the text. */
export async function findMentionedClients(prisma: PrismaClient, scope: CaseloadScope, text: string): Promise<{ names: string[]; clientNumbers: string[] }> {
  const tokens = [...new Set(text.match(/\b[A-Z]{0,3}-?\d{4,}\b|\b[A-Z][\p{L}'-]{2,}\b/gu) ?? [])].slice(0, 12);
  if (!tokens.length) return { names: [], clientNumbers: [] };
  const rows = await prisma.client.findMany({
    where: { ...clientWhereForScope(scope), OR: tokens.flatMap((t) => [{ displayName: { contains: t, mode: "insensitive" as const } }, { externalKey: { contains: t, mode: "insensitive" as const } }]) },
    select: { displayName: true, externalKey: true },
    take: 50,
  });
  return { names: rows.map((r) => r.displayName), clientNumbers: rows.map((r) => r.externalKey) };
}
