// botbuilder Storage over the BotState table, so teams-ai turn state (a debrief in progress, the user's
// language) survives restarts and is shared by every instance behind a load balancer.
// eTag semantics follow botbuilder's MemoryStorage: a write carrying an eTag succeeds only if the stored
// item still has that eTag; no eTag or "*" overwrites.
import { randomUUID } from "node:crypto";
import type { Storage, StoreItems } from "botbuilder";
import type { PrismaClient } from "../generated/prisma/client.ts";

export class StateConflictError extends Error {
  readonly code = "STATE_CONFLICT";
}

export class PrismaBotStorage implements Storage {
  constructor(private readonly prisma: PrismaClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.prisma.botState.findMany({ where: { key: { in: keys } } });
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...(row.data as object), eTag: row.eTag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...data } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
      const next = randomUUID();
      if (!eTag || eTag === "*") {
        await this.prisma.botState.upsert({ where: { key }, create: { key, data: data as object, eTag: next }, update: { data: data as object, eTag: next } });
        continue;
      }
      const { count } = await this.prisma.botState.updateMany({ where: { key, eTag }, data: { data: data as object, eTag: next } });
      if (count === 1) continue;
      const exists = await this.prisma.botState.findUnique({ where: { key }, select: { key: true } });
      if (exists) throw new StateConflictError(`Storage: error writing "${key}" due to eTag conflict.`);
      await this.prisma.botState.create({ data: { key, data: data as object, eTag: next } });
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length) await this.prisma.botState.deleteMany({ where: { key: { in: keys } } });
  }
}
