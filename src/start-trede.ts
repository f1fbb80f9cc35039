// Builds and starts everything from a parsed configuration: database (migrated), bot, HTTP server.
// main.ts calls it for the real process; tests call it to run the real thing on an ephemeral port.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createModelGate, type ModelGate } from "./ai/model-gate.ts";
import { createBotApplication } from "./bot/app.ts";
import { answerQuestion, caseloadRoutes } from "./bot/handlers/caseload.handler.ts";
import { debriefRoutes, isVisitNote, startFromNote } from "./bot/handlers/debrief.handler.ts";
import { notificationRoutes } from "./bot/handlers/notifications.handler.ts";
import { reviewRoutes } from "./bot/handlers/review.handler.ts";
import { createNotificationSender } from "./bot/notification-sender.ts";
import { createProactive } from "./bot/proactive.ts";
import { registeredRoutes, type RegisteredRoute } from "./bot/routes.ts";
import { reportCardFailuresTo } from "./cards/render-card.ts";
import { createRungTexts } from "./cards/rung-texts.ts";
import { loadLadderProfiles } from "./config/ladder-profiles.ts";
import { assertAuthenticatedOrLoopback, modelConfig, type Env } from "./config/env.ts";
import { createBotAdapter } from "./http/bot-adapter.ts";
import { loadMaskingVocabulary } from "./config/masking-vocabulary.ts";
import { createHttpApp, listen } from "./http/server.ts";
import { createLogger, type Logger } from "./logging/logger.ts";
import { createModelSettings } from "./storage/admin/model-settings.ts";
import { openDatabase, type Database } from "./storage/db/index.ts";
import { prepareDatabase } from "./storage/db/roles.ts";
import { isDatabaseEmpty, seedDemo } from "./storage/seed/seed-demo.ts";
import type { Background } from "./bot/turn.ts";
import { createStore } from "./storage/store.ts";
import { sendDigest } from "./use-cases/send-digest.ts";
import { sendNudges } from "./use-cases/send-nudges.ts";
import { startScheduler, type Scheduler } from "./use-cases/run-scheduled-jobs.ts";

