// The embedded database in a worker thread: PGlite (PostgreSQL in WASM) executes every query on the
// thread that hosts it, so hosting it here keeps query execution off the bot's event loop (a second core
// on most machines). The bot's pg pool reaches it over a loopback socket, speaking the PostgreSQL wire
// protocol, so the app's code is the same as on a PostgreSQL server.
//
// The bridge hands PGlite everything a client sent up to its Sync or simple Query in one call (one pass
// of PGlite's main loop, one sync to disk), where @electric-sql/pglite-socket makes a call and a disk
// sync per protocol message: a parameterised query is four messages.
import net from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

export interface PgliteWorkerData {
  /** a data directory, or undefined for an in-memory database */
  dataDir: string | undefined;
}
export type PgliteWorkerMessage = { ready: string } | { failed: string } | { stopped: true };

const SSL_REQUEST = 80877103;
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

const { dataDir } = workerData as PgliteWorkerData;
const port = parentPort!;

/**
 * PGlite is one session: batches run one at a time, in arrival order, whichever socket sent them. The app
 * pool holds one connection; a second socket only appears when pg replaces a connection it dropped.
 */
class Session {
  private tail: Promise<unknown> = Promise.resolve();
  /** the socket whose batch ran last: only its departure may end an open transaction */
  private last: net.Socket | null = null;
  constructor(readonly pglite: PGlite) {}

  run<T>(socket: net.Socket | null, work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(() => {
      this.last = socket;
      return work();
    });
    this.tail = run.catch(() => {});
    return run;
  }

  left(socket: net.Socket) {
    void this.run(null, async () => {
      if (this.last === socket && this.pglite.isInTransaction()) await this.pglite.exec("ROLLBACK");
    }).catch(() => {});
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
        void session.run(socket, async () => socket.write(await pglite.execProtocolRaw(startup)));
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
  const pglite = await PGlite.create(dataDir);
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
