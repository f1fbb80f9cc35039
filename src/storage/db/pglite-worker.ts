// The embedded database in a worker thread: PGlite (PostgreSQL in WASM) executes every query on the
// thread that hosts it, so hosting it here keeps query execution off the bot's event loop (a second core
// on most machines). The bot reaches it over the same loopback socket as before; see openDatabase.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface PgliteWorkerData {
  /** a data directory, or undefined for an in-memory database */
  dataDir: string | undefined;
}
export type PgliteWorkerMessage = { ready: string } | { failed: string } | { stopped: true };

const { dataDir } = workerData as PgliteWorkerData;
const port = parentPort!;
try {
  const pglite = await PGlite.create(dataDir);
  // pg's pool destroys a client whose query failed and connects again at once, before the server has
  // seen the old socket close; with the default maxConnections (1) that reconnect is refused and the
  // next query fails with "Connection terminated unexpectedly". The pool still has one client at a time.
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 4 });
  await server.start();
  port.once("message", async () => {
    await server.stop();
    await pglite.close();
    port.postMessage({ stopped: true } satisfies PgliteWorkerMessage);
  });
  port.postMessage({ ready: server.getServerConn() } satisfies PgliteWorkerMessage);
} catch (e) {
  port.postMessage({ failed: String((e as Error)?.stack ?? e) } satisfies PgliteWorkerMessage);
}
