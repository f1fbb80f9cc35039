-- Every support that made a proposal rung 5, not only the first (instrument > aanvulling > wsw >
-- educatie): reports on rung-5 subgroups counted a client with two supports in one group only.
-- Existing single values become a list of one; the data is copied before the old column goes.

-- AlterTable
ALTER TABLE "Classification" ADD COLUMN     "rung5Reasons" TEXT[] DEFAULT ARRAY[]::TEXT[];

UPDATE "Classification" SET "rung5Reasons" = ARRAY["rung5Reason"] WHERE "rung5Reason" IS NOT NULL;

-- AlterTable
ALTER TABLE "Classification" DROP COLUMN "rung5Reason";
