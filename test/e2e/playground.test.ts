// Trede driven through the Microsoft 365 Agents Playground in headless Chromium, the way people use it:
// a coach debriefs and overrides, a supervisor approves, a team lead asks a caseload question.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlayground, writePlaygroundConfig, type Playground, type PlaygroundUser } from "../../scripts/lib/playground.ts";
import { parseEnv } from "../../src/config/env.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { DEMO_STAFF, DEMO_TENANT_ID } from "../../src/storage/seed/demo-staff.ts";
import { startTrede, type Trede } from "../../src/start-trede.ts";
import { launchChromium } from "../support/card-browser.ts";

const RUN = path.resolve("test-results", `e2e-${new Date().toISOString().replace(/[:.]/g, "-")}`);
const users = Object.values(DEMO_STAFF).map((s) => ({ aadObjectId: s.aadObjectId, name: s.displayName }));

describe("Trede in the Agents Playground", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "trede-e2e-"));
  let trede: Trede;
  let browser: Browser;
  let page: Page;
  let playground: Playground | undefined;
  let shot = 0;
  let failed = false;

  async function as(user: PlaygroundUser): Promise<void> {
    await playground?.stop();
    await page?.close().catch(() => {});
    const dir = path.join(tmp, `playground-${user.name.replace(/\W+/g, "-")}`);
    const others = users.filter((u) => u.aadObjectId !== user.aadObjectId).slice(0, 5);
    const configFile = writePlaygroundConfig(dir, { tenantId: DEMO_TENANT_ID, currentUser: user, users: others });
    playground = await startPlayground({
      configFile,
      botEndpoint: `${trede.url}/api/messages`,
      cwd: dir,
      port: 56300 + Math.floor(Math.random() * 500),
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    await page.route(/^(?!http:\/\/(127\.0\.0\.1|localhost))/, (route) => route.abort()); // the UI asks a CDN for fonts
    await page.goto(playground.url);
    await expect.poll(() => page.locator(".ac-adaptiveCard").count(), { timeout: 20_000 }).toBeGreaterThan(0); // the welcome card
  }

  const card = () => page.locator(".ac-adaptiveCard").last();
  /** waits until the newest card shows the text (cards are replaced in place after each click) */
  async function shows(text: string | RegExp, timeout = 15_000) {
    const poll = expect.poll(
      () =>
        card()
          .innerText()
          .catch(() => ""),
      { timeout },
    );
    await (typeof text === "string" ? poll.toContain(text) : poll.toMatch(text));
  }
  async function screenshot(name: string) {
    await page.screenshot({ path: path.join(RUN, `${String(++shot).padStart(2, "0")}-${name}.png`) });
  }
  async function say(text: string) {
    const before = await page.locator(".ac-adaptiveCard").count();
    const box = page.locator('[contenteditable="true"], textarea, input[type="text"]').first();
    await box.click();
    await box.fill(text);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".ac-adaptiveCard").count(), { timeout: 15_000 }).toBeGreaterThan(before);
  }
  async function choose(label: string, option: string) {
    await card().getByRole("combobox", { name: label }).click();
    await page.getByRole("option", { name: option }).first().click();
  }
  async function next(expectText: string | RegExp, button = "Volgende") {
    await card().getByRole("button", { name: button, exact: true }).click();
    await shows(expectText);
  }

  beforeAll(async () => {
    mkdirSync(RUN, { recursive: true });
    const log = createWriteStream(path.join(RUN, "bot.log"));
    const env = parseEnv({
      PORT: "0",
      DATABASE_URL: `pglite:${path.join(tmp, "db")}`,
      SEED_DEMO: "true",
      LOG_LEVEL: "info",
    });
    trede = await startTrede(env, { logger: createLogger({ level: "info", destination: log }) });
    browser = await launchChromium(tmp);
  });
  afterAll(async () => {
    await playground?.stop();
    await browser?.close();
    await trede?.stop();
    rmSync(tmp, { recursive: true, force: true });
    console.log(`e2e screenshots and the bot's log: ${RUN}${failed ? " (a step failed)" : ""}`);
  });
  const step = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      try {
        await fn();
      } catch (e) {
        failed = true;
        await screenshot("failure").catch(() => {});
        throw e;
      }
    });

  let clientName = "";
  let clientId = "";
  step("a supervisor has opened Trede (so review requests can reach them)", async () => {
    await as({ aadObjectId: DEMO_STAFF.supervisorJeroen.aadObjectId, name: DEMO_STAFF.supervisorJeroen.displayName });
    await say("hulp");
    await shows("beoordelen");
    await screenshot("supervisor-welcome");
  });

  step("scenario 1: a coach debriefs a visit in the cards, overrides the rung with a reason and confirms", async () => {
    await as({ aadObjectId: DEMO_STAFF.coachSanne.aadObjectId, name: DEMO_STAFF.coachSanne.displayName });
    const sanne = await trede.db.prisma.staff.findFirstOrThrow({
      where: { aadObjectId: DEMO_STAFF.coachSanne.aadObjectId },
    });
    const client = await trede.db.prisma.client.findFirstOrThrow({
      where: { coachId: sanne.id },
      orderBy: { displayName: "asc" },
    });
    clientName = client.displayName;
    clientId = client.id;
    const before = await trede.db.prisma.classification.count({ where: { clientId: client.id } });
    await say("verslag");
    await shows("Nieuw verslag");
    await screenshot("contact-card");
    await choose("Klant", client.externalKey);
    await card().getByRole("radio", { name: "Ja" }).check();
    // the situation card: the stroomschema's questions together, last time shown but not preselected
    const answer = (question: RegExp, option: string | RegExp) =>
      card().getByRole("radiogroup", { name: question }).getByRole("radio", { name: option }).check();
    await next("Heeft de klant betaald werk");
    await answer(/^1\. Heeft de klant betaald werk/, "Nee");
    await answer(/^3\. .*onbetaald werk/, "Nee");
    await answer(/^4\. .*georganiseerde activiteit/, /minstens wekelijks/);
    if (await card().getByRole("radiogroup", { name: /sinds/ }).count()) await answer(/sinds/, "Ongewijzigd");
    await screenshot("ladder-question");
    // the proposal, or first the verdieping card when it is due (texts only those cards show: the situation
    // card itself mentions "Verdieping")
    await next(/Trede 3 — Deelname aan georganiseerde activiteiten|Vul in wat je weet/);
    if (
      await card()
        .getByText(/Vul in wat je weet/)
        .count()
    )
      await next("Trede 3 — Deelname aan georganiseerde activiteiten");
    await shows("Trede 3 — Deelname aan georganiseerde activiteiten");
    await answer(/volgende stap richting trede 4/, /Verkennen/);
    await choose("Verwachte trede over 12 maanden", "5 · Betaald werk met ondersteuning");
    await answer(/stijgen/, "Ja");
    await answer(/Uitkomst/, /Ondersteuning bij participatie/);
    await screenshot("proposal");
    await card().getByRole("button", { name: "Aanpassen" }).click();
    await card().getByRole("radio", { name: "4 · Onbetaald werk (geen tussenstap)" }).check(); // radio buttons: a long rung name wraps on a phone
    await card()
      .getByRole("textbox", { name: /Waarom pas je/ })
      .fill("Is deze week wekelijks gestart bij de voedselbank");
    await screenshot("override");
    await next("Verslag opgeslagen", "Aangepast bevestigen");
    await shows("Wacht op akkoord");
    await screenshot("stored");
    const rows = await trede.db.prisma.classification.findMany({
      where: { clientId: client.id },
      orderBy: { version: "desc" },
    });
    expect(rows.length).toBe(before + 1);
    expect(rows[0]).toMatchObject({
      proposedRung: 3,
      finalRung: 4,
      status: "PENDING_REVIEW",
      overrideReason: "Is deze week wekelijks gestart bij de voedselbank",
    });
  });

  step("scenario 2: the supervisor opens the pending review and approves it", async () => {
    await as({ aadObjectId: DEMO_STAFF.supervisorJeroen.aadObjectId, name: DEMO_STAFF.supervisorJeroen.displayName });
    await say("wat moet ik beoordelen?");
    await shows(clientName);
    await screenshot("review-list");
    await card()
      .getByText(new RegExp(`^${clientName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} —`))
      .first()
      .click();
    await shows(`Indeling ter beoordeling: ${clientName}`);
    await screenshot("review-card");
    await card().getByRole("button", { name: "Akkoord", exact: true }).click();
    await shows("Akkoord door Jeroen Dijkstra");
    await screenshot("approved");
    const row = await trede.db.prisma.classification.findFirstOrThrow({ where: { clientId, isLatest: true } });
    expect(row.status).toBe("FINAL");
  });

  step("scenario 3: the team lead asks who on rung 1 is expected to move up, and sees the clients the database has", async () => {
    await as({ aadObjectId: DEMO_STAFF.leadMarieke.aadObjectId, name: DEMO_STAFF.leadMarieke.displayName });
    await say("wie op trede 1 gaat naar verwachting stijgen?");
    await shows("Klanten op trede 1 met verwachte trede hoger dan de huidige, team Noord");
    await screenshot("caseload-answer");
    const lead = await trede.db.prisma.staff.findFirstOrThrow({
      where: { aadObjectId: DEMO_STAFF.leadMarieke.aadObjectId },
    });
    const expected = await trede.db.prisma.$queryRaw<{ externalKey: string }[]>`
      SELECT c."externalKey" FROM "Client" c JOIN "Classification" l ON l."clientId" = c.id AND l."isLatest"
      WHERE c."teamId" = ${lead.teamId} AND c.active AND l."finalRung" = 1 AND l."expectedRung" > 1 ORDER BY c."displayName", c.id LIMIT 20`;
    const text = await card().innerText();
    expect(text).toContain(
      `— ${(await trede.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Client" c JOIN "Classification" l ON l."clientId" = c.id AND l."isLatest" WHERE c."teamId" = ${lead.teamId} AND c.active AND l."finalRung" = 1 AND l."expectedRung" > 1`)[0].n} klanten`,
    );
    expect(text.match(/GR-\d{6}/g)).toEqual(expected.map((e) => e.externalKey));
  });
});
