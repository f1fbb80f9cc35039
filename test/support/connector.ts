// A loopback server that plays the Bot Framework connector: it records what the bot sends (new
// activities, replies, updates) and answers like the real service, so tests can assert on it.
import type { AddressInfo } from "node:net";
import express from "express";

export interface SentActivity {
  conversationId: string;
  /** "send" = new activity or reply, "update" = replaced an earlier one */
  op: "send" | "update";
  id: string;
  activity: Record<string, any>;
}

export interface Connector {
  url: string;
  sent: SentActivity[];
  /** Files the bot uploaded to an upload URL under `${url}/upload/` (plays the OneDrive upload session of a file consent). */
  uploads: { path: string; headers: Record<string, string | string[] | undefined>; body: Buffer }[];
  /** Fails the next N calls with HTTP 503, to test what the bot does when Teams is unavailable. */
  failNext(n: number): void;
  close(): Promise<void>;
}

export async function startConnector(): Promise<Connector> {
  const app = express();
  const sent: SentActivity[] = [];
  let seq = 0;
  let failures = 0;
  const uploads: Connector["uploads"] = [];
  app.use(express.json({ limit: "2mb" }));
  app.use((_req, res, next) => {
    if (failures > 0) {
      failures--;
      res.status(503).json({ error: { code: "ServiceUnavailable" } });
      return;
    }
    next();
  });
  app.post("/v3/conversations", (_req, res) => {
    const id = `proactive-${++seq}`;
    res.json({ id, activityId: `a-${seq}` });
  });
  const record = (op: SentActivity["op"]) => (req: express.Request, res: express.Response) => {
    const id = op === "update" ? String(req.params.activityId) : `a-${++seq}`;
    sent.push({ conversationId: String(req.params.conversationId), op, id, activity: req.body });
    res.json({ id });
  };
  app.post("/v3/conversations/:conversationId/activities", record("send"));
  app.post("/v3/conversations/:conversationId/activities/:activityId", record("send"));
  app.put("/v3/conversations/:conversationId/activities/:activityId", record("update"));
  app.put("/upload/:id", express.raw({ type: () => true, limit: "20mb" }), (req, res) => {
    uploads.push({
      path: req.path,
      headers: req.headers,
      body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    });
    res.status(201).json({ id: req.params.id });
  });
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    uploads,
    failNext: (n) => {
      failures = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
