// The one storage port (src/domain/store.ts), built over a database's two handles. Which statement runs
// on Prisma and which on the plain Sql handle (the statements every turn runs: see Sql) is decided here and
// in the repositories, and nowhere above: the bot, the cards, the model gate and the use cases get a Store.
import type { Locale } from "../domain/localized.ts";
import type { Store } from "../domain/store.ts";
import { anonymiseClient, auditTrailForClient, exportClient, findErasureSubject } from "./admin/data-subject.ts";
import { recordAuditEvent, recordRefusal } from "./audit/record-audit-event.ts";
import { recordClientRead } from "./audit/record-client-read.ts";
import { findMentionedClients, findScopeVocabulary } from "./caseload/caseload-context.ts";
import { executeCaseloadQuery } from "./caseload/execute-caseload-query.ts";
import { readWholeList } from "./caseload/read-whole-list.ts";
import { findClientsInScope } from "./client-scope.ts";
import { createConversationStateStore } from "./conversation-state.ts";
import { createDebriefStore } from "./debrief/debrief-store.ts";
import type { PrismaClient, Sql } from "./db/index.ts";
import { isDatabaseUnavailable } from "./errors.ts";
import { exportClassifications } from "./export/export-classifications.ts";
import { importClients, importStaff } from "./import/import-csv.ts";
import { createJobStore } from "./nudges/job-store.ts";
import { createNotificationStore, setNotificationsOff } from "./nudges/notification-store.ts";
import {
  countPendingReviews,
  decideReview,
  findReview,
  findReviewers,
  findReviewSubject,
  listPendingReviews,
  listReviewCards,
  saveReviewCard,
} from "./review/review.repository.ts";
import { findActor, findConversationReferences, saveConversationReference } from "./staff.repository.ts";
import { findTeamByName, findTeamClassifierScope, teamName, updateTeamSettings } from "./teams/team.repository.ts";

export type { Store } from "../domain/store.ts";

export interface StoreDatabase {
  prisma: PrismaClient;
  sql: Sql;
}

export interface StoreOptions {
  /** the language of people who never chose one (notifications) */
  defaultLocale?: Locale;
}

export function createStore(db: StoreDatabase, options: StoreOptions = {}): Store {
  const { prisma, sql } = db;
  return {
    clients: { findInScope: (actor, ids) => findClientsInScope(sql, actor, ids) },
    audit: {
      record: (event) => recordAuditEvent(prisma, event),
      refusal: (refusal) => recordRefusal(prisma, refusal),
      clientRead: (read) => recordClientRead(prisma, read),
    },
    staff: {
      findActor: (identity) => findActor(sql, identity),
      saveConversationReference: (staffId, reference) => saveConversationReference(prisma, staffId, reference),
      findConversationReferences: (staffIds) => findConversationReferences(prisma, [...staffIds]),
      setNotificationsOff: (actor, off) => setNotificationsOff(prisma, actor, off),
    },
    teams: {
      nameOf: (teamId) => teamName(prisma, teamId),
      findByName: (name) => findTeamByName(prisma, name),
      classifierScope: (name) => findTeamClassifierScope(prisma, name),
      update: (teamId, change, audit) => updateTeamSettings(prisma, teamId, change, audit),
    },
    review: {
      find: (id) => findReview(prisma, id),
      findSubject: (id) => findReviewSubject(prisma, id),
      countPending: (actor) => countPendingReviews(prisma, actor),
      listPending: (actor, options) => listPendingReviews(prisma, actor, options),
      decide: (input) => decideReview(prisma, input),
      saveCard: (card) => saveReviewCard(prisma, card),
      listCards: async (id) =>
        (await listReviewCards(prisma, id)).map(({ classificationId, staffId, conversationId, activityId }) => ({
          classificationId,
          staffId,
          conversationId,
          activityId,
        })),
      findReviewers: async (input) =>
        (await findReviewers(prisma, input)).map((r) => ({
          id: r.id,
          displayName: r.displayName,
          aadObjectId: r.aadObjectId,
          reference: (r.reference?.reference as object | undefined) ?? null,
        })),
    },
    caseload: {
      answer: (input) => executeCaseloadQuery(prisma, input),
      wholeList: (input) => readWholeList(prisma, input),
      vocabulary: (scope) => findScopeVocabulary(prisma, scope),
      mentionedClients: (scope, text) => findMentionedClients(prisma, scope, text),
    },
    notifications: createNotificationStore(prisma, { defaultLocale: options.defaultLocale ?? "nl" }),
    jobs: createJobStore(prisma),
    conversationState: createConversationStateStore(sql),
    debrief: createDebriefStore(db),
    dataSubjects: {
      exportClient: (input) => exportClient(prisma, input),
      auditTrail: (input) => auditTrailForClient(prisma, input),
      findErasureSubject: (key) => findErasureSubject(prisma, key),
      anonymise: (input) => anonymiseClient(prisma, input),
    },
    imports: {
      clients: (text, options) => importClients(prisma, text, options),
      staff: (text, options) => importStaff(prisma, text, options),
    },
    exports: { classifications: (options) => exportClassifications(prisma, options) },
    isUnavailable: isDatabaseUnavailable,
  };
}
