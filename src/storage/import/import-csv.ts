// Imports the municipality's clients and staff from CSV. Every row is validated first; with any invalid
// row nothing is written unless skipInvalid is set. Writes are batched and upsert on the external key, so
// re-importing the same file changes nothing. Each import is audited.
import { parse } from "csv-parse/sync";
import { ClientRow, mapHeader, StaffRow, type ImportKind, type RowProblem } from "../../domain/import/import-rows.ts";
import type { ImportOptions, ImportReport } from "../../domain/import/ports.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** Reads CSV text (UTF-8, with or without BOM, ';' or ',' separated) into rows keyed by field name. */
export function readCsv(kind: ImportKind, text: string): { rows: CsvRow[]; problems: RowProblem[] } {
  const clean = text.replace(/^\uFEFF/, "");
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records = parse(clean, {
    delimiter,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    trim: true,
  }) as {
    record: string[];
    info: { lines: number };
  }[];
  if (!records.length) return { rows: [], problems: [{ line: 1, column: "-", reason: "missing_column" }] };
  const [head, ...body] = records;
  const { fields, missing } = mapHeader(kind, head.record);
  const problems: RowProblem[] = missing.map((column) => ({ line: head.info.lines, column, reason: "missing_column" }));
  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    if (record.every((v) => v === "")) continue;
    if (record.length !== head.record.length) problems.push({ line: info.lines, column: "-", reason: "column_count" });
    const values: Record<string, string> = {};
    for (const [i, v] of record.entries()) {
      const field = fields[i];
      if (field) values[field] = v;
    }
    rows.push({ line: info.lines, values });
  }
  return { rows, problems };
}

export type { ImportOptions, ImportReport } from "../../domain/import/ports.ts";

const CHUNK = 1_000;

