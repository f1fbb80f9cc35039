-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('COACH', 'TEAM_LEAD', 'SUPERVISOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "ReviewTrigger" AS ENUM ('ALWAYS', 'OVERRIDE', 'JUMP', 'ONTHEFFING');

-- CreateEnum
CREATE TYPE "ContactKind" AS ENUM ('HUISBEZOEK', 'KANTOOR', 'TELEFONISCH', 'VIDEO');

-- CreateEnum
CREATE TYPE "ClassificationStatus" AS ENUM ('PENDING_REVIEW', 'FINAL', 'REJECTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "GrowthPotential" AS ENUM ('JA', 'NEE', 'ONBEKEND');

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ladderProfileId" TEXT NOT NULL DEFAULT 'participatieladder-6',
    "reviewTriggers" "ReviewTrigger"[] DEFAULT ARRAY['OVERRIDE', 'JUMP']::"ReviewTrigger"[],
    "domainsInScope" TEXT[] DEFAULT ARRAY['werk_opleiding', 'tijdsbesteding', 'sociaal_netwerk', 'maatschappelijke_participatie']::TEXT[],
    "specialDomainsReason" TEXT,
    "allowNotesToModel" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Staff" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "aadObjectId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "roles" "StaffRole"[],
    "teamId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Staff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Client" (
    "id" TEXT NOT NULL,
    "externalKey" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "birthYear" INTEGER NOT NULL,
    "wijk" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "coachId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "closedAt" TIMESTAMP(3),
    "erasedAt" TIMESTAMP(3),
    "lastContactAt" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "kind" "ContactKind" NOT NULL,
    "reached" BOOLEAN NOT NULL,
    "outcome" TEXT,
    "nextContactDate" DATE,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Classification" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "contactId" TEXT,
    "coachId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "profileVersion" INTEGER NOT NULL,
    "answers" JSONB NOT NULL,
    "observedOn" DATE NOT NULL,
    "proposedRung" INTEGER NOT NULL,
    "proposedSubstep" INTEGER,
    "finalRung" INTEGER NOT NULL,
    "finalSubstep" INTEGER,
    "rung5Reason" TEXT,
    "overrideReason" TEXT,
    "expectedRung" INTEGER,
    "horizonMonths" INTEGER NOT NULL DEFAULT 12,
    "growthPotential" "GrowthPotential" NOT NULL DEFAULT 'ONBEKEND',
    "ontheffing" BOOLEAN NOT NULL DEFAULT false,
    "verdieping" JSONB NOT NULL DEFAULT '{}',
    "outcome" TEXT,
    "previousRung" INTEGER,
    "previousSubstep" INTEGER,
    "status" "ClassificationStatus" NOT NULL,
    "isLatest" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Classification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DomainScore" (
    "id" TEXT NOT NULL,
    "classificationId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "score" INTEGER,
    "previousScore" INTEGER,
    "observedOn" DATE NOT NULL,

    CONSTRAINT "DomainScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewCard" (
    "id" TEXT NOT NULL,
    "classificationId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorAadId" TEXT,
    "action" TEXT NOT NULL,
    "clientId" TEXT,
    "subjectId" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "correlationId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BotState" (
    "key" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "eTag" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BotState_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ConversationReference" (
    "staffId" TEXT NOT NULL,
    "reference" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationReference_pkey" PRIMARY KEY ("staffId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Team_name_key" ON "Team"("name");

-- CreateIndex
CREATE INDEX "Staff_teamId_idx" ON "Staff"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "Staff_tenantId_aadObjectId_key" ON "Staff"("tenantId", "aadObjectId");

-- CreateIndex
CREATE UNIQUE INDEX "Client_externalKey_key" ON "Client"("externalKey");

-- CreateIndex
CREATE INDEX "Client_teamId_active_idx" ON "Client"("teamId", "active");

-- CreateIndex
CREATE INDEX "Client_coachId_active_idx" ON "Client"("coachId", "active");

-- CreateIndex
CREATE INDEX "Client_wijk_idx" ON "Client"("wijk");

-- CreateIndex
CREATE INDEX "Client_lastContactAt_idx" ON "Client"("lastContactAt");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_idempotencyKey_key" ON "Contact"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Contact_clientId_date_idx" ON "Contact"("clientId", "date" DESC);

-- CreateIndex
CREATE INDEX "Contact_outcome_date_idx" ON "Contact"("outcome", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Classification_contactId_key" ON "Classification"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "Classification_idempotencyKey_key" ON "Classification"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Classification_isLatest_teamId_finalRung_expectedRung_idx" ON "Classification"("isLatest", "teamId", "finalRung", "expectedRung");

-- CreateIndex
CREATE INDEX "Classification_isLatest_coachId_finalRung_idx" ON "Classification"("isLatest", "coachId", "finalRung");

-- CreateIndex
CREATE INDEX "Classification_teamId_status_createdAt_idx" ON "Classification"("teamId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Classification_clientId_observedOn_idx" ON "Classification"("clientId", "observedOn" DESC);

-- CreateIndex
CREATE INDEX "Classification_observedOn_idx" ON "Classification"("observedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Classification_clientId_version_key" ON "Classification"("clientId", "version");

-- CreateIndex
CREATE INDEX "DomainScore_domain_observedOn_idx" ON "DomainScore"("domain", "observedOn");

-- CreateIndex
CREATE INDEX "DomainScore_clientId_domain_observedOn_idx" ON "DomainScore"("clientId", "domain", "observedOn" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "DomainScore_classificationId_domain_key" ON "DomainScore"("classificationId", "domain");

-- CreateIndex
CREATE INDEX "ReviewCard_classificationId_idx" ON "ReviewCard"("classificationId");

-- CreateIndex
CREATE INDEX "AuditEvent_clientId_at_idx" ON "AuditEvent"("clientId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- AddForeignKey
ALTER TABLE "Staff" ADD CONSTRAINT "Staff_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Classification" ADD CONSTRAINT "Classification_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Classification" ADD CONSTRAINT "Classification_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DomainScore" ADD CONSTRAINT "DomainScore_classificationId_fkey" FOREIGN KEY ("classificationId") REFERENCES "Classification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DomainScore" ADD CONSTRAINT "DomainScore_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewCard" ADD CONSTRAINT "ReviewCard_classificationId_fkey" FOREIGN KEY ("classificationId") REFERENCES "Classification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationReference" ADD CONSTRAINT "ConversationReference_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Audit is append-only at the database level too: any UPDATE or DELETE is refused, whoever runs it.
-- (Data-subject erasure anonymises clients; it never rewrites the audit trail.)
CREATE FUNCTION trede_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION trede_refuse_audit_change();
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION trede_refuse_audit_change();
