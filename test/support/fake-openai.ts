// An OpenAI-compatible chat completions server on loopback. Tests script its answers (text, tool calls,
// errors, garbage, slowness) and read back every request it received, e.g. to prove no personal data
// ever left the process.
import type { AddressInfo } from "node:net";
import express from "express";

export interface ChatRequest {
  model: string;
  messages: { role: string; content?: string | null; tool_calls?: unknown; tool_call_id?: string }[];
  tools?: { type: "function"; function: { name: string; description?: string; parameters?: unknown } }[];
  [key: string]: unknown;
}

export type FakeReply =
  | { content: string }
  | { toolCall: { name: string; arguments: string | object } }
  | { status: number; body?: unknown }
  | { delayMs: number; then: FakeReply }
  | { raw: string };

export interface FakeOpenAI {
  /** Base URL, e.g. http://127.0.0.1:PORT (the openai client adds /chat/completions, or /v1/... via baseURL). */
  url: string;
  requests: ChatRequest[];
  /** Replies are taken in order; when they run out, the fallback answers. */
  reply(...replies: FakeReply[]): void;
  fallback(reply: FakeReply | ((req: ChatRequest) => FakeReply)): void;
  close(): Promise<void>;
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const app = express();
  const requests: ChatRequest[] = [];
  const queue: FakeReply[] = [];
  let fallback: FakeReply | ((req: ChatRequest) => FakeReply) = { content: "ok" };
  let seq = 0;
  app.use(express.json({ limit: "5mb" }));

  const answer = async (reply: FakeReply, req: ChatRequest, res: express.Response): Promise<void> => {
    if ("delayMs" in reply) {
      await new Promise((r) => setTimeout(r, reply.delayMs));
      return answer(reply.then, req, res);
    }
    if ("status" in reply)
      return void res.status(reply.status).json(reply.body ?? { error: { message: "fake failure", type: "server_error" } });
    if ("raw" in reply) return void res.type("application/json").send(reply.raw);
    const message =
      "content" in reply
        ? { role: "assistant", content: reply.content }
        : {
            role: "assistant",
            content: null,
            tool_calls: [
              {
                id: `call_${++seq}`,
                type: "function",
                function: {
                  name: reply.toolCall.name,
                  arguments:
                    typeof reply.toolCall.arguments === "string" ? reply.toolCall.arguments : JSON.stringify(reply.toolCall.arguments),
                },
              },
            ],
          };
    res.json({
      id: `chatcmpl-${++seq}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: req.model,
      choices: [{ index: 0, message, finish_reason: "content" in reply ? "stop" : "tool_calls" }],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    });
  };

  const handler = async (req: express.Request, res: express.Response) => {
    const body = req.body as ChatRequest;
    requests.push(body);
    const next = queue.shift() ?? (typeof fallback === "function" ? fallback(body) : fallback);
    await answer(next, body, res);
  };
  app.post("/chat/completions", handler);
  app.post("/v1/chat/completions", handler);
  app.post("/openai/deployments/:deployment/chat/completions", handler);

  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => void queue.push(...replies),
    fallback: (r) => {
      fallback = r;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
