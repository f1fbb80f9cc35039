// What `npm run package` needs from the environment to build the Teams app package. Ids are never committed.
import { z } from "zod";

const https = z.url({ protocol: /^https$/, message: "must be an https:// URL" });

export const AppPackageEnv = z.object({
  MICROSOFT_APP_ID: z.uuid({ message: "must be the Entra app (client) id of the Azure Bot, a GUID" }),
  BOT_DOMAIN: z
    .string({ message: "required: the bot's public host name, e.g. trede.gemeente.nl" })
    .regex(/^(?!https?:)[a-z0-9.-]+\.[a-z]{2,}$/i, "must be a host name without scheme, e.g. trede.gemeente.nl"),
  PRIVACY_URL: https,
  TERMS_URL: https,
  DEVELOPER_NAME: z.string().min(1).max(32).default("Gemeente"),
  DEVELOPER_WEBSITE_URL: https.optional(),
  APP_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, "must look like 1.2.3")
    .optional(),
});
export type AppPackageEnv = z.infer<typeof AppPackageEnv>;

export function parseAppPackageEnv(env: NodeJS.ProcessEnv): { ok: true; value: AppPackageEnv } | { ok: false; problems: string[] } {
  const blank = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const r = AppPackageEnv.safeParse(blank);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    problems: r.error.issues.map(
      (i) => `${i.path.join(".")}: ${i.code === "invalid_type" && i.input === undefined ? "required" : i.message}`,
    ),
  };
}
