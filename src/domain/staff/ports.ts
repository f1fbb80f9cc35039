// Who is acting and how to reach them again.
import type { Actor } from "../access/actor.ts";

export interface StaffStore {
  /** The active staff member with this Teams identity, read fresh every turn (a role taken away counts at once). */
  findActor(identity: { tenantId: string; aadObjectId: string }): Promise<Actor | null>;
  /** Remembers where to reach a staff member proactively (their personal chat with the bot). */
  saveConversationReference(staffId: string, reference: object): Promise<void>;
  findConversationReferences(staffIds: readonly string[]): Promise<Map<string, object>>;
  /** "meldingen uit/aan": stored on the person, audited. */
  setNotificationsOff(actor: Pick<Actor, "staffId" | "aadObjectId">, off: boolean): Promise<void>;
}
