// Database administration: migrations as the owner role, and the audit chain check.
import { recordAuditEvent } from "../../storage/audit/record-audit-event.ts";
import { verifyAuditChain } from "../../storage/audit/verify-audit-chain.ts";
import { openDatabase } from "../../storage/db/index.ts";
import { DatabaseSetupError, migrateAsOwner } from "../../storage/db/roles.ts";
import { CliUsageError, type CliCommand } from "../command.ts";
import { withDatabase } from "../with-database.ts";

export const dbCommand: CliCommand = {
  summary: "db migrate (as DATABASE_MIGRATION_URL's owner role; grants DATABASE_URL's role its rights)",
  async run(args, io) {
    if (args[0] !== "migrate") throw new CliUsageError(`usage: npm run trede -- ${this.summary}`);
    const url = io.env.DATABASE_URL || "pglite:./data/pglite";
    const migrationUrl = io.env.DATABASE_MIGRATION_URL || undefined;
    try {
      if (migrationUrl) {
        const r = await migrateAsOwner({ migrationUrl, appUrl: url });
        io.stdout.write(`${r.applied.length ? `applied: ${r.applied.join(", ")}` : "no pending migrations"}\n`);
        io.stdout.write(
          `application role "${r.appRole}"${r.createdRole ? " created and" : ""} granted: read and write, audit trail read and append only\n`,
        );
        for (const warning of r.warnings) io.stderr.write(`warning: ${warning}\n`);
        return 0;
      }
      // one role (the embedded database, a development server): the DATABASE_URL role migrates itself
      const db = await openDatabase(url);
      try {
        const applied = await db.migrate();
        io.stdout.write(`${applied.length ? `applied: ${applied.join(", ")}` : "no pending migrations"}\n`);
        if (db.kind === "postgres")
          io.stderr.write(
            "warning: one role owns the tables and runs the app; see docs/deployment.md for an application role (DATABASE_MIGRATION_URL)\n",
          );
        return 0;
      } finally {
        await db.close();
      }
    } catch (e) {
      if (e instanceof DatabaseSetupError) throw new CliUsageError(e.message);
      throw e;
    }
  },
};

const PROBLEMS = {
  hash: "its content does not match its hash (changed after it was written)",
  link: "it does not link to the row before it (a row before it was removed or changed)",
  unhashed: "it has no hash (written with the chain trigger switched off)",
  tail: "the chain head names a later row (rows were removed from the end)",
  head: "the chain head does not match the last row",
} as const;

export const auditCommand: CliCommand = {
  summary: "audit verify (checks the audit trail's hash chain; exit code 1 when broken)",
  async run(args, io) {
    if (args[0] !== "verify") throw new CliUsageError(`usage: npm run trede -- ${this.summary}`);
    const report = await withDatabase(io, async (db) => {
      const r = await verifyAuditChain(db.prisma);
      await recordAuditEvent(db.prisma, {
        actor: null,
        action: "audit.verified",
        details: { ok: r.ok, rows: r.rows, brokenAt: r.ok ? null : r.brokenAt, operator: io.env.USER || "cli" },
      });
      return r;
    });
    if (report.ok) {
      io.stdout.write(`OK: ${report.rows} audit rows, chain intact; last row ${report.lastId ?? "-"}, head hash ${report.headHash}\n`);
      return 0;
    }
    io.stdout.write(
      `BROKEN at audit row ${report.brokenAt}: ${PROBLEMS[report.problem]}; ${report.rows - (report.problem === "tail" || report.problem === "head" ? 0 : 1)} rows before it are intact\n`,
    );
    return 1;
  },
};
