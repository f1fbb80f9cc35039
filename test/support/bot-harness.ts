// Runs the real Trede (HTTP endpoint, bot, database) on an ephemeral port and talks to it with real Bot
// Framework activities, the way Teams does. Replies arrive at a loopback connector.
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { parseEnv } from "../../src/config/env.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { startTrede, type Trede } from "../../src/start-trede.ts";
import { startConnector, type Connector, type SentActivity } from "./connector.ts";
import type { TestBackend, TestDatabase } from "./databases.ts";

export const TEST_TENANT = "00000000-0000-4000-8000-000000000001";

export interface TestBot {
  trede: Trede;
  db: TestDatabase;
  connector: Connector;
  logs: Record<string, unknown>[];
  /**
   * A person in Teams talking to the bot, in their personal chat unless told otherwise: Teams (and the
   * Agents Playground) send conversationType "personal" there; null leaves the type out.
   */
  user(aadObjectId: string, options?: UserOptions): TestUser;
  post(
    activity: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; replies: SentActivity[] }>;
  stop(): Promise<void>;
}

export interface UserOptions {
  name?: string;
  locale?: string;
  conversationId?: string;
  tenantId?: string;
  conversationType?: string | null;
}

export interface TestUser {
  aadObjectId: string;
  conversationId: string;
  say(text: string): Promise<Exchange>;
  /** Action.Submit from a card the bot sent earlier (replyToId = that activity's id). */
  submit(value: Record<string, unknown>, replyToId?: string): Promise<Exchange>;
  /** Action.Execute (Universal Actions) invoke. */
  execute(
    verb: string,
    data: Record<string, unknown>,
    options?: { replyToId?: string; trigger?: "manual" | "automatic" },
  ): Promise<Exchange>;
  raw(activity: Record<string, unknown>): Promise<Exchange>;
}

export interface Exchange {
  status: number;
  body: any;
  replies: SentActivity[];
  /** Text of the replies, joined. */
  text: string;
  /** Adaptive cards sent or updated during the exchange, in order. */
  cards: any[];
  lastCard(): any;
  /** The activity id of the last reply (to answer a card), or of the last update. */
  lastActivityId(): string | undefined;
}

export async function startTestBot(
  backend: TestBackend,
  options: {
    env?: Record<string, string>;
    db?: TestDatabase;
    clock?: () => Date;
    channelOpenIdMetadataUrl?: string;
  } = {},
): Promise<TestBot> {
  const db = options.db ?? (await backend.open());
  const connector = await startConnector();
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split("\n")) if (line.trim()) logs.push(JSON.parse(line));
      cb();
    },
  });
  const env = parseEnv({ PORT: "0", LOG_LEVEL: "info", DATABASE_URL: db.url, ...options.env });
  const trede = await startTrede(env, {
    db,
    logger: createLogger({ level: env.LOG_LEVEL, destination: sink }),
    clock: options.clock,
    channelOpenIdMetadataUrl: options.channelOpenIdMetadataUrl,
  });

  async function post(activity: Record<string, unknown>, headers: Record<string, string> = {}) {
    const before = connector.sent.length;
    const res = await fetch(`${trede.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {}
    return { status: res.status, body, replies: connector.sent.slice(before) };
  }

  function user(aadObjectId: string, u: UserOptions = {}): TestUser {
    const conversationId = u.conversationId ?? `personal-${aadObjectId}`;
    const tenantId = u.tenantId ?? TEST_TENANT;
    const base = () => ({
      id: randomUUID(),
      channelId: "msteams",
      serviceUrl: connector.url,
      timestamp: new Date().toISOString(),
      locale: u.locale ?? "nl-NL",
      from: { id: `29:${aadObjectId}`, aadObjectId, name: u.name ?? "Test user" },
      recipient: { id: "28:trede-bot", name: "Trede" },
      conversation: {
        id: conversationId,
        ...(u.conversationType === null ? {} : { conversationType: u.conversationType ?? "personal" }),
        tenantId,
      },
      channelData: { tenant: { id: tenantId } },
    });
    const exchange = async (activity: Record<string, unknown>): Promise<Exchange> => toExchange(await post({ ...base(), ...activity }));
    return {
      aadObjectId,
      conversationId,
      say: (text) => exchange({ type: "message", text }),
      submit: (value, replyToId) => exchange({ type: "message", value, replyToId }),
      execute: (verb, data, o = {}) =>
        exchange({
          type: "invoke",
          name: "adaptiveCard/action",
          replyToId: o.replyToId,
          value: { action: { type: "Action.Execute", verb, data }, trigger: o.trigger ?? "manual" },
        }),
      raw: (activity) => exchange(activity),
    };
  }

  return {
    trede,
    db,
    connector,
    logs,
    user,
    post,
    async stop() {
      await trede.stop();
      await connector.close();
      if (!options.db) await db.close();
    },
  };
}

function toExchange(r: { status: number; body: any; replies: SentActivity[] }): Exchange {
  const cards = r.replies.flatMap((s) =>
    (s.activity.attachments ?? [])
      .filter((a: any) => a.contentType === "application/vnd.microsoft.card.adaptive")
      .map((a: any) => a.content),
  );
  const invokeCard = r.body?.type === "application/vnd.microsoft.card.adaptive" ? [r.body.value] : [];
  const allCards = [...cards, ...invokeCard];
  return {
    ...r,
    text: r.replies
      .map((s) => s.activity.text)
      .filter(Boolean)
      .join("\n"),
    cards: allCards,
    lastCard: () => allCards.at(-1),
    lastActivityId: () => r.replies.at(-1)?.id,
  };
}

/** All visible text of a card, for assertions that don't depend on layout. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === "object") {
      const o = n as Record<string, unknown>;
      if (typeof o.title === "string" && typeof o.value === "string" && !("type" in o)) out.push(o.value); // FactSet facts
      for (const [k, v] of Object.entries(n)) {
        if ((k === "text" || k === "title" || k === "label" || k === "placeholder") && typeof v === "string") out.push(v);
        else walk(v);
      }
    }
  };
  walk(card);
  return out.join("\n");
}
