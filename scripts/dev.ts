// npm start: the bot on the embedded database (migrated, demo municipality seeded on first start) plus the
// Microsoft 365 Agents Playground as a Teams-like client, with demo staff as its users. Ctrl-C stops both.
import { spawn } from "node:child_process";
import path from "node:path";
import { DEMO_STAFF, DEMO_TENANT_ID } from "../src/storage/seed/demo-staff.ts";
import { startPlayground, writePlaygroundConfig } from "./lib/playground.ts";

const port = Number(process.env.PORT ?? 3978);
const botUrl = `http://127.0.0.1:${port}`;
const bot = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
  env: { ...process.env, SEED_DEMO: process.env.SEED_DEMO ?? "true", HOST: "127.0.0.1", PORT: String(port) },
  stdio: ["ignore", "inherit", "inherit"],
});
let stopping = false;
bot.on("exit", (code) => {
  if (!stopping) {
    console.error(`the bot stopped (exit ${code}); see the log lines above`);
    void stop(1);
  }
});

async function waitForBot(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${botUrl}/readyz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the bot did not become ready at ${botUrl}/readyz within 60 s`);
}

let playground: Awaited<ReturnType<typeof startPlayground>> | undefined;
try {
  await waitForBot();
} catch (e) {
  console.error((e as Error).message);
  await stop(1);
}
const dir = path.resolve("data/playground");
const configFile = writePlaygroundConfig(dir, {
  tenantId: DEMO_TENANT_ID,
  currentUser: { aadObjectId: DEMO_STAFF.coachSanne.aadObjectId, name: DEMO_STAFF.coachSanne.displayName },
  users: [DEMO_STAFF.leadMarieke, DEMO_STAFF.supervisorJeroen, DEMO_STAFF.coachAhmed, DEMO_STAFF.coachLotte, DEMO_STAFF.supervisorAnouk].map((s) => ({
    aadObjectId: s.aadObjectId,
    name: s.displayName,
  })),
});
try {
  playground = await startPlayground({ configFile, botEndpoint: `${botUrl}/api/messages`, cwd: dir, port: Number(process.env.PLAYGROUND_PORT ?? 56150) });
} catch (e) {
  console.error((e as Error).message);
  await stop(1);
}
console.log(
  [
    "",
    `  Trede is running at ${botUrl}/api/messages (embedded database in ./data)`,
    `  Open the Agents Playground: ${playground!.url}`,
    `  You are ${DEMO_STAFF.coachSanne.displayName} (coach). Switch user in the playground to talk as`,
    `  ${DEMO_STAFF.leadMarieke.displayName} (team lead) or ${DEMO_STAFF.supervisorJeroen.displayName} (supervisor).`,
    "  Try: verslag · wie op trede 1 gaat naar verwachting stijgen? · beoordelen · hulp",
    "  Ctrl-C stops both.",
    "",
  ].join("\n"),
);

async function stop(code = 0) {
  if (stopping && code === 0) return;
  stopping = true;
  await playground?.stop().catch(() => {});
  if (bot.exitCode === null) {
    bot.kill("SIGTERM"); // the bot closes the embedded database cleanly
    await new Promise((r) => bot.once("exit", r));
  }
  process.exit(code);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
