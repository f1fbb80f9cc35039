// Builds and starts everything from a parsed configuration: database (migrated), bot, HTTP server.
// main.ts calls it for the real process; tests call it to run the real thing on an ephemeral port.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TeamsAdapter } from "@microsoft/teams-ai";
import { createPlanner } from "./ai/structured-model.ts";
import { createBotApplication } from "./bot/app.ts";
import { answerQuestion, caseloadRoutes } from "./bot/handlers/caseload.handler.ts";
import { debriefRoutes, isVisitNote, startFromNote } from "./bot/handlers/debrief.handler.ts";
import { reviewRoutes } from "./bot/handlers/review.handler.ts";
import { createProactive } from "./bot/proactive.ts";
import { createRungTexts } from "./cards/rung-texts.ts";
import { loadLadderProfiles } from "./config/ladder-profiles.ts";
import { modelConfig, type Env } from "./config/env.ts";
import { createHttpApp, listen } from "./http/server.ts";
import { createLogger, type Logger } from "./logging/logger.ts";
import { openDatabase, type Database } from "./storage/db/index.ts";
import { prepareDatabase } from "./storage/db/roles.ts";
import { isDatabaseEmpty, seedDemo } from "./storage/seed/seed-demo.ts";
import type { Background } from "./bot/turn.ts";

function createBackground(logger: Logger): Background {
  const pending = new Set<Promise<unknown>>();
  return {
    run(name, task) {
      const p = task()
        .catch((err) => logger.warn({ event: "background.failed", task: name, err: String((err as Error)?.message ?? err) }, "background task failed"))
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
  stop(): Promise<void>;
}

export async function startTrede(env: Env, options: { logger?: Logger; db?: Database; clock?: () => Date } = {}): Promise<Trede> {
  const logger = options.logger ?? createLogger({ level: env.LOG_LEVEL });
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

  const adapter = new TeamsAdapter(
    env.MICROSOFT_APP_ID
      ? {
          MicrosoftAppId: env.MICROSOFT_APP_ID,
          MicrosoftAppPassword: env.MICROSOFT_APP_PASSWORD,
          MicrosoftAppType: env.MICROSOFT_APP_TYPE,
          MicrosoftAppTenantId: env.MICROSOFT_APP_TENANT_ID,
        }
      : {},
  );
  const background = createBackground(logger);
  const deps = { prisma: db.prisma, sql: db.sql, logger, defaultLocale: env.DEFAULT_LOCALE, clock: options.clock ?? (() => new Date()), background };
  const review = { proactive: createProactive(adapter, env.MICROSOFT_APP_ID), texts: createRungTexts(ladders) };
  const model = modelConfig(env);
  const bot = createBotApplication({
    adapter,
    botAppId: env.MICROSOFT_APP_ID,
    deps,
    model: model && { planner: createPlanner({ config: model, promptsFolder: PROMPTS_DIR }), timeoutMs: model.timeoutMs },
    useCases: (structured) => {
      const question = answerQuestion({ model: structured });
      const note = startFromNote({ ladders, review, model: structured });
      return {
        debrief: debriefRoutes({ ladders, review }),
        review: reviewRoutes(review),
        caseload: caseloadRoutes({ model: structured }),
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
  logger.info({ event: "http.listening", url, database: db.kind, auth: env.MICROSOFT_APP_ID ? "on" : "local mode" }, "Trede is listening");

  let stopped = false;
  return {
    url,
    db,
    logger,
    idle: () => background.idle(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await background.idle();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      if (!options.db) await db.close();
    },
  };
}
