-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastId" BIGINT NOT NULL,
    "lastHash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);


-- Hand-written (named beside the models in prisma/schema.prisma).

-- 1. Free text out of the existing audit trail (issue 15): earlier versions stored the question a team
--    lead typed, the reason typed for special-category domains and any verb a forged card sent. The
--    append-only trigger is switched off for this one scrub, by the owner, inside this migration.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";

UPDATE "AuditEvent" SET "details" = "details" - 'question' WHERE "details" ? 'question';
UPDATE "AuditEvent"
  SET "details" = ("details" - 'specialDomainsReason') || jsonb_build_object('specialDomainsReasonRecorded', jsonb_typeof("details" -> 'specialDomainsReason') = 'string')
  WHERE "action" = 'team.settings' AND "details" ? 'specialDomainsReason';
UPDATE "AuditEvent" SET "details" = jsonb_set("details", '{verb}', '"(invalid)"')
  WHERE jsonb_typeof("details" -> 'verb') = 'string' AND "details" ->> 'verb' !~ '^[A-Za-z0-9_.:-]{1,40}$';

-- 2. Chain the rows already there, in id order. The hashed content is one canonical text (jsonb's own
--    output of an array of the columns); src/storage/audit/verify-audit-chain.ts recomputes the same
--    expression independently of these functions.
DO $$
DECLARE
  r record;
  prev text := repeat('0', 64);
  h text;
  last_id bigint := 0;
BEGIN
  FOR r IN SELECT * FROM "AuditEvent" ORDER BY "id" LOOP
    h := encode(sha256(convert_to(jsonb_build_array(prev, r."id"::text, to_char(r."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS'), r."actorId", r."actorAadId",
           r."action", r."clientId", r."subjectId", r."details", r."correlationId")::text, 'UTF8')), 'hex');
    UPDATE "AuditEvent" SET "prevHash" = prev, "hash" = h WHERE "id" = r."id";
    prev := h;
    last_id := r."id";
  END LOOP;
  INSERT INTO "AuditChainHead" ("id", "lastId", "lastHash") VALUES (1, last_id, prev);
END;
$$;

ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

-- 3. Every new row joins the chain in the database, whatever the app sends: the row lock on the one head
--    row serialises concurrent inserts until their transactions end, so ids follow commit order and each
--    row links to the row committed before it (under REPEATABLE READ a concurrent insert fails with a
--    serialization error instead of forking the chain). The id is the head's plus one, so ids are
--    contiguous. SECURITY DEFINER: the function runs as the owner, so the application role needs no
--    right on AuditChainHead at all; search_path is pinned to the one the migration ran with.
CREATE FUNCTION trede_chain_audit_event() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  head_id bigint;
  head_hash text;
BEGIN
  SELECT "lastId", "lastHash" INTO head_id, head_hash FROM "AuditChainHead" WHERE "id" = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'AuditChainHead has no row: the audit chain cannot be extended';
  END IF;
  NEW."id" := head_id + 1;
  NEW."at" := NEW."at"::timestamp(3);
  NEW."prevHash" := head_hash;
  NEW."hash" := encode(sha256(convert_to(jsonb_build_array(NEW."prevHash", NEW."id"::text, to_char(NEW."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS'),
    NEW."actorId", NEW."actorAadId", NEW."action", NEW."clientId", NEW."subjectId", NEW."details", NEW."correlationId")::text, 'UTF8')), 'hex');
  UPDATE "AuditChainHead" SET "lastId" = NEW."id", "lastHash" = NEW."hash" WHERE "id" = 1;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "AuditEvent_chain" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION trede_chain_audit_event();

-- 4. Reads that showed several clients (caseload answers) list them in details.clientIds; a client's
--    export and audit trail find those rows through this index.
CREATE INDEX "AuditEvent_clientIds_idx" ON "AuditEvent" USING GIN (("details" -> 'clientIds') jsonb_path_ops) WHERE "details" ? 'clientIds';
