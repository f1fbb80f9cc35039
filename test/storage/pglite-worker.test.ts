import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startPgliteWorker } from "../../src/storage/db/index.ts";
import { pgliteTarball } from "../support/database-templates.ts";
import { openEmptyPglite } from "../support/databases.ts";

// The embedded database is one PGlite session served to several pg connections by a worker thread.
describe("the embedded database's connection bridge", () => {
  let host: Awaited<ReturnType<typeof startPgliteWorker>>;
  const clients: pg.Client[] = [];
  const connect = async () => {
    const client = new pg.Client({ connectionString: `postgresql://postgres@${host.address}/postgres` });
    client.on("error", () => {});
    await client.connect();
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    host = await startPgliteWorker({ dataDir: undefined, loadDataDir: await pgliteTarball(false) });
    const setup = await connect();
    await setup.query(`CREATE TABLE visit (id int PRIMARY KEY)`);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
    await host?.stop();
  });

  it("answers many queries from several connections at once, each with its own result", async () => {
    const connections = await Promise.all([1, 2, 3, 4].map(connect));
    const answers = await Promise.all(
      Array.from({ length: 400 }, (_, i) => connections[i % 4].query(`SELECT $1::int * 2 AS n, $2::text AS s`, [i, `x${i}`])),
    );
    expect(answers.map((r) => r.rows[0])).toEqual(Array.from({ length: 400 }, (_, i) => ({ n: i * 2, s: `x${i}` })));
  });

  it("keeps an open transaction to its own connection: others wait for it and never see it half-done", async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    await a.query("BEGIN");
    await a.query("INSERT INTO visit VALUES (1)");
    let seenBeforeCommit: number | null = null;
    const reader = b.query("SELECT count(*)::int AS n FROM visit").then((r) => (seenBeforeCommit ??= r.rows[0].n));
    await a.query("INSERT INTO visit VALUES (2)"); // a's transaction goes on while b waits
    expect(seenBeforeCommit).toBeNull();
    await a.query("COMMIT");
    expect(await reader).toBe(2);
  });

  it("rolls back the transaction of a connection that went away, and serves the others on", async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    await a.query("BEGIN");
    await a.query("INSERT INTO visit VALUES (3)");
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect((await b.query("SELECT count(*)::int AS n FROM visit WHERE id = 3")).rows[0].n).toBe(0);
    await b.query("INSERT INTO visit VALUES (3)"); // not inside a's abandoned transaction
    expect((await (await connect()).query("SELECT count(*)::int AS n FROM visit WHERE id = 3")).rows[0].n).toBe(1);
  });

  it("lets the pool's connections prepare the same named statement in the one session", async () => {
    const db = await openEmptyPglite();
    try {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          db.sql.query<{ n: number }>({ name: "same_statement", text: "SELECT $1::int AS n", values: [i] }),
        ),
      );
      expect(answers.map((a) => a.rows[0].n)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    } finally {
      await db.close();
    }
  });
});
