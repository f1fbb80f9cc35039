// HTTP edge: the Bot Framework endpoint and two health probes. Nothing else is served.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express, { type Request, type Response } from "express";
import { z } from "zod";
import type { Activity, TurnContext } from "botbuilder";
import type { Logger } from "../logging/logger.ts";
import type { Authenticated, BotAdapter } from "./bot-adapter.ts";

export interface HttpOptions {
  adapter: BotAdapter;
  runTurn: (context: TurnContext) => Promise<unknown>;
  isReady: () => Promise<boolean>;
  logger: Logger;
  /** Entra tenant ids allowed to talk to the bot; empty = any. */
  allowedTenantIds: string[];
}

// The shape every Bot Framework activity must have before any bot code sees it. Anything else is a 400:
// botbuilder and teams-ai assume these fields and would fail deep inside a turn.
const Account = z
  .object({
    id: z.string().min(1).max(512),
    aadObjectId: z.string().max(128).optional(),
    name: z.string().max(512).optional(),
  })
  .passthrough();
export const InboundActivity = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(256).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    from: Account,
    recipient: Account,
    conversation: z
      .object({
        id: z.string().min(1).max(512),
        tenantId: z.string().max(128).optional(),
        conversationType: z.string().max(64).optional(),
      })
      .passthrough(),
    text: z.string().max(28_000).optional(),
    replyToId: z.string().max(256).optional(),
    name: z.string().max(256).optional(),
    membersAdded: z.array(Account).max(1_000).optional(),
    membersRemoved: z.array(Account).max(1_000).optional(),
    // a card submit's value is an object; botbuilder and teams-ai read fields of it without checking
    value: z
      .unknown()
      .refine((v) => v !== null, "value must not be null")
      .optional(),
  })
  .passthrough();

// PostgreSQL refuses NUL characters in text; they never carry meaning in a chat message
const dropNul = (_key: string, value: unknown) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this removes
  typeof value === "string" && value.includes("\u0000") ? value.replace(/\u0000/g, "") : value;

export function createHttpApp(options: HttpOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => void res.json({ status: "ok" }));
  app.get("/readyz", async (_req, res) => {
    const ready = await options.isReady().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "database unavailable" });
  });
  app.post("/api/messages", express.json({ limit: "256kb", reviver: dropNul }), async (req: Request, res: Response) => {
    // Authentication comes first: before it, nothing about the body (its shape, its tenant) is answered on.
    // The token is bound to the activity's channel and service URL, so those are read from the unchecked body.
    const body: Record<string, unknown> = req.body && typeof req.body === "object" && !Array.isArray(req.body) ? req.body : {};
    let authenticated: Authenticated;
    try {
      authenticated = await options.adapter.authenticate(body, req.headers.authorization ?? "");
    } catch (err) {
      // Any failure is the caller's 401, whatever its kind: missing, forged or expired token, or signing keys
      // that could not be fetched (then this log line is how an operator finds out).
      options.logger.warn(
        { event: "auth.refused", reason: String((err as Error)?.message ?? err).slice(0, 300) },
        "request not authenticated",
      );
      if (!res.headersSent) res.status(401).json({ error: "unauthorized" });
      return;
    }
    if (!InboundActivity.safeParse(body).success) {
      res.status(400).json({ error: "not a Bot Framework activity" });
      return;
    }
    const tenant = tenantOfBody(body);
    if (options.allowedTenantIds.length && !options.allowedTenantIds.includes(tenant ?? "")) {
      options.logger.warn({ event: "tenant.refused", tenant }, "tenant not allowed");
      res.status(403).json({ error: "tenant not allowed" });
      return;
    }
    try {
      const invoke = await options.adapter.runAuthenticated(authenticated, body as unknown as Activity, (context) =>
        options.runTurn(context).then(() => undefined),
      );
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.send(invoke.body);
      else res.end();
    } catch (err) {
      options.logger.error({ event: "http.process_failed", err }, "processing failed");
      if (!res.headersSent) res.status(500).json({ error: "internal error" });
    }
  });
  // malformed JSON and other middleware errors: a 400, never a stack trace
  app.use((err: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
    const status = (err as { status?: number }).status ?? 500;
    if (status >= 500) options.logger.error({ event: "http.error", err }, "request failed");
    if (!res.headersSent)
      res.status(status >= 400 && status < 600 ? status : 500).json({ error: status < 500 ? "bad request" : "internal error" });
  });
  return app;
}

function tenantOfBody(body: unknown): string | undefined {
  const b = body as { conversation?: { tenantId?: unknown }; channelData?: { tenant?: { id?: unknown } } } | undefined;
  const id = b?.conversation?.tenantId ?? b?.channelData?.tenant?.id;
  return typeof id === "string" ? id : undefined;
}

export async function listen(app: express.Express, options: { host: string; port: number }): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://${options.host === "0.0.0.0" ? "127.0.0.1" : options.host}:${port}` });
    });
    server.on("error", reject);
  });
}
