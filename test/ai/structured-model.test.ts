import path from "node:path";
import { Writable } from "node:stream";
import { TestAdapter } from "botbuilder";
import { Application } from "@microsoft/teams-ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { StructuredModel } from "../../src/ai/structured-model.ts";
import { createPlanner, createStructuredModel, type ModelBotTurn } from "../../src/bot/model-binding.ts";
import { TredeTurnState } from "../../src/bot/turn.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.ts";

const Colour = z.object({ colour: z.enum(["red", "green"]) });

describe("structured model path against an OpenAI-compatible server", () => {
  let fake: FakeOpenAI;
  let adapter: TestAdapter;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    const planner = createPlanner({
      config: { kind: "openai", apiKey: "test-key", model: "test-model", endpoint: fake.url, timeoutMs: 2_000 },
      promptsFolder: path.resolve("test/fixtures/prompts"),
    });
    const app = new Application<TredeTurnState>({
      ai: { planner },
      turnStateFactory: () => new TredeTurnState(),
      startTypingTimer: false,
    });
    const quiet = new Writable({ write: (_c, _e, cb) => cb() });
    const model: StructuredModel<ModelBotTurn> = createStructuredModel(app, {
      actions: [{ prompt: "pick-colour", action: "set_colour", schema: Colour }],
      timeoutMs: 400,
      logger: createLogger({ level: "silent", destination: quiet }),
    });
    app.message(/.*/, async (context, state) => {
      const r = await model.run(
        { context, state },
        { prompt: "pick-colour", action: "set_colour", schema: Colour, input: "[PERSOON_1] likes green" },
      );
      await context.sendActivity(r.ok ? `value:${r.value.colour}` : `failed:${r.reason}`);
    });
    adapter = new TestAdapter(async (context) => void (await app.run(context)));
  });
  afterAll(async () => fake?.close());
  beforeEach(() => fake.requests.splice(0));

  it("returns the zod-parsed arguments of the action the model called", async () => {
    fake.reply({ toolCall: { name: "set_colour", arguments: { colour: "green" } } });
    await adapter.send("Jansen likes green").assertReply("value:green");
    const sent = JSON.stringify(fake.requests);
    expect(sent).toContain("[PERSOON_1] likes green");
    expect(sent).not.toContain("Jansen"); // only the pseudonymised input leaves the process
    expect(fake.requests[0].tools?.map((t) => t.function.name)).toEqual(["set_colour"]);
  });

  it("gives the model one chance to correct invalid arguments, then gives up", async () => {
    fake.reply(
      { toolCall: { name: "set_colour", arguments: { colour: "blue" } } },
      { toolCall: { name: "set_colour", arguments: { colour: "red" } } },
    );
    await adapter.send("x").assertReply("value:red");
    expect(fake.requests).toHaveLength(2);
    expect(JSON.stringify(fake.requests[1].messages)).toContain("Invalid arguments");

    fake.reply(
      { toolCall: { name: "set_colour", arguments: "{not json" } },
      { toolCall: { name: "set_colour", arguments: { colour: 7 } } },
    );
    await adapter.send("x").assertReply("failed:invalid_arguments");
  });

  it("never shows free text from the model", async () => {
    fake.reply({ content: "Mevrouw Jansen is vast trede 4" });
    await adapter.send("x").assertReply("failed:no_action");
  });

  it("falls back on HTTP errors, garbage and timeouts", async () => {
    fake.reply({ status: 500 });
    await adapter.send("x").assertReply((a) => expect(a.text).toMatch(/^failed:(unavailable|no_action)$/));
    fake.reply({ raw: "<html>proxy error</html>" });
    await adapter.send("x").assertReply((a) => expect(a.text).toMatch(/^failed:/));
    // biome-ignore lint/suspicious/noThenProperty: the fake server's reply option, never awaited
    fake.reply({ delayMs: 700, then: { toolCall: { name: "set_colour", arguments: { colour: "red" } } } });
    await adapter.send("x").assertReply("failed:timeout");
  });
});
