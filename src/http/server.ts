// HTTP edge: the Bot Framework endpoint and two health probes. Nothing else is served.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express, { type Request, type Response } from "express";
import type { TurnContext } from "botbuilder";
import type { TeamsAdapter } from "@microsoft/teams-ai";
import type { Logger } from "../logging/logger.ts";

export interface HttpOptions {
  adapter: TeamsAdapter;
  runTurn: (context: TurnContext) => Promise<unknown>;
  isReady: () => Promise<boolean>;
  logger: Logger;
  /** Entra tenant ids allowed to talk to the bot; empty = any. */
  allowedTenantIds: string[];
}

export function createHttpApp(options: HttpOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => void res.json({ status: "ok" }));
  app.get("/readyz", async (_req, res) => {
    const ready = await options.isReady().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "database unavailable" });
  });
  app.post("/api/messages", express.json({ limit: "256kb" }), async (req: Request, res: Response) => {
    const tenant = tenantOfBody(req.body);
    if (options.allowedTenantIds.length && !options.allowedTenantIds.includes(tenant ?? "")) {
      options.logger.warn({ event: "tenant.refused", tenant }, "tenant not allowed");
      res.status(403).json({ error: "tenant not allowed" });
      return;
    }
    try {
      await options.adapter.process(req, res, (context) => options.runTurn(context).then(() => undefined));
    } catch (err) {
      // adapter.process answers auth failures itself; anything reaching here is unexpected
      options.logger.error({ event: "http.process_failed", err }, "processing failed");
      if (!res.headersSent) res.status(500).json({ error: "internal error" });
    }
  });
  // malformed JSON and other middleware errors: a 400, never a stack trace
  app.use((err: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
    const status = (err as { status?: number }).status ?? 500;
    if (status >= 500) options.logger.error({ event: "http.error", err }, "request failed");
    if (!res.headersSent) res.status(status >= 400 && status < 600 ? status : 500).json({ error: status < 500 ? "bad request" : "internal error" });
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
