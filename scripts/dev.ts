// npm start: the bot on the embedded database (migrated, demo municipality seeded on first start) plus the
// Microsoft 365 Agents Playground as a Teams-like client: one per role (coach, team lead, supervisor).
// Ctrl-C stops everything.
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
  for (let i = 0; i < 900; i++) {
    if (
      await fetch(`${botUrl}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the bot did not become ready at ${botUrl}/readyz within 180 s`);
}

// One playground per role, each on its own port: the playground has no user switcher (its `users:` list is
// mock data for Teams APIs), so a person picks a role by opening that role's page.
const ROLES = {
  coach: { staff: DEMO_STAFF.coachSanne, label: "coach", try: "verslag · meldingen nu (this week's nudge) · hulp" },
  teamlead: {
    staff: DEMO_STAFF.leadMarieke,
    label: "team lead",
    try: "wie op trede 1 gaat naar verwachting stijgen? · meldingen nu (the weekly digest)",
  },
  supervisor: { staff: DEMO_STAFF.supervisorJeroen, label: "supervisor", try: "beoordelen" },
} as const;
type Role = keyof typeof ROLES;

function chosenRoles(argv: string[]): Role[] {
  const i = argv.indexOf("--as");
  if (i === -1) return Object.keys(ROLES) as Role[];
  const wanted = argv[i + 1] as Role | undefined;
  if (!wanted || !(wanted in ROLES)) {
    console.error(`npm start -- --as <role>: role is one of ${Object.keys(ROLES).join(", ")}`);
    process.exit(2);
  }
  return [wanted];
}

const roles = chosenRoles(process.argv.slice(2));
const playgrounds: { role: Role; url: string; stop(): Promise<void> }[] = [];
try {
  await waitForBot();
} catch (e) {
  console.error((e as Error).message);
  await stop(1);
}
const everyone = Object.values(DEMO_STAFF).map((s) => ({ aadObjectId: s.aadObjectId, name: s.displayName }));
const firstPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
for (const role of roles) {
  const me = ROLES[role].staff;
  const dir = path.resolve("data/playground", role);
  const configFile = writePlaygroundConfig(dir, {
    tenantId: DEMO_TENANT_ID,
    currentUser: { aadObjectId: me.aadObjectId, name: me.displayName },
    users: everyone.filter((u) => u.aadObjectId !== me.aadObjectId).slice(0, 5),
    chatId: role,
  });
  try {
    const p = await startPlayground({
      configFile,
      botEndpoint: `${botUrl}/api/messages`,
      cwd: dir,
      port: firstPort + (Object.keys(ROLES) as Role[]).indexOf(role),
    });
    playgrounds.push({ role, url: p.url, stop: p.stop });
  } catch (e) {
    console.error((e as Error).message);
    await stop(1);
  }
}
const width = Math.max(...roles.map((r) => ROLES[r].label.length));
console.log(
  [
    "",
    `  Trede is running at ${botUrl}/api/messages (embedded database in ./data)`,
    "  Open the Agents Playground of the role you want to try (one page per role):",
    ...playgrounds.map(
      ({ role, url }) => `    ${ROLES[role].label.padEnd(width)}  ${url}   ${ROLES[role].staff.displayName} — try: ${ROLES[role].try}`,
    ),
    "  `npm start -- --as coach|teamlead|supervisor` starts only that role's playground.",
    "  Ctrl-C stops everything.",
    "",
  ].join("\n"),
);

async function stop(code = 0) {
  if (stopping && code === 0) return;
  stopping = true;
  await Promise.all(playgrounds.map((p) => p.stop().catch(() => {})));
  if (bot.exitCode === null) {
    bot.kill("SIGTERM"); // the bot closes the embedded database cleanly
    await new Promise((r) => bot.once("exit", r));
  }
  process.exit(code);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
