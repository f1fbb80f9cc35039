-- AlterTable
ALTER TABLE "Staff" ADD COLUMN     "notificationsOff" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "digestWeekday" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "inViewTarget" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "nudgeWeekday" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "sendHour" INTEGER NOT NULL DEFAULT 9;

-- CreateTable
CREATE TABLE "ScheduledJob" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ScheduledJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutgoingMessage" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "clientIds" TEXT[],
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "activityId" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutgoingMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScheduledJob_status_runAfter_idx" ON "ScheduledJob"("status", "runAfter");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledJob_kind_teamId_period_key" ON "ScheduledJob"("kind", "teamId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "OutgoingMessage_key_key" ON "OutgoingMessage"("key");

-- CreateIndex
CREATE INDEX "OutgoingMessage_teamId_period_idx" ON "OutgoingMessage"("teamId", "period");

-- CreateIndex
CREATE INDEX "OutgoingMessage_staffId_createdAt_idx" ON "OutgoingMessage"("staffId", "createdAt");

