// A team whose clients are in every state a nudge or digest distinguishes, dated relative to `today`, and
// conversation references (as botbuilder stores them) that lead to a loopback connector.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { TEST_TENANT } from "./bot-harness.ts";
import { createTeamWithStaff } from "./fixtures.ts";

const DAY = 86_400_000;
export const daysBefore = (today: Date, days: number) =>
  new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - days * DAY);
export function monthsBefore(today: Date, months: number, plusDays = 0): Date {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCMonth(d.getUTCMonth() - months);
  return new Date(d.getTime() + plusDays * DAY);
}

/** What `TurnContext.getConversationReference` gives for a personal chat; the bot stores exactly this. */
export function personalReference(connectorUrl: string, aadObjectId: string) {
  return {
    activityId: randomUUID(),
    user: { id: `29:${aadObjectId}`, aadObjectId, name: aadObjectId },
    bot: { id: "28:trede-bot", name: "Trede" },
    conversation: { id: `personal-${aadObjectId}`, conversationType: "personal", tenantId: TEST_TENANT },
    channelId: "msteams",
    locale: "nl-NL",
    serviceUrl: connectorUrl,
  };
}

export async function saveReference(prisma: PrismaClient, staff: { id: string; aadObjectId: string }, connectorUrl: string) {
  await prisma.conversationReference.create({
    data: { staffId: staff.id, reference: personalReference(connectorUrl, staff.aadObjectId) },
  });
}

/** The language a person chose ("english"), stored where teams-ai keeps user state. */
export async function chooseEnglish(prisma: PrismaClient, staff: { aadObjectId: string }) {
  await prisma.botState.create({
    data: { key: `msteams/28:trede-bot/users/29:${staff.aadObjectId}`, data: { locale: "en" }, eTag: "1" },
  });
}

export async function classify(
  prisma: PrismaClient,
  input: {
    clientId: string;
    coachId: string;
    teamId: string;
    observedOn: Date;
    status: "FINAL" | "PENDING_REVIEW" | "RETURNED" | "REJECTED";
    rung: number;
    previousRung?: number | null;
    expectedRung?: number | null;
    confirmedAt?: Date;
  },
) {
  return prisma.classification.create({
    data: {
      clientId: input.clientId,
      coachId: input.coachId,
      teamId: input.teamId,
      profileId: "participatieladder-6",
      profileVersion: 1,
      answers: {},
      observedOn: input.observedOn,
      proposedRung: input.rung,
      finalRung: input.rung,
      previousRung: input.previousRung ?? null,
      expectedRung: input.expectedRung ?? null,
      status: input.status,
      version: 1,
      isLatest: true,
      idempotencyKey: randomUUID(),
      confirmedAt: input.confirmedAt ?? input.observedOn,
    },
  });
}

/**
 * Team `name`: a coach (reachable), a second coach who never opened Trede, a supervisor and a team lead
 * (reachable). The coach's clients: leaving beeld in 10 days, classification 7 months old, sent back, fine
 * (moved up this week), waiting for review for two weeks, out of beeld for long; plus an erased and a closed
 * client who would qualify, and the second coach's client leaving beeld.
 */