export async function importClients(prisma: PrismaClient, text: string, options: ImportOptions): Promise<ImportReport> {
  const { rows, problems } = readCsv("clients", text);
  const schema = ClientRow((options.today ?? new Date()).getUTCFullYear());
  const teams = new Map((await prisma.team.findMany()).map((t) => [t.name.toLowerCase(), t.id]));
  const staff = await prisma.staff.findMany({
    where: { roles: { has: "COACH" }, active: true },
    select: { id: true, aadObjectId: true, displayName: true },
  });
  const byAad = new Map(staff.map((s) => [s.aadObjectId.toLowerCase(), s.id]));
  const byName = new Map<string, string[]>();
  for (const s of staff) byName.set(s.displayName.toLowerCase(), [...(byName.get(s.displayName.toLowerCase()) ?? []), s.id]);

  const seen = new Map<string, number>();
  const valid: (ClientRow & { line: number; teamName: string; coachId: string | null })[] = [];
  const missingTeams = new Set<string>();
  for (const row of rows) {
    const parsed = schema.safeParse(row.values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ line: row.line, column: String(issue.path[0] ?? "-"), reason: issue.message });
      continue;
    }
    const r = parsed.data;
    const rowProblems: RowProblem[] = [];
    const earlier = seen.get(r.externalKey.toLowerCase());
    if (earlier) rowProblems.push({ line: row.line, column: "externalKey", reason: `duplicate_key:${earlier}` });
    seen.set(r.externalKey.toLowerCase(), row.line);
    if (!teams.has(r.team.toLowerCase())) {
      if (options.createTeams) missingTeams.add(r.team);
      else rowProblems.push({ line: row.line, column: "team", reason: "unknown_team" });
    }
    let coachId: string | null = null;
    if (r.coach) {
      const ids = byAad.has(r.coach.toLowerCase()) ? [byAad.get(r.coach.toLowerCase())!] : (byName.get(r.coach.toLowerCase()) ?? []);
      if (ids.length === 1) coachId = ids[0];
      else rowProblems.push({ line: row.line, column: "coach", reason: ids.length ? "ambiguous_coach" : "unknown_coach" });
    }
    if (rowProblems.length) problems.push(...rowProblems);
    else valid.push({ ...r, line: row.line, teamName: r.team, coachId });
  }
  const report: ImportReport = {
    rows: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    closed: 0,
    skipped: rows.length - valid.length,
    createdTeams: [],
    problems,
    written: false,
  };
  const blocked = problems.length > 0 && !options.skipInvalid;

  // compare against what is stored, one chunk of keys at a time
  const existing = new Map<
    string,
    {
      id: string;
      displayName: string;
      birthYear: number;
      wijk: string;
      teamId: string;
      coachId: string | null;
      active: boolean;
    }
  >();
  for (let i = 0; i < valid.length; i += CHUNK) {
    const keys = valid.slice(i, i + CHUNK).map((v) => v.externalKey);
    for (const c of await prisma.client.findMany({
      where: { externalKey: { in: keys } },
      select: {
        id: true,
        externalKey: true,
        displayName: true,
        birthYear: true,
        wijk: true,
        teamId: true,
        coachId: true,
        active: true,
      },
    }))
      existing.set(c.externalKey, c);
  }
  const teamId = (name: string) => teams.get(name.toLowerCase()) ?? `new:${name}`;
  const toCreate = valid.filter((v) => !existing.has(v.externalKey));
  const toUpdate = valid.filter((v) => {
    const e = existing.get(v.externalKey);
    if (!e) return false;
    return (
      e.displayName !== v.displayName ||
      e.birthYear !== v.birthYear ||
      e.wijk !== v.wijk ||
      e.teamId !== teamId(v.teamName) ||
      (v.coach !== undefined && e.coachId !== v.coachId) ||
      !e.active
    );
  });
  report.created = toCreate.length;
  report.updated = toUpdate.length;
  report.unchanged = valid.length - toCreate.length - toUpdate.length;
  report.createdTeams = [...missingTeams];
  let toClose: string[] = [];
  if (options.closeMissing) {
    const keep = new Set(valid.map((v) => v.externalKey));
    toClose = (await prisma.client.findMany({ where: { active: true, erasedAt: null }, select: { id: true, externalKey: true } }))
      .filter((c) => !keep.has(c.externalKey))
      .map((c) => c.id);
    report.closed = toClose.length;
  }
  if (blocked || options.dryRun) {
    await recordAuditEvent(prisma, {
      actor: null,
      action: options.dryRun ? "import.clients.dry_run" : "import.clients.refused",
      details: summary(report, options),
    });
    return report;
  }

  for (const name of missingTeams) teams.set(name.toLowerCase(), (await prisma.team.create({ data: { name } })).id);
  const total = toCreate.length + toUpdate.length;
  let done = 0;
  for (let i = 0; i < toCreate.length; i += CHUNK) {
    const chunk = toCreate.slice(i, i + CHUNK);
    await prisma.client.createMany({
      data: chunk.map((v) => ({
        externalKey: v.externalKey,
        displayName: v.displayName,
        birthYear: v.birthYear,
        wijk: v.wijk,
        teamId: teamId(v.teamName),
        coachId: v.coachId,
      })),
      skipDuplicates: true,
    });
    done += chunk.length;
    options.onProgress?.(done, total);
  }
  for (let i = 0; i < toUpdate.length; i += CHUNK) {
    const chunk = toUpdate.slice(i, i + CHUNK);
    await prisma.$transaction(
      chunk.map((v) =>
        prisma.client.update({
          where: { externalKey: v.externalKey },
          data: {
            displayName: v.displayName,
            birthYear: v.birthYear,
            wijk: v.wijk,
            teamId: teamId(v.teamName),
            ...(v.coach !== undefined ? { coachId: v.coachId } : {}),
            active: true,
            closedAt: null,
          },
        }),
      ),
    );
    done += chunk.length;
    options.onProgress?.(done, total);
  }
  if (toClose.length)
    await prisma.client.updateMany({
      where: { id: { in: toClose } },
      data: { active: false, closedAt: options.today ?? new Date() },
    });
  report.written = true;
  await recordAuditEvent(prisma, { actor: null, action: "import.clients", details: summary(report, options) });
  return report;
}

