import type { Actor } from "../domain/access/actor.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

export async function findActor(prisma: PrismaClient, identity: { tenantId: string; aadObjectId: string }): Promise<Actor | null> {
  const staff = await prisma.staff.findUnique({ where: { tenantId_aadObjectId: identity } });
  if (!staff || !staff.active) return null;
  return {
    staffId: staff.id,
    tenantId: staff.tenantId,
    aadObjectId: staff.aadObjectId,
    displayName: staff.displayName,
    roles: staff.roles,
    teamId: staff.teamId,
  };
}

/** Remembers where to reach a staff member proactively (their personal chat with the bot). */
export async function saveConversationReference(prisma: PrismaClient, staffId: string, reference: object): Promise<void> {
  await prisma.conversationReference.upsert({
    where: { staffId },
    create: { staffId, reference },
    update: { reference },
  });
}

export async function findConversationReferences(prisma: PrismaClient, staffIds: string[]): Promise<Map<string, object>> {
  const rows = await prisma.conversationReference.findMany({ where: { staffId: { in: staffIds } } });
  return new Map(rows.map((r) => [r.staffId, r.reference as object]));
}
