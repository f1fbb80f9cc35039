// Classifications out to CSV for reporting: pseudonymous keys by default (names only when asked for),
// the latest or every version per client, domain scores as columns. Audited.
import { ZRM_CODES } from "../../domain/ladder/zrm-domains.ts";
import type { ExportOptions } from "../../domain/export/ports.ts";
import { csvCell } from "../../domain/text/csv.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";

export type { ExportOptions } from "../../domain/export/ports.ts";

export const EXPORT_COLUMNS = [
  "external_key",
  "display_name",
  "team",
  "wijk",
  "coach",
  "birth_year",
  "observed_on",
  "profile",
  "version",
  "status",
  "rung",
  "substep",
  "proposed_rung",
  "proposed_substep",
  "rung5_reasons",
  "overridden",
  "expected_rung",
  "horizon_months",
  "growth_potential",
  "ontheffing",
  "outcome",
  "previous_rung",
  "confirmed_at",
  "reviewed_at",
] as const;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

const cell = csvCell;

export async function exportClassifications(prisma: PrismaClient, options: ExportOptions): Promise<{ csv: string; rows: number }> {
  const delimiter = options.delimiter ?? ";";
  const where: Prisma.ClassificationWhereInput = {
    ...(options.allVersions ? {} : { isLatest: true }),
    ...(options.from || options.to
      ? { observedOn: { ...(options.from ? { gte: options.from } : {}), ...(options.to ? { lte: options.to } : {}) } }
      : {}),
    client: {
      erasedAt: null,
      ...(options.team ? { team: { name: { equals: options.team, mode: "insensitive" } } } : {}),
    },
  };
  const rows = await prisma.classification.findMany({
    where,
    orderBy: [{ client: { externalKey: "asc" } }, { version: "asc" }],
    include: { client: { include: { team: true, coach: true } }, domainScores: true },
  });
  const domains = ZRM_CODES.filter((code) => rows.some((r) => r.domainScores.some((d) => d.domain === code)));
  const header = [...EXPORT_COLUMNS.filter((c) => c !== "display_name" || options.withNames), ...domains.map((d) => `zrm_${d}`)];
  const lines = [header.join(delimiter)];
  for (const r of rows) {
    const values: Record<string, unknown> = {
      external_key: r.client.externalKey,
      display_name: r.client.displayName,
      team: r.client.team.name,
      wijk: r.client.wijk,
      coach: r.client.coach?.displayName ?? "",
      birth_year: r.client.birthYear,
      observed_on: day(r.observedOn),
      profile: `${r.profileId}@${r.profileVersion}`,
      version: r.version,
      status: r.status,
      rung: r.finalRung,
      substep: r.finalSubstep,
      proposed_rung: r.proposedRung,
      proposed_substep: r.proposedSubstep,
      // every support that made it rung 5, so a report on a subgroup counts each client once per reason
      rung5_reasons: r.rung5Reasons.join("|"),
      overridden: r.overrideReason ? "ja" : "nee",
      expected_rung: r.expectedRung,
      horizon_months: r.horizonMonths,
      growth_potential: r.growthPotential.toLowerCase(),
      ontheffing: r.ontheffing ? "ja" : "nee",
      outcome: r.outcome,
      previous_rung: r.previousRung,
      confirmed_at: r.confirmedAt.toISOString(),
      reviewed_at: r.reviewedAt?.toISOString() ?? "",
    };
    const scores = new Map(r.domainScores.map((d) => [d.domain, d.score === null ? "nb" : d.score]));
    lines.push(
      [
        ...header.filter((h) => !h.startsWith("zrm_")).map((h) => cell(values[h], delimiter)),
        ...domains.map((d) => cell(scores.get(d) ?? "", delimiter)),
      ].join(delimiter),
    );
  }
  await recordAuditEvent(prisma, {
    actor: null,
    action: "export.classifications",
    details: {
      rows: rows.length,
      team: options.team ?? null,
      from: day(options.from ?? null),
      to: day(options.to ?? null),
      allVersions: Boolean(options.allVersions),
      withNames: Boolean(options.withNames),
      operator: options.operator,
    },
  });
  return { csv: `\uFEFF${lines.join("\r\n")}\r\n`, rows: rows.length };
}
