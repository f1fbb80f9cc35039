// botbuilder Storage over the BotState table, so teams-ai turn state (a debrief in progress, the user's
// language) survives restarts and is shared by every instance behind a load balancer.
// eTag semantics follow botbuilder's MemoryStorage: a write carrying an eTag succeeds only if the stored
// item still has that eTag; no eTag or "*" overwrites.
// Every turn reads and writes here, so each operation is one plain SQL statement (see Sql): a write is
// one round trip, where Prisma's updateMany took three (BEGIN, UPDATE, COMMIT) plus its query compile.
import { randomUUID } from "node:crypto";
import type { Storage, StoreItems } from "botbuilder";
import type { Sql } from "./db/index.ts";

export class StateConflictError extends Error {
  readonly code = "STATE_CONFLICT";
}

const READ = `SELECT "key", "data", "eTag" FROM "BotState" WHERE "key" = ANY($1::text[])`;
const OVERWRITE = `INSERT INTO "BotState" ("key", "data", "eTag", "updatedAt") VALUES ($1, $2::jsonb, $3, now() AT TIME ZONE 'UTC')
  ON CONFLICT ("key") DO UPDATE SET "data" = EXCLUDED."data", "eTag" = EXCLUDED."eTag", "updatedAt" = EXCLUDED."updatedAt"`;
const UPDATE_IF_UNCHANGED = `UPDATE "BotState" SET "data" = $2::jsonb, "eTag" = $3, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE "key" = $1 AND "eTag" = $4`;
// an eTag for a key that is not stored (any more): MemoryStorage creates it
const CREATE_IF_ABSENT = `INSERT INTO "BotState" ("key", "data", "eTag", "updatedAt") VALUES ($1, $2::jsonb, $3, now() AT TIME ZONE 'UTC') ON CONFLICT ("key") DO NOTHING`;
const DELETE = `DELETE FROM "BotState" WHERE "key" = ANY($1::text[])`;

export class SqlBotStorage implements Storage {
  constructor(private readonly sql: Sql) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const { rows } = await this.sql.query<{ key: string; data: object; eTag: string }>({ name: "bot_state_read", text: READ, values: [keys] });
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...row.data, eTag: row.eTag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...data } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
      const values = [key, JSON.stringify(data), randomUUID()];
      if (!eTag || eTag === "*") {
        await this.sql.query({ name: "bot_state_overwrite", text: OVERWRITE, values });
        continue;
      }
      if ((await this.sql.query({ name: "bot_state_update", text: UPDATE_IF_UNCHANGED, values: [...values, eTag] })).rowCount === 1) continue;
      if ((await this.sql.query({ name: "bot_state_create", text: CREATE_IF_ABSENT, values })).rowCount === 1) continue;
      throw new StateConflictError(`Storage: error writing "${key}" due to eTag conflict.`);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length) await this.sql.query({ name: "bot_state_delete", text: DELETE, values: [keys] });
  }
}
