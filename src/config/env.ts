// The one place that reads process.env for the running bot. Parsed once at boot; every problem is listed.
import { z } from "zod";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean));
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
    DATABASE_MIGRATION_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), "must be postgres://… (the embedded database has one role)"),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** Seed the demo municipality into an empty database at start. */
    SEED_DEMO: bool,
    DEFAULT_LOCALE: z.enum(["nl", "en"]).default("nl"),

    // Bot Framework authentication: set all of these in production; none for local mode.
    MICROSOFT_APP_ID: optional,
    MICROSOFT_APP_PASSWORD: optional,
    MICROSOFT_APP_TYPE: z.enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"]).default("SingleTenant"),
    MICROSOFT_APP_TENANT_ID: optional,
    /** Comma-separated Entra tenant ids allowed to talk to the bot; empty = any. */
    ALLOWED_TENANT_IDS: csv,

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
      ctx.addIssue({ code: "custom", path: ["DATABASE_MIGRATION_URL"], message: "needs DATABASE_URL=postgres://… (the application role); the embedded database has one role" });
    if (env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_PASSWORD && env.MICROSOFT_APP_TYPE !== "UserAssignedMSI")
      ctx.addIssue({ code: "custom", path: ["MICROSOFT_APP_PASSWORD"], message: "required when MICROSOFT_APP_ID is set" });
    if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TYPE === "SingleTenant" && !env.MICROSOFT_APP_TENANT_ID)
      ctx.addIssue({ code: "custom", path: ["MICROSOFT_APP_TENANT_ID"], message: "required for a SingleTenant app" });
    if (env.AZURE_OPENAI_ENDPOINT && (!env.AZURE_OPENAI_API_KEY || !env.AZURE_OPENAI_DEPLOYMENT))
      ctx.addIssue({ code: "custom", path: ["AZURE_OPENAI_ENDPOINT"], message: "needs AZURE_OPENAI_API_KEY and AZURE_OPENAI_DEPLOYMENT" });
  });
export type Env = z.infer<typeof Env>;

export class ConfigError extends Error {}

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
    return { kind: "openai", apiKey: env.OPENAI_API_KEY, model: env.OPENAI_MODEL, endpoint: env.OPENAI_BASE_URL, timeoutMs: env.MODEL_TIMEOUT_MS };
  return undefined;
}
