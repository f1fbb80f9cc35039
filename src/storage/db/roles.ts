// Two database roles on PostgreSQL. The migration role owns the tables and applies prisma/migrations;
// the application role (DATABASE_URL) may read and write what the bot needs, and on the audit trail only
// read and append. Not owning any table, it cannot ALTER one, disable a trigger, or TRUNCATE; without
// superuser it cannot SET session_replication_role = replica either. The embedded database keeps one role.
import pg from "pg";
import type { Prisma } from "../../generated/prisma/client.ts";
import { openDatabase, type Database } from "./index.ts";
import { MIGRATION_LOCK_ID } from "./migrate.ts";

/** A setup problem the administrator must fix; the message says what to do. */
export class DatabaseSetupError extends Error {}

/** Tables the application role may read and append to, never change. */
const APPEND_ONLY = ['"AuditEvent"'];
/** Tables the application role may only read. */
const READ_ONLY = ['"AuditChainHead"', '"_prisma_migrations"'];

/** The role a postgres:// URL logs in as. */
export function roleOfUrl(url: string, variable = "DATABASE_URL"): string {
  let user = "";
  try {
    user = decodeURIComponent(new URL(url).username);
  } catch {}
  if (!user) throw new DatabaseSetupError(`${variable} must name the role it logs in as (postgres://<role>:<password>@host/db)`);
  return user;
}

export interface OwnerMigration {
  applied: string[];
  appRole: string;
  /** The application role did not exist and the migration role created it (with DATABASE_URL's password). */
  createdRole: boolean;
  /** Something the administrator should still change (e.g. CREATE on the schema granted to PUBLIC). */
  warnings: string[];
}

/**
 * Applies pending migrations as the owner (DATABASE_MIGRATION_URL), then grants the application role
 * (DATABASE_URL's user) exactly its rights, again after every migration, plus default privileges so tables
 * a later migration creates are covered too. Idempotent; safe for several instances at once.
 */
