// npm run package — writes build/trede-<version>.zip (manifest.json + icons) with the bot's app id and
// URLs from the environment, validated against the Teams manifest schema. Refuses with a clear list of
// what is missing.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseAppPackageEnv } from "../src/config/app-package.ts";
import { validateTeamsManifest } from "./lib/teams-manifest.ts";
import { writeZip } from "./lib/zip.ts";

const parsed = parseAppPackageEnv(process.env);
if (!parsed.ok) {
  console.error(`Cannot build the Teams app package; set these environment variables:\n${parsed.problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(2);
}
const env = parsed.value;
const version = env.APP_VERSION ?? JSON.parse(readFileSync("package.json", "utf8")).version;
const values: Record<string, string> = {
  MICROSOFT_APP_ID: env.MICROSOFT_APP_ID,
  BOT_DOMAIN: env.BOT_DOMAIN,
  PRIVACY_URL: env.PRIVACY_URL,
  TERMS_URL: env.TERMS_URL,
  DEVELOPER_NAME: env.DEVELOPER_NAME,
  DEVELOPER_WEBSITE_URL: env.DEVELOPER_WEBSITE_URL ?? `https://${env.BOT_DOMAIN}`,
  APP_VERSION: version,
};
const template = readFileSync("manifest/manifest.json", "utf8");
const filled = template.replace(/\$\{\{(\w+)\}\}/g, (_, key: string) => {
  if (!(key in values)) throw new Error(`manifest placeholder \${{${key}}} has no value`);
  return values[key];
});
const manifest = JSON.parse(filled);
const problems = validateTeamsManifest(manifest);
if (problems.length) {
  console.error(`The filled manifest is not valid:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
mkdirSync("build", { recursive: true });
const out = path.join("build", `trede-${version}.zip`);
writeFileSync(
  out,
  writeZip([
    { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest, null, 2)) },
    { name: "color.png", data: readFileSync("manifest/color.png") },
    { name: "outline.png", data: readFileSync("manifest/outline.png") },
  ]),
);
console.log(`wrote ${out} (app id ${env.MICROSOFT_APP_ID}, endpoint https://${env.BOT_DOMAIN}/api/messages)`);
