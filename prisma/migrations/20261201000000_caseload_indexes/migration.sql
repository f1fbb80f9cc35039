-- Indexes for caseload questions at national scale (BENCHMARKS.md). The two partial ones cannot be
-- written in Prisma's schema language; prisma/schema.prisma names them beside the models.

-- "the latest classification per client" (every caseload question joins it): one small entry per
-- client, holding what the rung measures read, so counts and cross-tabs never touch the table
CREATE INDEX "Classification_latest_covering_idx" ON "Classification" ("clientId") INCLUDE ("finalRung", "expectedRung") WHERE "isLatest";

-- a team's clients in the order answers list them: the first page is read straight off the index
-- instead of sorting the whole team, and team counts scan the index alone
CREATE INDEX "Client_in_view_by_team_name_idx" ON "Client" ("teamId", "displayName", "id") WHERE "active" AND "erasedAt" IS NULL;

-- a client's history newest first, in the order "the last classification before a date" needs it
-- (movement questions), with the rung and status to answer from the index alone
DROP INDEX "Classification_clientId_observedOn_idx";
CREATE INDEX "Classification_history_covering_idx" ON "Classification" ("clientId", "observedOn" DESC, "version" DESC, "finalRung", "status");
