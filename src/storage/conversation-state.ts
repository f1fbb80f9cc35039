// Conversation state rows in the BotState table. Every turn reads and writes here, so each operation is
// one plain SQL statement (see Sql): a write is one round trip, where Prisma's updateMany took three
// (BEGIN, UPDATE, COMMIT) plus its query compile. The eTag rules are the bot adapter's
// (src/bot/bot-state-storage.ts); these statements only make each check-and-write atomic.
import type { ConversationStateStore, StateRow } from "../domain/conversation/ports.ts";
import type { Sql } from "./db/index.ts";

const READ = `SELECT "key", "data", "eTag" FROM "BotState" WHERE "key" = ANY($1::text[])`;
const OVERWRITE = `INSERT INTO "BotState" ("key", "data", "eTag", "updatedAt") VALUES ($1, $2::jsonb, $3, now() AT TIME ZONE 'UTC')
  ON CONFLICT ("key") DO UPDATE SET "data" = EXCLUDED."data", "eTag" = EXCLUDED."eTag", "updatedAt" = EXCLUDED."updatedAt"`;
const UPDATE_IF_UNCHANGED = `UPDATE "BotState" SET "data" = $2::jsonb, "eTag" = $3, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE "key" = $1 AND "eTag" = $4`;
const CREATE_IF_ABSENT = `INSERT INTO "BotState" ("key", "data", "eTag", "updatedAt") VALUES ($1, $2::jsonb, $3, now() AT TIME ZONE 'UTC') ON CONFLICT ("key") DO NOTHING`;
const DELETE = `DELETE FROM "BotState" WHERE "key" = ANY($1::text[])`;

const values = (row: StateRow) => [row.key, JSON.stringify(row.data), row.eTag];

export function createConversationStateStore(sql: Sql): ConversationStateStore {
  return {
    async read(keys) {
      if (!keys.length) return [];
      return (await sql.query<StateRow>({ name: "bot_state_read", text: READ, values: [keys] })).rows;
    },
    async overwrite(row) {
      await sql.query({ name: "bot_state_overwrite", text: OVERWRITE, values: values(row) });
    },
    async updateIfUnchanged(row, expectedETag) {
      return (
        (
          await sql.query({
            name: "bot_state_update",
            text: UPDATE_IF_UNCHANGED,
            values: [...values(row), expectedETag],
          })
        ).rowCount === 1
      );
    },
    async createIfAbsent(row) {
      return (await sql.query({ name: "bot_state_create", text: CREATE_IF_ABSENT, values: values(row) })).rowCount === 1;
    },
    async delete(keys) {
      if (keys.length) await sql.query({ name: "bot_state_delete", text: DELETE, values: [keys] });
    },
  };
}