export async function seedNotificationTeam(prisma: PrismaClient, options: { name: string; connectorUrl: string; today: Date }) {
  const { today, connectorUrl, name } = options;
  const { team, coach, supervisor, lead } = await createTeamWithStaff(prisma, name);
  const silent = await prisma.staff.create({
    data: {
      tenantId: TEST_TENANT,
      aadObjectId: `silent-${name}`,
      displayName: `Stille Coach ${name}`,
      roles: ["COACH"],
      teamId: team.id,
    },
  });
  for (const s of [coach, supervisor, lead]) await saveReference(prisma, s, connectorUrl);
  let n = 0;
  const client = (
    displayName: string,
    data: {
      lastContactAt: Date | null;
      wijk?: string;
      coachId?: string;
      erasedAt?: Date;
      closedAt?: Date;
      active?: boolean;
    },
  ) =>
    prisma.client.create({
      data: {
        externalKey: `${name}-${++n}`,
        displayName,
        birthYear: 1980,
        wijk: data.wijk ?? "Selwerd",
        teamId: team.id,
        coachId: data.coachId ?? coach.id,
        lastContactAt: data.lastContactAt,
        erasedAt: data.erasedAt,
        closedAt: data.closedAt,
        active: data.active ?? true,
      },
    });
  const leaving = await client(`Vertrekt, Vera ${name}`, { lastContactAt: monthsBefore(today, 12, 10) });
  const due = await client(`Verlopen, Dirk ${name}`, { lastContactAt: monthsBefore(today, 7) });
  await classify(prisma, {
    clientId: due.id,
    coachId: coach.id,
    teamId: team.id,
    observedOn: monthsBefore(today, 7),
    status: "FINAL",
    rung: 2,
    expectedRung: 3,
  });
  const sentBack = await client(`Terug, Tara ${name}`, { lastContactAt: daysBefore(today, 20) });
  await classify(prisma, {
    clientId: sentBack.id,
    coachId: coach.id,
    teamId: team.id,
    observedOn: daysBefore(today, 20),
    status: "RETURNED",
    rung: 3,
    expectedRung: null,
  });
  const fine = await client(`Goed, Gerrit ${name}`, { lastContactAt: daysBefore(today, 30), wijk: "Beijum" });
  await classify(prisma, {
    clientId: fine.id,
    coachId: coach.id,
    teamId: team.id,
    observedOn: daysBefore(today, 30),
    status: "FINAL",
    rung: 3,
    previousRung: 2,
    expectedRung: 4,
    confirmedAt: new Date(),
  });
  const pending = await client(`Wacht, Willem ${name}`, { lastContactAt: daysBefore(today, 14), wijk: "Beijum" });
  await classify(prisma, {
    clientId: pending.id,
    coachId: coach.id,
    teamId: team.id,
    observedOn: daysBefore(today, 14),
    status: "PENDING_REVIEW",
    rung: 4,
    expectedRung: 4,
  });
  const lost = await client(`Weg, Wim ${name}`, { lastContactAt: monthsBefore(today, 14) });
  const erased = await client(`Gewist ${name}`, {
    lastContactAt: monthsBefore(today, 12, 10),
    erasedAt: daysBefore(today, 3),
  });
  const closed = await client(`Gesloten, Greet ${name}`, {
    lastContactAt: monthsBefore(today, 12, 10),
    closedAt: daysBefore(today, 3),
    active: false,
  });
  const silentsClient = await client(`Anders, Anouk ${name}`, {
    lastContactAt: monthsBefore(today, 12, 5),
    coachId: silent.id,
  });
  return {
    team,
    coach,
    silent,
    supervisor,
    lead,
    clients: { leaving, due, sentBack, fine, pending, lost, erased, closed, silentsClient },
  };
}

export function cardsTo(sent: { conversationId: string; activity: Record<string, any> }[], aadObjectId: string): any[] {
  return sent
    .filter((s) => s.conversationId === `personal-${aadObjectId}`)
    .flatMap((s) =>
      (s.activity.attachments ?? [])
        .filter((a: any) => a.contentType === "application/vnd.microsoft.card.adaptive")
        .map((a: any) => a.content),
    );
}

export function textsTo(sent: { conversationId: string; activity: Record<string, any> }[], aadObjectId: string): string[] {
  return sent.filter((s) => s.conversationId === `personal-${aadObjectId}` && s.activity.text).map((s) => s.activity.text as string);
}

/** The client ids behind every "Verslag" button of a nudge card. */
export function nudgeClientIds(card: any): string[] {
  const ids: string[] = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === "object") {
      if (node.type === "Action.Submit" && node.data?.verb === "debrief.start") ids.push(node.data.clientId);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return ids;
}