function createBackground(logger: Logger): Background {
  const pending = new Set<Promise<unknown>>();
  return {
    run(name, task) {
      const p = task()
        .catch((err) =>
          logger.warn({ event: "background.failed", task: name, err: String((err as Error)?.message ?? err) }, "background task failed"),
        )
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}

const PROMPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../prompts");

export interface Trede {
  url: string;
  /** Resolves when background work (proactive messages) has finished. */
  idle(): Promise<void>;
  db: Database;
  logger: Logger;
  /** every message command, card verb and invoke the bot answers (tests walk it) */
  routes: readonly RegisteredRoute[];
  /** the nudge and digest scheduler (SCHEDULER=on; on by default in production) */
  scheduler: Scheduler | null;
  /** the one gate every model request of this instance passes (absent without a model) */
  model?: ModelGate;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  db?: Database;
  clock?: () => Date;
  /** Tests only: fetch the channel's token signing keys from a loopback OpenID endpoint, not the Bot Framework's. */
  channelOpenIdMetadataUrl?: string;
}

export async function startTrede(env: Env, options: StartOptions = {}): Promise<Trede> {
  const logger = options.logger ?? createLogger({ level: env.LOG_LEVEL });
  // before anything is opened: refused here too when the configuration did not come through parseEnv
  const auth = assertAuthenticatedOrLoopback(env);
  reportCardFailuresTo(({ event, ...failure }) => logger.error({ event, ...failure }, "card fell back to its plain form"));
  const ladders = loadLadderProfiles();
  const db = options.db ?? (await openDatabase(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE }));
  const prepared = await prepareDatabase(db, { url: env.DATABASE_URL, migrationUrl: env.DATABASE_MIGRATION_URL }).catch(async (e) => {
    if (!options.db) await db.close();
    throw e;
  });
  if (prepared.applied.length) logger.info({ event: "db.migrated", applied: prepared.applied, mode: prepared.mode }, "migrations applied");
  for (const warning of prepared.warnings) logger.warn({ event: "db.setup" }, warning);
  if (prepared.auditUnprotected)
    logger.warn(
      { event: "db.single_role" },
      "DATABASE_URL logs in as the owner of the tables (or a superuser): it could switch the audit trail off. Use an application role and DATABASE_MIGRATION_URL (docs/deployment.md)",
    );
  if (env.SEED_DEMO && (await isDatabaseEmpty(db.prisma))) {
    const seeded = await seedDemo(db.prisma, { profile: ladders.default, today: options.clock?.() });
    logger.info({ event: "db.seeded", ...seeded }, "demo municipality seeded");
  }

  const adapter = createBotAdapter(
    env.MICROSOFT_APP_ID
      ? {
          appId: env.MICROSOFT_APP_ID,
          password: env.MICROSOFT_APP_PASSWORD,
          type: env.MICROSOFT_APP_TYPE,
          tenantId: env.MICROSOFT_APP_TENANT_ID,
        }
      : undefined,
    options.channelOpenIdMetadataUrl,
  );
  const background = createBackground(logger);
  const store = createStore(db, { defaultLocale: env.DEFAULT_LOCALE });
  const clock = options.clock ?? (() => new Date());
  const deps = { store, logger, defaultLocale: env.DEFAULT_LOCALE, clock, background };
  const review = { proactive: createProactive(adapter, env.MICROSOFT_APP_ID), texts: createRungTexts(ladders) };
  const notifications = { store: store.notifications, sender: createNotificationSender(review.proactive) };
  const demoRunNow = env.SEED_DEMO
    ? async (teamId: string) => {
        const team = (await notifications.store.listTeams()).find((t) => t.id === teamId);
        return team
          ? [...(await sendNudges(notifications, { now: clock(), team })), ...(await sendDigest(notifications, { now: clock(), team }))]
          : [];
      }
    : undefined;
  const model = modelConfig(env);
  // the word lists are loaded only when a model is configured: without one nothing is ever masked or sent
  const gate =
    model &&
    createModelGate({
      config: model,
      promptsFolder: PROMPTS_DIR,
      vocabulary: await loadMaskingVocabulary(ladders.all),
      settings: createModelSettings(db),
      logger,
      ladders: [ladders.default, ...ladders.all.filter((p) => p !== ladders.default)],
    });
  let boundGate: ModelGate | undefined;
  const bot = createBotApplication({
    adapter,
    botAppId: env.MICROSOFT_APP_ID,
    deps,
    model: gate,
    useCases: (structured) => {
      boundGate = structured;
      const question = answerQuestion({ model: structured });
      const note = startFromNote({ ladders, review, model: structured });
      return {
        debrief: debriefRoutes({ ladders, review }),
        review: reviewRoutes(review),
        caseload: caseloadRoutes({ model: structured }),
        notifications: notificationRoutes({ demoRunNow }),
        question: (turn) => (isVisitNote(turn.context.activity.text ?? "") ? note(turn) : question(turn)),
      };
    },
  });
  const http = createHttpApp({
    adapter,
    runTurn: (context) => bot.run(context),
    isReady: () => db.ping(),
    logger,
    allowedTenantIds: env.ALLOWED_TENANT_IDS,
  });
  const { server, url } = await listen(http, { host: env.HOST, port: env.PORT });
  logger.info(
    {
      event: "http.listening",
      url,
      database: db.kind,
      auth: { "bot-framework": "on", loopback: "local mode", "unauthenticated-lab": "OFF" }[auth],
    },
    "Trede is listening",
  );
  if (auth === "unauthenticated-lab")
    // every start, at error level so that log alerting sees it: anyone reaching this port can act as any user
    logger.error(
      { event: "auth.disabled", host: env.HOST, variable: "ALLOW_UNAUTHENTICATED" },
      `AUTHENTICATION IS OFF: listening on ${env.HOST} without Bot Framework credentials (MICROSOFT_APP_ID) because ALLOW_UNAUTHENTICATED=true. Anyone who reaches this port can act as any user. Lab use only.`,
    );

  const schedulerOn = env.SCHEDULER ? env.SCHEDULER === "on" : env.NODE_ENV === "production";
  const scheduler = schedulerOn
    ? startScheduler(
        { ...notifications, jobs: store.jobs, workerId: `${process.pid}-${randomUUID().slice(0, 8)}` },
        {
          intervalMs: env.SCHEDULER_INTERVAL_SECONDS * 1000,
          clock,
          onError: (err) =>
            logger.warn({ event: "scheduler.failed", err: String((err as Error)?.message ?? err) }, "scheduler tick failed"),
        },
      )
    : null;

  let stopped = false;
  return {
    url,
    db,
    logger,
    routes: registeredRoutes(bot),
    model: boundGate,
    idle: () => background.idle(),
    scheduler,
    async stop() {
      if (stopped) return;
      stopped = true;
      await scheduler?.stop();
      await background.idle();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      if (!options.db) await db.close();
    },
  };
}