export async function migrateAsOwner(input: { migrationUrl: string; appUrl: string; dir?: string }): Promise<OwnerMigration> {
  if (!/^postgres(ql)?:\/\//.test(input.migrationUrl) || !/^postgres(ql)?:\/\//.test(input.appUrl))
    throw new DatabaseSetupError(
      "DATABASE_MIGRATION_URL is for PostgreSQL (both it and DATABASE_URL postgres://…); the embedded database has one role",
    );
  const appRole = roleOfUrl(input.appUrl);
  const owner = await openDatabase(input.migrationUrl, { poolSize: 2 });
  try {
    const [{ me, mayCreateRoles }] = await owner.prisma.$queryRawUnsafe<{ me: string; mayCreateRoles: boolean }[]>(
      `SELECT current_user::text AS "me", (rolsuper OR rolcreaterole) AS "mayCreateRoles" FROM pg_roles WHERE rolname = current_user`,
    );
    if (me === appRole)
      throw new DatabaseSetupError(
        `DATABASE_URL and DATABASE_MIGRATION_URL both log in as "${me}": the application needs a role of its own (docs/deployment.md)`,
      );
    const applied = await owner.migrate(input.dir);
    const createdRole = await owner.prisma.$transaction(async (tx) => {
      // instances starting together: one at a time (concurrent GRANTs on one object can fail)
      await tx.$executeRawUnsafe(`SELECT 1 FROM pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`);
      const exists = (await tx.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM pg_roles WHERE rolname = $1`, appRole)).length > 0;
      if (!exists) {
        if (!mayCreateRoles)
          throw new DatabaseSetupError(
            `the application role "${appRole}" does not exist; create it as an administrator: CREATE ROLE ${pg.escapeIdentifier(appRole)} LOGIN PASSWORD '…'`,
          );
        const password = decodeURIComponent(new URL(input.appUrl).password);
        await tx.$executeRawUnsafe(
          `CREATE ROLE ${pg.escapeIdentifier(appRole)} LOGIN${password ? ` PASSWORD ${pg.escapeLiteral(password)}` : ""}`,
        );
      }
      for (const sql of await grantStatements(tx, appRole)) await tx.$executeRawUnsafe(sql);
      return !exists;
    });
    const warnings: string[] = [];
    const [{ canCreate }] = await owner.prisma.$queryRawUnsafe<{ canCreate: boolean }[]>(
      `SELECT has_schema_privilege($1, current_schema(), 'CREATE') AS "canCreate"`,
      appRole,
    );
    if (canCreate)
      warnings.push(
        `the application role "${appRole}" may create tables in the schema (granted to PUBLIC before PostgreSQL 15): REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
      );
    return { applied, appRole, createdRole, warnings };
  } finally {
    await owner.close();
  }
}

/** The application role's rights, granted by the owner (in one transaction: no instance sees half of them). */
async function grantStatements(tx: Prisma.TransactionClient, appRole: string): Promise<string[]> {
  const role = pg.escapeIdentifier(appRole);
  const [{ schema }] = await tx.$queryRawUnsafe<{ schema: string }[]>(`SELECT current_schema()::text AS "schema"`);
  const s = pg.escapeIdentifier(schema);
  return [
    `GRANT USAGE ON SCHEMA ${s} TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${role}`,
    ...APPEND_ONLY.map((t) => `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${t} FROM ${role}`),
    ...READ_ONLY.map((t) => `REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${t} FROM ${role}`),
    // tables and sequences later migrations create (as this owner) are the application's to use as well;
    // a new append-only or read-only table must be added to the lists above
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
  ];
}

export interface PreparedDatabase {
  applied: string[];
  /** "embedded": PGlite, one role. "owner": migrated through DATABASE_MIGRATION_URL. "single-role": DATABASE_URL may change the schema. "application": checked only. */
  mode: "embedded" | "owner" | "single-role" | "application";
  /** The role DATABASE_URL logs in as owns the audit table or is a superuser: it could switch the audit trail off. */
  auditUnprotected: boolean;
  warnings: string[];
}

/**
 * Makes the database ready for the app before it serves. With DATABASE_MIGRATION_URL the owner migrates and
 * grants; otherwise a DATABASE_URL role that may change the schema migrates itself (the embedded database,
 * a development server, an existing single-role installation), and an application role without those
 * rights only checks: pending migrations stop the start with what to run.
 */
export async function prepareDatabase(
  db: Database,
  options: { url: string; migrationUrl?: string; dir?: string },
): Promise<PreparedDatabase> {
  if (db.kind === "pglite") {
    if (options.migrationUrl)
      throw new DatabaseSetupError("DATABASE_MIGRATION_URL is for PostgreSQL; the embedded database has one role (unset it)");
    return { applied: await db.migrate(options.dir), mode: "embedded", auditUnprotected: false, warnings: [] };
  }
  let applied: string[] = [];
  let warnings: string[] = [];
  let mode: PreparedDatabase["mode"] = "application";
  if (options.migrationUrl) {
    const migrated = await migrateAsOwner({
      migrationUrl: options.migrationUrl,
      appUrl: options.url,
      dir: options.dir,
    });
    ({ applied, warnings } = migrated);
    mode = "owner";
  }
  const [me] = await db.prisma.$queryRawUnsafe<{ role: string; superuser: boolean; canCreate: boolean; ownsAudit: boolean }[]>(
    `SELECT current_user::text AS "role", r.rolsuper AS "superuser", has_schema_privilege(current_schema(), 'CREATE') AS "canCreate",
            coalesce((SELECT pg_get_userbyid(c.relowner) = current_user FROM pg_class c WHERE c.oid = to_regclass('"AuditEvent"')), false) AS "ownsAudit"
     FROM pg_roles r WHERE r.rolname = current_user`,
  );
  if (mode === "application" && (me.canCreate || me.superuser)) {
    applied = await db.migrate(options.dir);
    mode = "single-role";
  }
  const pending = await db.pendingMigrations(options.dir);
  if (pending.length)
    throw new DatabaseSetupError(
      `the database is not migrated (${pending.join(", ")}) and DATABASE_URL's role "${me.role}" may not change it: run \`npm run trede -- db migrate\` with DATABASE_MIGRATION_URL set to the owner role, or set DATABASE_MIGRATION_URL for the app (docs/deployment.md)`,
    );
  const ownsAudit = mode === "single-role" ? await ownsAuditTable(db) : me.ownsAudit;
  return { applied, mode, auditUnprotected: me.superuser || ownsAudit, warnings };
}

async function ownsAuditTable(db: Database): Promise<boolean> {
  const [{ owns }] = await db.prisma.$queryRawUnsafe<{ owns: boolean }[]>(
    `SELECT coalesce((SELECT pg_get_userbyid(c.relowner) = current_user FROM pg_class c WHERE c.oid = to_regclass('"AuditEvent"')), false) AS "owns"`,
  );
  return owns;
}
