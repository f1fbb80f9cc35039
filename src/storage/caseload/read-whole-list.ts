// Every member of a list answer (a list, movement or the review list), in the answer's order: what the
// "Meer" pages show one after another, read in larger pages for an export. Same query, same scope.
import type { CaseloadScope } from "../../domain/access/actor.ts";
import type { CaseloadQuery } from "../../domain/caseload/caseload-query.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { executeCaseloadQuery, type ClientLine } from "./execute-caseload-query.ts";

const EXPORT_PAGE = 500;
/** More than any caseload; an export stops here rather than run without end. */
export const EXPORT_MAX = 20_000;

export async function readWholeList(
  prisma: PrismaClient,
  input: { query: CaseloadQuery; scope: CaseloadScope; askerStaffId: string; today: Date },
): Promise<{ lines: (ClientLine & { confirmedAt?: Date })[]; total: number }> {
  const lines: (ClientLine & { confirmedAt?: Date })[] = [];
  let total = 0;
  for (let page = 0; page * EXPORT_PAGE < EXPORT_MAX; page++) {
    const result = await executeCaseloadQuery(prisma, { ...input, page, pageSize: EXPORT_PAGE });
    if (!("lines" in result)) return { lines: [], total: 0 };
    total = result.total;
    lines.push(...result.lines);
    if (result.lines.length < EXPORT_PAGE || lines.length >= total) break;
  }
  return { lines, total };
}
