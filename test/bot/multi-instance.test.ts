// Several instances behind a load balancer: state lives in the database, so a debrief can alternate
// between instances turn by turn. With PostgreSQL: two real bot processes. On the embedded database
// (one process only by design): two bot servers in one process sharing it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../src/config/env.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { startTrede, type Trede } from "../../src/start-trede.ts";
import { Writable } from "node:stream";
import { backends, type TestDatabase } from "../support/databases.ts";
import { startConnector, type Connector } from "../support/connector.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";
import { TEST_TENANT } from "../support/bot-harness.ts";
import { findAction } from "../support/cards.ts";

const backend = backends.at(-1)!;

async function startProcess(url: string, port: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url: base, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`instance on ${port} did not become ready`);
}

describe(`two bot instances on one ${backend.name} database`, () => {
  let db: TestDatabase;
  let connector: Connector;
  const urls: string[] = [];
  const stops: (() => Promise<void>)[] = [];
  let coachAad = "";
  let clientId = "";

  beforeAll(async () => {
    db = await backend.open();
    const { team, coach } = await createTeamWithStaff(db.prisma);
    coachAad = coach.aadObjectId;
    clientId = (
      await db.prisma.client.create({
        data: {
          externalKey: "K-MI",
          displayName: "Meerdere, Instanties",
          birthYear: 1980,
          wijk: "Selwerd",
          teamId: team.id,
          coachId: coach.id,
        },
      })
    ).id;
    connector = await startConnector();
    if (backend.name === "postgres") {
      for (const port of [39000 + Math.floor(Math.random() * 1000), 40000 + Math.floor(Math.random() * 1000)]) {
        const p = await startProcess(db.url, port);
        urls.push(p.url);
        stops.push(async () => void p.child.kill("SIGTERM"));
      }
    } else {
      const quiet = new Writable({ write: (_c, _e, cb) => cb() });
      for (let i = 0; i < 2; i++) {
        const t: Trede = await startTrede(parseEnv({ PORT: "0", DATABASE_URL: db.url }), {
          db,
          logger: createLogger({ level: "silent", destination: quiet }),
        });
        urls.push(t.url);
        stops.push(() => t.stop());
      }
    }
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    await connector?.close();
    await db?.close();
  });

  it("finishes a debrief whose turns alternate between the instances", async () => {
    let turn = 0;
    const post = async (activity: Record<string, unknown>) => {
      const before = connector.sent.length;
      const res = await fetch(`${urls[turn++ % 2]}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          id: randomUUID(),
          channelId: "msteams",
          serviceUrl: connector.url,
          from: { id: `29:${coachAad}`, aadObjectId: coachAad },
          recipient: { id: "28:trede-bot" },
          conversation: { id: "personal-multi", conversationType: "personal", tenantId: TEST_TENANT },
          channelData: { tenant: { id: TEST_TENANT } },
          ...activity,
        }),
      });
      expect(res.status).toBe(200);
      const replies = connector.sent.slice(before);
      const last = replies.at(-1)!;
      return { id: last.id, card: last.activity.attachments?.[0]?.content };
    };
    let at = await post({ type: "message", text: "verslag" });
    const submit = async (verb: string, values: Record<string, unknown>) => {
      at = await post({ type: "message", value: { ...findAction(at.card, verb).data, ...values }, replyToId: at.id });
    };
    await submit("debrief.next", { clientId, date: "2026-11-20", kind: "HUISBEZOEK", reached: "ja" });
    await submit("debrief.next", { ladder_betaaldWerk: "nee", ladder_onbetaaldWerk: "wekelijks" });
    await submit("debrief.next", {}); // the verdieping of a first debrief
    await submit("debrief.confirm", {
      nextStep: "4.2",
      expectedRung: "5",
      horizonMonths: "12",
      growthPotential: "ja",
      outcome: "werk",
    });
    expect(turn).toBeGreaterThanOrEqual(5);
    const stored = await db.prisma.classification.findMany({ where: { clientId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ finalRung: 4, finalSubstep: 2, expectedRung: 5, status: "FINAL" });
  });
});
