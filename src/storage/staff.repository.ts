import type { Actor } from "../domain/access/actor.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Sql } from "./db/index.ts";

// Every turn starts here, so it is one plain statement (see Sql), read fresh each turn: a role taken away
// or a person made inactive counts from their next message on.
const FIND_ACTOR = `SELECT "id" AS "staffId", "tenantId", "aadObjectId", "displayName", "roles"::text[] AS "roles", "teamId"
  FROM "Staff" WHERE "tenantId" = $1 AND "aadObjectId" = $2 AND "active"`;

export async function findActor(sql: Sql, identity: { tenantId: string; aadObjectId: string }): Promise<Actor | null> {
  const { rows } = await sql.query<Actor>({
    name: "find_actor",
    text: FIND_ACTOR,
    values: [identity.tenantId, identity.aadObjectId],
  });
  return rows[0] ?? null;
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
