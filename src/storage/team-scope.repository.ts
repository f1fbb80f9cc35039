// What the classifier for integrations needs to know about a team: its ladder profile and the ZRM
// domains it records (special categories only where an administrator enabled them).
import type { PrismaClient } from "../generated/prisma/client.ts";

export interface TeamClassifierScope {
  name: string;
  ladderProfileId: string;
  domainsInScope: string[];
}

export async function findTeamClassifierScope(prisma: PrismaClient, name: string): Promise<TeamClassifierScope | null> {
  return prisma.team.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: { name: true, ladderProfileId: true, domainsInScope: true } });
}
