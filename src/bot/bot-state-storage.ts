// botbuilder Storage over the store's conversation state rows, so teams-ai turn state (a debrief in
// progress, the user's language) survives restarts and is shared by every instance behind a load balancer.
// eTag semantics follow botbuilder's MemoryStorage: a write carrying an eTag succeeds only if the stored
// item still has that eTag; no eTag or "*" overwrites. SDK glue, so it lives with the bot (only src/bot
// and src/http know which SDK carries the conversation).
import { randomUUID } from "node:crypto";
import type { Storage, StoreItems } from "botbuilder";
import type { ConversationStateStore } from "../domain/conversation/ports.ts";

export class StateConflictError extends Error {
  readonly code = "STATE_CONFLICT";
}

export class SqlBotStorage implements Storage {
  constructor(private readonly rows: ConversationStateStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const row of await this.rows.read(keys)) items[row.key] = { ...row.data, eTag: row.eTag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...data } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
      const row = { key, data, eTag: randomUUID() };
      if (!eTag || eTag === "*") {
        await this.rows.overwrite(row);
        continue;
      }
      if (await this.rows.updateIfUnchanged(row, eTag)) continue;
      // an eTag for a key that is not stored (any more): MemoryStorage creates it
      if (await this.rows.createIfAbsent(row)) continue;
      throw new StateConflictError(`Storage: error writing "${key}" due to eTag conflict.`);
    }
  }

  async delete(keys: string[]): Promise<void> {
    await this.rows.delete(keys);
  }
}
