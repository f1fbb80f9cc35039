import { describe, expect, it } from "vitest";
import { startTestBot } from "../support/bot-harness.ts";
import { backends } from "../support/databases.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

describe("when the database goes away", () => {
  it("turns /readyz red and tells people to try again in a moment, without a 5xx", async () => {
    const bot = await startTestBot(backends[0]);
    try {
      const { coach } = await createTeamWithStaff(bot.db.prisma);
      expect((await bot.user(coach.aadObjectId).say("hulp")).status).toBe(200);
      await bot.db.close();
      const ready = await fetch(`${bot.trede.url}/readyz`);
      expect(ready.status).toBe(503);
      const r = await bot.user(coach.aadObjectId).say("hulp");
      expect(r.status).toBe(200);
      expect(r.text).toMatch(/kan de gegevens nu niet bereiken\. Probeer het zo opnieuw \(code [0-9a-f]{8}\)/);
      expect((await fetch(`${bot.trede.url}/healthz`)).status).toBe(200); // the process itself is fine
    } finally {
      await bot.trede.stop();
      await bot.connector.close();
    }
  });
});