export async function importStaff(
  prisma: PrismaClient,
  text: string,
  options: ImportOptions & { tenantId: string },
): Promise<ImportReport> {
  const { rows, problems } = readCsv("staff", text);
  const teams = new Map((await prisma.team.findMany()).map((t) => [t.name.toLowerCase(), t.id]));
  const seen = new Map<string, number>();
  const valid: (StaffRow & { line: number })[] = [];
  const missingTeams = new Set<string>();
  for (const row of rows) {
    const parsed = StaffRow.safeParse(row.values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ line: row.line, column: String(issue.path[0] ?? "-"), reason: issue.message });
      continue;
    }
    const r = parsed.data;
    const earlier = seen.get(r.aadObjectId.toLowerCase());
    if (earlier) problems.push({ line: row.line, column: "aadObjectId", reason: `duplicate_key:${earlier}` });
    else if (r.team && !teams.has(r.team.toLowerCase()) && !options.createTeams)
      problems.push({ line: row.line, column: "team", reason: "unknown_team" });
    else {
      if (r.team && !teams.has(r.team.toLowerCase())) missingTeams.add(r.team);
      valid.push({ ...r, line: row.line });
    }
    seen.set(r.aadObjectId.toLowerCase(), row.line);
  }
  const existing = new Map(
    (
      await prisma.staff.findMany({
        where: { tenantId: options.tenantId, aadObjectId: { in: valid.map((v) => v.aadObjectId.toLowerCase()) } },
      })
    ).map((s) => [s.aadObjectId, s]),
  );
  const report: ImportReport = {
    rows: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    closed: 0,
    skipped: rows.length - valid.length,
    createdTeams: [...missingTeams],
    problems,
    written: false,
  };
  const changes = valid.filter((v) => {
    const e = existing.get(v.aadObjectId.toLowerCase());
    if (!e) {
      report.created++;
      return true;
    }
    const same =
      e.displayName === v.displayName &&
      [...e.roles].sort().join() === [...v.roles].sort().join() &&
      e.teamId === (v.team ? teams.get(v.team.toLowerCase()) : null) &&
      e.active;
    if (same) report.unchanged++;
    else report.updated++;
    return !same;
  });
  if ((problems.length && !options.skipInvalid) || options.dryRun) {
    await recordAuditEvent(prisma, {
      actor: null,
      action: options.dryRun ? "import.staff.dry_run" : "import.staff.refused",
      details: summary(report, options),
    });
    return report;
  }
  await prisma.$transaction(async (tx) => {
    for (const name of missingTeams) teams.set(name.toLowerCase(), (await tx.team.create({ data: { name } })).id);
    for (const v of changes) {
      const data = {
        displayName: v.displayName,
        roles: v.roles,
        teamId: v.team ? teams.get(v.team.toLowerCase())! : null,
        active: true,
      };
      await tx.staff.upsert({
        where: { tenantId_aadObjectId: { tenantId: options.tenantId, aadObjectId: v.aadObjectId.toLowerCase() } },
        create: { tenantId: options.tenantId, aadObjectId: v.aadObjectId.toLowerCase(), ...data },
        update: data,
      });
    }
    await recordAuditEvent(tx, { actor: null, action: "import.staff", details: summary(report, options) });
  });
  report.written = true;
  return report;
}

function summary(report: ImportReport, options: ImportOptions) {
  const { problems, ...counts } = report;
  return {
    ...counts,
    problems: problems.length,
    operator: options.operator,
    skipInvalid: Boolean(options.skipInvalid),
    closeMissing: Boolean(options.closeMissing),
  };
}
