-- Caseload questions at national scale (BENCHMARKS.md). Partial indexes and triggers cannot be written in
-- Prisma's schema language; prisma/schema.prisma names them beside the models.

-- The client's current rung and expected rung, copied from its latest classification by the trigger
-- below, so the questions asked most ("wie op trede 1 gaat stijgen", the cross-tab) count clients from
-- an index on Client alone instead of joining a classification per client.
ALTER TABLE "Client" ADD COLUMN "latestRung" INTEGER, ADD COLUMN "latestExpectedRung" INTEGER;

-- Whatever writes classifications (a debrief, a review decision, an import, a seed, hand-written SQL),
-- the copy follows: after each statement, the clients it touched are read again from their latest row.
CREATE FUNCTION trede_sync_client_latest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Client" c SET "latestRung" = l."finalRung", "latestExpectedRung" = l."expectedRung"
  FROM (SELECT DISTINCT "clientId" FROM changed) ch
  LEFT JOIN "Classification" l ON l."clientId" = ch."clientId" AND l."isLatest"
  WHERE c.id = ch."clientId" AND (c."latestRung", c."latestExpectedRung") IS DISTINCT FROM (l."finalRung", l."expectedRung");
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Classification_sync_client_after_insert" AFTER INSERT ON "Classification"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION trede_sync_client_latest();
CREATE TRIGGER "Classification_sync_client_after_update" AFTER UPDATE ON "Classification"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION trede_sync_client_latest();
CREATE TRIGGER "Classification_sync_client_after_delete" AFTER DELETE ON "Classification"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION trede_sync_client_latest();

UPDATE "Client" c SET "latestRung" = l."finalRung", "latestExpectedRung" = l."expectedRung"
FROM "Classification" l WHERE l."clientId" = c.id AND l."isLatest";

-- "Exactly one latest classification per client" was kept by the code alone; now the database refuses
-- a second one (two debriefs of one client confirmed at the same moment). It also serves the join to
-- the latest classification, with the rungs for the measures that read them there.
CREATE UNIQUE INDEX "Classification_one_latest_per_client_idx" ON "Classification" ("clientId") INCLUDE ("finalRung", "expectedRung") WHERE "isLatest";

-- The clients an answer can show (active, not erased): by team in the order answers list them (the
-- first page is read off the index), and by team or municipality with the rungs (counts and cross-tabs
-- from the index alone).
CREATE INDEX "Client_in_view_by_team_name_idx" ON "Client" ("teamId", "displayName", "id") WHERE "active" AND "erasedAt" IS NULL;
CREATE INDEX "Client_in_view_by_team_rung_idx" ON "Client" ("teamId", "latestRung", "latestExpectedRung") WHERE "active" AND "erasedAt" IS NULL;
CREATE INDEX "Client_in_view_by_rung_idx" ON "Client" ("latestRung", "latestExpectedRung") WHERE "active" AND "erasedAt" IS NULL;

-- A client's history newest first, in the order "the last classification before a date" needs it
-- (movement questions), with the rung and status to answer from the index alone.
DROP INDEX "Classification_clientId_observedOn_idx";
CREATE INDEX "Classification_history_covering_idx" ON "Classification" ("clientId", "observedOn" DESC, "version" DESC, "finalRung", "status");
