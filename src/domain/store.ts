// The one storage port: every repository the use cases, handlers and cards need, grouped by area. Which
// statements use Prisma and which the plain Sql handle is storage's business (src/storage/store.ts builds
// it); above it, nothing knows. Each area's interface and the types that cross it live in src/domain.
import type { ClientScopeStore } from "./access/ports.ts";
import type { DataSubjectStore } from "./admin/ports.ts";
import type { AuditStore } from "./audit/ports.ts";
import type { CaseloadStore } from "./caseload/ports.ts";
import type { ConversationStateStore } from "./conversation/ports.ts";
import type { DebriefStore } from "./debrief/ports.ts";
import type { ExportStore } from "./export/ports.ts";
import type { ImportStore } from "./import/ports.ts";
import type { JobStore, NotificationStore } from "./nudges/ports.ts";
import type { ReviewStore } from "./review/ports.ts";
import type { StaffStore } from "./staff/ports.ts";
import type { TeamStore } from "./teams/ports.ts";

export interface Store {
  /** which clients a person may see (the access checks of every read) */
  clients: ClientScopeStore;
  audit: AuditStore;
  staff: StaffStore;
  teams: TeamStore;
  review: ReviewStore;
  caseload: CaseloadStore;
  notifications: NotificationStore;
  jobs: JobStore;
  /** conversation state rows for the bot's SDK adapter */
  conversationState: ConversationStateStore;
  dataSubjects: DataSubjectStore;
  imports: ImportStore;
  exports: ExportStore;
  debrief: DebriefStore;
  /** A database that cannot be reached, told apart from a bug (people get "try again"). */
  isUnavailable(error: unknown): boolean;
}
