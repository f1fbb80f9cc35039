// Checks the audit hash chain: every row's hash is recomputed here, with an expression of this file's own
// (not the trigger function an owner could replace), every row must link to the row before it, and the
// last row must be the one the chain head names (rows cut off the end). The hashes chain in the database
// (prisma/migrations/20261202010814_audit_hash_chain); an owner who rewrites rows AND recomputes every
// later hash is caught only by comparing `headHash` with a value recorded elsewhere earlier.
import type { PrismaClient } from "../../generated/prisma/client.ts";

export const GENESIS_HASH = "0".repeat(64);

export type AuditChainReport =
  | { ok: true; rows: number; lastId: string | null; headHash: string }
  | { ok: false; rows: number; brokenAt: string; problem: "hash" | "link" | "unhashed" | "tail" | "head" };

const RECOMPUTED = `encode(sha256(convert_to(jsonb_build_array("prevHash", "id"::text, to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS'), "actorId", "actorAadId",
  "action", "clientId", "subjectId", "details", "correlationId")::text, 'UTF8')), 'hex')`;

const BATCH = 5_000;

/** Walks the chain in id order, a batch at a time (one statement each), and stops at the first broken link. */
export async function verifyAuditChain(prisma: PrismaClient): Promise<AuditChainReport> {
  const heads = await prisma.$queryRawUnsafe<{ lastId: string; lastHash: string }[]>(
    `SELECT "lastId"::text AS "lastId", "lastHash" FROM "AuditChainHead" WHERE "id" = 1`,
  );
  let rows = 0;
  let previous = { id: null as string | null, hash: GENESIS_HASH };
  for (;;) {
    const batch = await prisma.$queryRawUnsafe<{ id: string; prevHash: string | null; hash: string | null; recomputed: string }[]>(
      `SELECT "id"::text AS "id", "prevHash", "hash", ${RECOMPUTED} AS "recomputed" FROM "AuditEvent"
       WHERE "id" > $1::bigint ORDER BY "AuditEvent"."id" LIMIT ${BATCH}`,
      previous.id ?? "-9223372036854775808",
    );
    for (const row of batch) {
      const problem =
        row.hash === null || row.prevHash === null
          ? "unhashed"
          : row.prevHash !== previous.hash
            ? "link"
            : row.hash !== row.recomputed
              ? "hash"
              : null;
      if (problem) return { ok: false, rows: rows + 1, brokenAt: row.id, problem };
      rows++;
      previous = { id: row.id, hash: row.hash! };
    }
    if (batch.length < BATCH) break;
  }
  const head = heads[0];
  if (!head) return { ok: false, rows, brokenAt: previous.id ?? "0", problem: "head" };
  // the head names a later row than the last one there: rows were cut off the end
  if (BigInt(head.lastId) > BigInt(previous.id ?? "0"))
    return { ok: false, rows, brokenAt: String(BigInt(previous.id ?? "0") + 1n), problem: "tail" };
  if (head.lastId !== (previous.id ?? "0") || head.lastHash !== previous.hash)
    return { ok: false, rows, brokenAt: previous.id ?? "0", problem: "head" };
  return { ok: true, rows, lastId: previous.id, headHash: previous.hash };
}
