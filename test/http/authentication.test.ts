// Authentication fails closed, through the real HTTP endpoint: without Bot Framework credentials the bot only
// serves on loopback (or in a lab that says so, loudly); with credentials every token failure is a 401 and
// the tenant allow-list is only consulted for authenticated requests. Tokens are real RS256 JWTs, signed
// with keys generated here and served from a loopback OpenID endpoint.
import { spawn } from "node:child_process";
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "../../src/config/env.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { startTrede } from "../../src/start-trede.ts";
import { startTestBot, TEST_TENANT, type TestBot } from "../support/bot-harness.ts";
import { backends, type TestDatabase } from "../support/databases.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

const APP_ID = "11111111-2222-4333-8444-555555555555";
const CREDENTIALS = {
  MICROSOFT_APP_ID: APP_ID,
  MICROSOFT_APP_PASSWORD: "secret",
  MICROSOFT_APP_TENANT_ID: TEST_TENANT,
};
const CHANNEL_ISSUER = "https://api.botframework.com"; // what Teams' tokens carry; the validator insists on it
const OTHER_TENANT = "99999999-0000-4000-8000-000000000000";

function activity(bot: TestBot, options: { aadObjectId?: string; tenantId?: string } = {}): Record<string, unknown> {
  const aadObjectId = options.aadObjectId ?? "someone";
  const tenantId = options.tenantId ?? TEST_TENANT;
  return {
    type: "message",
    text: "hulp",
    id: randomUUID(),
    channelId: "msteams",
    serviceUrl: bot.connector.url,
    from: { id: `29:${aadObjectId}`, aadObjectId },
    recipient: { id: `28:${APP_ID}` },
    conversation: { id: `personal-${aadObjectId}`, conversationType: "personal", tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}
function signingKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey, publicKey };
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");
/** An RS256 JWT shaped like the Bot Framework channel's: issuer, audience = the bot's app id, service URL. */
function channelToken(key: SigningKey, claims: { serviceUrl: string; aud?: string; iss?: string; expiresInSeconds?: number }): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: key.kid }));
  const payload = base64url(
    JSON.stringify({
      iss: claims.iss ?? CHANNEL_ISSUER,
      aud: claims.aud ?? APP_ID,
      serviceurl: claims.serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + (claims.expiresInSeconds ?? 3600),
    }),
  );
  const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(key.privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

/** The channel's OpenID metadata and signing keys, on loopback. */
async function startOpenIdEndpoint(keys: SigningKey[]): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  let base = "";
  app.get("/openid", (_req, res) => void res.json({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys` }));
  app.get(
    "/keys",
    (_req, res) =>
      void res.json({
        keys: keys.map((k) => ({
          ...k.publicKey.export({ format: "jwk" }),
          kid: k.kid,
          use: "sig",
          endorsements: ["msteams"],
        })),
      }),
  );
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${base}/openid`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A loopback port nothing listens on: the signing keys cannot be fetched, as on a machine without internet. */
async function closedPort(): Promise<number> {
  const server = await new Promise<Server>((resolve) => {
    const s = express().listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("starting without Bot Framework credentials", () => {
  it("refuses to start the real process on 0.0.0.0, naming the variables to set", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "trede-auth-"));
    try {
      // exactly as the Dockerfile starts it, minus the credentials
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "production",
          HOST: "0.0.0.0",
          PORT: "0",
          DATABASE_URL: `pglite:${path.join(dataDir, "db")}`,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
        child.on("close", (code, signal) => resolve({ code, signal })),
      );
      expect({ ...exit, output }).toMatchObject({ code: 78, signal: null });
      expect(output).toContain("MICROSOFT_APP_ID");
      expect(output).toContain("ALLOW_UNAUTHENTICATED=true");
      expect(output).not.toContain("Trede is listening");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("lists the refusal with every other invalid variable", () => {
    const refused = () => parseEnv({ HOST: "0.0.0.0", PORT: "not-a-port" });
    expect(refused).toThrow(ConfigError);
    expect(refused).toThrow(/PORT[\s\S]*MICROSOFT_APP_ID: required when HOST \("0\.0\.0\.0"\) is not a loopback address/);
    for (const host of ["::", "10.0.0.4", "bot.gemeente.nl", ""]) expect(() => parseEnv({ HOST: host })).toThrow(/MICROSOFT_APP_ID/);
    for (const host of ["127.0.0.1", "127.8.9.10", "::1", "localhost"]) expect(parseEnv({ HOST: host }).HOST).toBe(host);
    // a value the schema does not know is no consent
    expect(() => parseEnv({ HOST: "0.0.0.0", ALLOW_UNAUTHENTICATED: "false" })).toThrow(/MICROSOFT_APP_ID/);
    expect(() => parseEnv({ HOST: "0.0.0.0", ALLOW_UNAUTHENTICATED: "sure" })).toThrow(/ALLOW_UNAUTHENTICATED[\s\S]*MICROSOFT_APP_ID/);
  });

  it("refuses in startTrede too, before opening anything, for a configuration that bypassed the schema", async () => {
    const env = { ...parseEnv({ PORT: "0", DATABASE_URL: "pglite:memory://" }), HOST: "0.0.0.0" };
    await expect(startTrede(env, { logger: createLogger({ level: "silent" }) })).rejects.toThrow(/MICROSOFT_APP_ID/);
  });
});

describe.each(backends)("serving without Bot Framework credentials on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.open();
    await createTeamWithStaff(db.prisma);
  });
  afterAll(async () => db?.close());

  it("serves on loopback without a warning", async () => {
    const bot = await startTestBot(backend, { db, env: { HOST: "127.0.0.1" } });
    try {
      const r = await bot.user("coach-Noord").say("hulp");
      expect(r.status).toBe(200);
      expect(r.replies).toHaveLength(1);
      expect(bot.logs.filter((l) => l.event === "auth.disabled")).toEqual([]);
    } finally {
      await bot.stop();
    }
  });

  it("starts on 0.0.0.0 with ALLOW_UNAUTHENTICATED=true and says loudly, every start, that it is unauthenticated", async () => {
    const lab = { HOST: "0.0.0.0", ALLOW_UNAUTHENTICATED: "true" };
    for (let start = 1; start <= 2; start++) {
      const bot = await startTestBot(backend, { db, env: lab });
      try {
        expect((await bot.user("coach-Noord").say("hulp")).status).toBe(200);
        const warnings = bot.logs.filter((l) => l.event === "auth.disabled");
        expect(warnings).toHaveLength(1);
        expect(["warn", "error", "fatal"]).toContain(warnings[0].level);
        expect(warnings[0].msg).toMatch(/AUTHENTICATION IS OFF/);
        expect(warnings[0].msg).toContain("ALLOW_UNAUTHENTICATED");
        expect(warnings[0].msg).toContain("MICROSOFT_APP_ID");
      } finally {
        await bot.stop();
      }
    }
  });
});

describe.each(backends)("with Bot Framework credentials on $name", (backend) => {
  let db: TestDatabase;
  let staff: Awaited<ReturnType<typeof createTeamWithStaff>>;
  beforeAll(async () => {
    db = await backend.open();
    staff = await createTeamWithStaff(db.prisma);
  });
  afterAll(async () => db?.close());

  describe("the production configuration (signing keys from the Bot Framework's public cloud)", () => {
    let bot: TestBot;
    beforeAll(async () => {
      bot = await startTestBot(backend, {
        db,
        env: { ...CREDENTIALS, HOST: "0.0.0.0", ALLOWED_TENANT_IDS: TEST_TENANT },
      });
    });
    afterAll(async () => bot?.stop());

    it("answers 401 to a request without a token, a garbage token and a made-up JWT (never 5xx), and runs no turn", async () => {
      const stranger = signingKey();
      const attempts: Record<string, string>[] = [
        {},
        { authorization: "Bearer garbage" },
        { authorization: "garbage" },
        { authorization: "Bearer a.b.c" },
        { authorization: `Bearer ${channelToken(stranger, { serviceUrl: bot.connector.url })}` },
      ];
      const auditBefore = await db.prisma.auditEvent.count();
      for (const headers of attempts) {
        const r = await bot.post(activity(bot, { aadObjectId: staff.coach.aadObjectId }), headers);
        expect({ headers, status: r.status }).toEqual({ headers, status: 401 });
        expect(r.replies).toEqual([]);
      }
      expect(await db.prisma.auditEvent.count()).toBe(auditBefore);
      expect(bot.logs.filter((l) => l.event === "auth.refused")).toHaveLength(attempts.length);
    });

    it("does not reveal the tenant allow-list to an unauthenticated caller: 401, not 403", async () => {
      const other = activity(bot, { tenantId: OTHER_TENANT });
      expect((await bot.post(other)).status).toBe(401);
      expect(
        (
          await bot.post(other, {
            authorization: `Bearer ${channelToken(signingKey(), { serviceUrl: bot.connector.url })}`,
          })
        ).status,
      ).toBe(401);
      // nor the shape the endpoint expects
      expect((await bot.post({ hello: "world" })).status).toBe(401);
      expect(bot.logs.filter((l) => l.event === "tenant.refused")).toEqual([]);
    });
  });

  describe("tokens checked against signing keys served on loopback", () => {
    const trusted = signingKey();
    let openId: Awaited<ReturnType<typeof startOpenIdEndpoint>>;
    let bot: TestBot;
    beforeAll(async () => {
      openId = await startOpenIdEndpoint([trusted]);
      bot = await startTestBot(backend, {
        db,
        env: { ...CREDENTIALS, ALLOWED_TENANT_IDS: TEST_TENANT },
        channelOpenIdMetadataUrl: openId.url,
      });
    });
    afterAll(async () => {
      await bot?.stop();
      await openId?.close();
    });

    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const execute = (aadObjectId: string, tenantId = TEST_TENANT) => ({
      ...activity(bot, { aadObjectId, tenantId }),
      type: "invoke",
      name: "adaptiveCard/action",
      text: undefined,
      value: { action: { type: "Action.Execute", verb: "no.such.verb", data: {} }, trigger: "manual" },
    });

    it("runs the turn for a token the channel signed: the registered coach gets the bot's answer", async () => {
      const token = channelToken(trusted, { serviceUrl: bot.connector.url });
      const r = await bot.post(execute(staff.coach.aadObjectId), bearer(token));
      expect(r.status).toBe(200);
      expect(r.body.value).toContain("niet meer actueel");
      // the turn ran as that coach: the refused stale action is audited under their id
      expect(
        await db.prisma.auditEvent.count({
          where: { action: "refused", actorId: staff.coach.id, details: { path: ["verb"], equals: "no.such.verb" } },
        }),
      ).toBe(1);
    });

    it("checks the tenant only after authentication: a signed request from another tenant gets 403", async () => {
      const token = channelToken(trusted, { serviceUrl: bot.connector.url });
      const r = await bot.post(execute(staff.coach.aadObjectId, OTHER_TENANT), bearer(token));
      expect(r.status).toBe(403);
      expect(bot.logs.filter((l) => l.event === "tenant.refused")).toHaveLength(1);
    });

    it("answers 401 to every token the channel did not sign for this bot and this request", async () => {
      const serviceUrl = bot.connector.url;
      const forgedWithKnownKid = { ...signingKey(), kid: trusted.kid }; // right key id, wrong key: bad signature
      const tokens = {
        "another key": channelToken(signingKey(), { serviceUrl }),
        "bad signature": channelToken(forgedWithKnownKid, { serviceUrl }),
        "another bot": channelToken(trusted, { serviceUrl, aud: "22222222-2222-4222-8222-222222222222" }),
        "another issuer": channelToken(trusted, { serviceUrl, iss: "https://evil.example" }),
        "another service URL": channelToken(trusted, { serviceUrl: "https://smba.evil.example/" }),
        expired: channelToken(trusted, { serviceUrl, expiresInSeconds: -3600 }),
      };
      const turnsBefore = await bot.db.prisma.auditEvent.count();
      for (const [why, token] of Object.entries(tokens)) {
        const r = await bot.post(execute(staff.coach.aadObjectId), bearer(token));
        expect({ why, status: r.status }).toEqual({ why, status: 401 });
      }
      expect(await bot.db.prisma.auditEvent.count()).toBe(turnsBefore);
    });

    it("answers 401, not 500, when the signing keys cannot be fetched", async () => {
      const unreachable = await startTestBot(backend, {
        db,
        env: CREDENTIALS,
        channelOpenIdMetadataUrl: `http://127.0.0.1:${await closedPort()}/openid`,
      });
      try {
        const token = channelToken(trusted, { serviceUrl: unreachable.connector.url });
        const r = await unreachable.post(activity(unreachable, { aadObjectId: staff.coach.aadObjectId }), bearer(token));
        expect(r.status).toBe(401);
        expect(r.replies).toEqual([]);
        // the operator learns why from the log
        expect(unreachable.logs.find((l) => l.event === "auth.refused")?.reason).toMatch(/ECONNREFUSED|fetch|openid/i);
      } finally {
        await unreachable.stop();
      }
    });
  });
});
