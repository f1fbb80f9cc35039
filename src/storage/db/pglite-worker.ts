// The embedded database in a worker thread: PGlite (PostgreSQL in WASM) executes every query on the
// thread that hosts it, so hosting it here keeps query execution off the bot's event loop (a second core
// on most machines). The bot's pg pool reaches it over a loopback socket, speaking the PostgreSQL wire
// protocol, so the app's code is the same as on a PostgreSQL server.
//
// The bridge hands PGlite everything a client sent up to its Sync or simple Query in one call (one pass
// of PGlite's main loop, one sync to disk), where @electric-sql/pglite-socket makes a call and a disk
// sync per protocol message: a parameterised query is four messages.
import { readFile } from "node:fs/promises";
import net from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

export interface PgliteWorkerData {
  /** a data directory, or undefined for an in-memory database */
  dataDir: string | undefined;
  /**
   * In memory only: start from this `dumpDataDir` tarball instead of an empty cluster (skips initdb, most
   * of PGlite's start-up; tests start from a database migrated once).
   */
  loadDataDir?: string;
}
export type PgliteWorkerMessage = { ready: string } | { failed: string } | { stopped: true };

const SSL_REQUEST = 80877103;
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

const { dataDir, loadDataDir } = workerData as PgliteWorkerData;
const port = parentPort!;

interface Batch {
  socket: net.Socket | null;
  work: () => Promise<void>;
  done: { resolve: () => void; reject: (e: unknown) => void };
}

/**
 * PGlite is one session shared by every socket of the app's pool: batches run one at a time, in arrival
 * order, so the bot can have several queries under way while PGlite works through them. Each batch ends
 * at a Sync, so no two sockets' statements interleave; while one socket's transaction is open, only
 * that socket's batches run, and if it goes away inside one, the transaction is rolled back.
 */
class Session {
  private readonly queue: Batch[] = [];
  private running = false;
  private owner: net.Socket | null = null; // the socket whose transaction is open
  constructor(readonly pglite: PGlite) {}

  /** `socket` null: the session's own work (clean-up, shutdown), which may run inside any transaction. */
  run(socket: net.Socket | null, work: () => Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ socket, work, done: { resolve, reject } });
      void this.drain();
    });
  }

  left(socket: net.Socket) {
    void this.run(null, async () => {
      if (this.owner === socket && this.pglite.isInTransaction()) await this.pglite.exec("ROLLBACK");
    }).catch(() => {});
  }

  private async drain() {
    if (this.running) return;
    this.running = true;
    for (;;) {
      const at = this.owner ? this.queue.findIndex((b) => b.socket === this.owner || b.socket === null) : 0;
      if (at < 0 || at >= this.queue.length) break;
      const [batch] = this.queue.splice(at, 1);
      try {
        await batch.work();
        batch.done.resolve();
      } catch (e) {
        batch.done.reject(e);
      }
      this.owner = this.pglite.isInTransaction() ? (batch.socket ?? this.owner) : null;
    }
    this.running = false;
  }
}

function serve(session: Session, socket: net.Socket) {
  const { pglite } = session;
  socket.setNoDelay(true);
  let buffered = Buffer.alloc(0);
  let started = false; // the startup message has no type byte; every later message has one
  socket.on("data", (chunk) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    let end = 0; // end of the complete messages that can be handed over together
    for (let at = 0; ; ) {
      if (!started) {
        if (buffered.length < 8) break;
        const length = buffered.readInt32BE(0);
        if (buffered.length < length) break;
        if (buffered.readInt32BE(4) === SSL_REQUEST) {
          socket.write("N"); // no TLS on loopback
          buffered = buffered.subarray(length);
          continue;
        }
        started = true;
        const startup = buffered.subarray(0, length);
        buffered = buffered.subarray(length);
        void session.run(socket, async () => void socket.write(await pglite.execProtocolRaw(startup))).catch(() => socket.destroy());
        continue;
      }
      if (buffered.length < at + 5) break;
      const next = at + 1 + buffered.readInt32BE(at + 1);
      if (buffered.length < next) break;
      const type = buffered[at];
      at = next;
      if (type === SYNC || type === QUERY || type === TERMINATE) end = at;
    }
    if (!started || end === 0) return;
    const batch = buffered.subarray(0, end);
    buffered = buffered.subarray(end);
    void session
      .run(socket, async () => {
        const reply = await pglite.execProtocolRaw(batch);
        if (reply.length && socket.writable) socket.write(reply);
      })
      .catch(() => socket.destroy());
  });
  // a client that went away inside a transaction must not leave the one session in it
  socket.on("close", () => session.left(socket));
  socket.on("error", () => socket.destroy());
}

try {
  const pglite =
    loadDataDir && !dataDir ? await PGlite.create({ loadDataDir: new Blob([await readFile(loadDataDir)]) }) : await PGlite.create(dataDir);
  const session = new Session(pglite);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket.once("close", () => sockets.delete(socket)));
    serve(session, socket);
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", () => resolve()));
  port.once("message", async () => {
    const closed = new Promise((resolve) => server.close(resolve));
    for (const socket of sockets) socket.destroy();
    await closed;
    await session.run(null, () => pglite.close());
    port.postMessage({ stopped: true } satisfies PgliteWorkerMessage);
  });
  const { port: listening } = server.address() as net.AddressInfo;
  port.postMessage({ ready: `127.0.0.1:${listening}` } satisfies PgliteWorkerMessage);
} catch (e) {
  port.postMessage({ failed: String((e as Error)?.stack ?? e) } satisfies PgliteWorkerMessage);
}
