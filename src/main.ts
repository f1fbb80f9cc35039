// Composition root of the bot process: parse the configuration once, start, stop cleanly on a signal.
import { ConfigError, parseEnv } from "./config/env.ts";

let env: ReturnType<typeof parseEnv>;
try {
  env = parseEnv(process.env);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(78); // EX_CONFIG
}
// loaded after the configuration is known to be valid: a refused start answers at once, without first
// loading the bot, the database driver and the model client
const { startTrede } = await import("./start-trede.ts");
const { DatabaseSetupError } = await import("./storage/db/roles.ts");
const trede = await startTrede(env).catch((e) => {
  if (!(e instanceof DatabaseSetupError)) throw e;
  console.error(e.message); // what the administrator must do (e.g. run `trede db migrate`), no stack trace
  process.exit(78);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  trede.logger.info({ event: "shutdown", signal }, "stopping");
  // an embedded PGlite must be closed cleanly, or its data directory needs recovery at the next start
  await trede.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
