// The one place that reads process.env for the running bot. Parsed once at boot; every problem is listed.
import { isIP } from "node:net";
import { z } from "zod";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const Env = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().default("127.0.0.1"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATABASE_URL: z
      .string()
      .default("pglite:./data/pglite")
      .refine((v) => /^postgres(ql)?:\/\//.test(v) || v.startsWith("pglite:"), "must be postgres://… or pglite:<dir>"),
    /** PostgreSQL only: the owner role that applies migrations and grants DATABASE_URL's role its rights. */
    DATABASE_MIGRATION_URL: optional.refine(
      (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
      "must be postgres://… (the embedded database has one role)",
    ),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** Seed the demo municipality into an empty database at start. */
    SEED_DEMO: bool,
    DEFAULT_LOCALE: z.enum(["nl", "en"]).default("nl"),
    /** Nudges and digests at each team's day and hour: on by default in production (NODE_ENV=production). */
    SCHEDULER: z.enum(["on", "off"]).optional(),
    SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),

    // Bot Framework authentication: set all of these in production; none for local mode.
    MICROSOFT_APP_ID: optional,
    MICROSOFT_APP_PASSWORD: optional,
    MICROSOFT_APP_TYPE: z.enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"]).default("SingleTenant"),
    MICROSOFT_APP_TENANT_ID: optional,
    /** Comma-separated Entra tenant ids allowed to talk to the bot; empty = any. */
    ALLOWED_TENANT_IDS: csv,
    /** Lab only: serve without Bot Framework credentials on a non-loopback address (loudly logged). */
    ALLOW_UNAUTHENTICATED: bool,

    // Optional language model. Without it every feature runs on the deterministic path.
    OPENAI_API_KEY: optional,
    OPENAI_BASE_URL: optional,
    OPENAI_MODEL: z.string().default("gpt-4o-mini"),
    AZURE_OPENAI_ENDPOINT: optional,
    AZURE_OPENAI_API_KEY: optional,
    AZURE_OPENAI_DEPLOYMENT: optional,
    AZURE_OPENAI_API_VERSION: z.string().default("2024-10-21"),
    MODEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_MIGRATION_URL && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL))
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_MIGRATION_URL"],
        message: "needs DATABASE_URL=postgres://… (the application role); the embedded database has one role",
      });
    if (env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_PASSWORD && env.MICROSOFT_APP_TYPE !== "UserAssignedMSI")
      ctx.addIssue({
        code: "custom",
        path: ["MICROSOFT_APP_PASSWORD"],
        message: "required when MICROSOFT_APP_ID is set",
      });
    if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TYPE === "SingleTenant" && !env.MICROSOFT_APP_TENANT_ID)
      ctx.addIssue({ code: "custom", path: ["MICROSOFT_APP_TENANT_ID"], message: "required for a SingleTenant app" });
    if (env.AZURE_OPENAI_ENDPOINT && (!env.AZURE_OPENAI_API_KEY || !env.AZURE_OPENAI_DEPLOYMENT))
      ctx.addIssue({
        code: "custom",
        path: ["AZURE_OPENAI_ENDPOINT"],
        message: "needs AZURE_OPENAI_API_KEY and AZURE_OPENAI_DEPLOYMENT",
      });
  })
  .superRefine(
    (env, ctx) => {
      // values may be unparsed here (see `when`), so only a real `true` counts as the lab's consent
      const host = typeof env.HOST === "string" ? env.HOST : "";
      if (
        authMode({
          HOST: host,
          MICROSOFT_APP_ID: env.MICROSOFT_APP_ID,
          ALLOW_UNAUTHENTICATED: env.ALLOW_UNAUTHENTICATED === true,
        }) === "refused"
      )
        ctx.addIssue({ code: "custom", path: ["MICROSOFT_APP_ID"], message: UNAUTHENTICATED_EXPOSURE(host) });
    },
    // also when other variables are invalid: an unauthenticated public endpoint is listed with every other problem
    { when: () => true },
  );
export type Env = z.infer<typeof Env>;

export class ConfigError extends Error {}

const UNAUTHENTICATED_EXPOSURE = (host: string) =>
  `required when HOST (${JSON.stringify(host)}) is not a loopback address: without Bot Framework credentials ` +
  "(MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID) anyone who reaches the port can act as any user. " +
  "Set them, or listen on 127.0.0.1, or set ALLOW_UNAUTHENTICATED=true for a lab that nobody else can reach";

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and the name localhost: addresses no other machine can connect to. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  if (h === "localhost" || h === "localhost.") return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || h === "0:0:0:0:0:0:0:1" || /^::ffff:127\./.test(h);
  return false;
}

/**
 * How requests are authenticated. Without credentials the bot trusts whatever ids a caller claims, so that
 * is only allowed where no one else can connect (loopback), or in a lab that says so explicitly.
 */
export type AuthMode = "bot-framework" | "loopback" | "unauthenticated-lab" | "refused";
export function authMode(env: Pick<Env, "HOST" | "MICROSOFT_APP_ID" | "ALLOW_UNAUTHENTICATED">): AuthMode {
  if (env.MICROSOFT_APP_ID) return "bot-framework";
  if (isLoopbackHost(env.HOST)) return "loopback";
  return env.ALLOW_UNAUTHENTICATED ? "unauthenticated-lab" : "refused";
}

/** For a configuration that did not come through parseEnv: the same refusal, at start. */
export function assertAuthenticatedOrLoopback(env: Env): Exclude<AuthMode, "refused"> {
  const mode = authMode(env);
  if (mode === "refused") throw new ConfigError(`invalid configuration:\n  MICROSOFT_APP_ID: ${UNAUTHENTICATED_EXPOSURE(env.HOST)}`);
  return mode;
}

/** Parses the environment; throws one ConfigError that names every invalid variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = Env.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
  throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
}

export type ModelConfig =
  | { kind: "openai"; apiKey: string; model: string; endpoint?: string; timeoutMs: number }
  | { kind: "azure"; apiKey: string; endpoint: string; deployment: string; apiVersion: string; timeoutMs: number };

/** The configured language model, or undefined for the deterministic path. */
export function modelConfig(env: Env): ModelConfig | undefined {
  if (env.AZURE_OPENAI_ENDPOINT && env.AZURE_OPENAI_API_KEY && env.AZURE_OPENAI_DEPLOYMENT)
    return {
      kind: "azure",
      apiKey: env.AZURE_OPENAI_API_KEY,
      endpoint: env.AZURE_OPENAI_ENDPOINT,
      deployment: env.AZURE_OPENAI_DEPLOYMENT,
      apiVersion: env.AZURE_OPENAI_API_VERSION,
      timeoutMs: env.MODEL_TIMEOUT_MS,
    };
  if (env.OPENAI_API_KEY)
    return {
      kind: "openai",
      apiKey: env.OPENAI_API_KEY,
      model: env.OPENAI_MODEL,
      endpoint: env.OPENAI_BASE_URL,
      timeoutMs: env.MODEL_TIMEOUT_MS,
    };
  return undefined;
}
