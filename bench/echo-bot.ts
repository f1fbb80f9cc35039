// The floor for turn latency: a bare botbuilder CloudAdapter echo bot behind express, nothing else.
import type { AddressInfo } from "node:net";
import express from "express";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";

export async function startEchoBot(): Promise<{ url: string; stop(): Promise<void> }> {
  // local mode, exactly like Trede without app credentials: no token checks, replies to the serviceUrl
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const app = express();
  app.post("/api/messages", express.json(), (req, res) =>
    adapter.process(req, res, async (context) => void (await context.sendActivity(`echo: ${context.activity.text}`))),
  );
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise((r) => server.close(() => r())),
  };
}
