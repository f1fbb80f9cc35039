// "Exporteer CSV" under a list answer: the list's members, all pages, same query, re-scoped to whoever
// asks, as a CSV file for their own use. Teams delivers files from a bot in a personal chat through a
// file consent card: the person accepts, Teams gives an upload URL in their OneDrive, Trede uploads the
// file there and shows it as a file card. (A data: URI or text/csv attachment is not rendered by Teams.)
// The list is read again on acceptance, so what lands in the file is what the person may see at that
// moment; the consent card carries only the query, never a name. Every export is audited with the kind,
// the filter, the count and the client ids.
import { z } from "zod";
import { caseloadScopeOf } from "../../domain/access/actor.ts";
import { caseloadCsv, csvFileName } from "../../domain/caseload/caseload-csv.ts";
import { CaseloadQuery, isListQuery } from "../../domain/caseload/caseload-query.ts";
import type { Locale } from "../../i18n/locale.ts";
import { t } from "../../i18n/messages.ts";
import { readableRows } from "../client-access.ts";
import type { RouteRegistrar } from "../routes.ts";
import type { Turn } from "../turn.ts";
import { t as catalogue } from "../../i18n/catalogue/index.ts";

export const ExportSubmit = z.object({
  verb: z.literal("caseload.export"),
  query: z.string().max(8_000),
  locale: z.enum(["nl", "en"]).optional(),
});

const ConsentContext = z.object({ query: z.string().max(8_000), locale: z.enum(["nl", "en"]) });
export const FileConsentValue = z.object({
  type: z.literal("fileUpload"),
  action: z.enum(["accept", "decline"]),
  context: z.unknown().optional(),
  uploadInfo: z
    .object({
      name: z.string().max(200),
      uploadUrl: z.string().url().max(4_000),
      contentUrl: z.string().url().max(4_000),
      uniqueId: z.string().max(200),
      fileType: z.string().max(20).optional(),
    })
    .optional(),
});

export function caseloadExportRoutes(r: RouteRegistrar): void {
  r.submit("caseload.export", offer);
  r.invoke("fileConsent/invoke", deliver);
}

function listQuery(json: string): CaseloadQuery | null {
  try {
    const q = CaseloadQuery.safeParse(JSON.parse(json));
    return q.success && isListQuery(q.data) ? q.data : null;
  } catch {
    return null;
  }
}

/** Reads the whole list for whoever clicked, with the one access check that also records the read. */
async function members(turn: Turn, query: CaseloadQuery, via: string | null) {
  const { lines } = await turn.deps.store.caseload.wholeList({
    query,
    scope: caseloadScopeOf(turn.actor),
    askerStaffId: turn.actor.staffId,
    today: turn.deps.clock(),
  });
  return via ? readableRows(turn, lines, (l) => l.clientId, { via }) : lines;
}

async function offer(turn: Turn): Promise<void> {
  const parsed = ExportSubmit.safeParse(turn.context.activity.value);
  const query = parsed.success ? listQuery(parsed.data.query) : null;
  if (!parsed.success || !query) {
    await turn.deps.store.audit.refusal({ actor: turn.actor, reason: "invalid_caseload_export" });
    await turn.context.sendActivity(t(turn.locale).staleCard);
    return;
  }
  const locale: Locale = parsed.data.locale ?? turn.locale;
  // read only to size the file; nothing is shown or sent yet, so nothing is recorded as read
  const lines = await members(turn, query, null);
  if (!lines.length) {
    await turn.context.sendActivity(catalogue(locale).caseloadExport.empty);
    return;
  }
  const csv = caseloadCsv(lines, locale);
  const context = { query: JSON.stringify(query), locale };
  await turn.context.sendActivity({
    attachments: [
      {
        contentType: "application/vnd.microsoft.teams.card.file.consent",
        name: csvFileName(turn.deps.clock(), locale),
        content: {
          description: catalogue(locale).caseloadExport.description(lines.length),
          sizeInBytes: Buffer.byteLength(csv),
          acceptContext: context,
          declineContext: context,
        },
      },
    ],
  });
}

/** Teams' upload URL is an https OneDrive upload session; plain http only on this machine (tests, the playground). */
function uploadAllowed(url: string): boolean {
  const u = new URL(url);
  return u.protocol === "https:" || (u.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname));
}

async function deliver(turn: Turn): Promise<void> {
  const { context, deps } = turn;
  const ok = () => context.sendActivity({ type: "invokeResponse", value: { status: 200, body: {} } });
  const value = FileConsentValue.safeParse(context.activity.value);
  const consent = value.success ? ConsentContext.safeParse(value.data.context) : null;
  const locale: Locale = consent?.success ? consent.data.locale : turn.locale;
  if (value.success && value.data.action === "decline") {
    await context.sendActivity(catalogue(locale).caseloadExport.declined);
    return void (await ok());
  }
  const query = consent?.success ? listQuery(consent.data.query) : null;
  const upload = value.success ? value.data.uploadInfo : undefined;
  if (!query || !upload || !uploadAllowed(upload.uploadUrl)) {
    await deps.store.audit.refusal({ actor: turn.actor, reason: "invalid_caseload_export" });
    await context.sendActivity(t(locale).staleCard);
    return void (await ok());
  }
  const lines = await members(turn, query, "caseload.export");
  const body = Buffer.from(caseloadCsv(lines, locale), "utf8");
  const put = await fetch(upload.uploadUrl, {
    method: "PUT",
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-length": String(body.length),
      "content-range": `bytes 0-${body.length - 1}/${body.length}`,
    },
    body,
    signal: AbortSignal.timeout(30_000),
  }).catch(() => null);
  if (!put?.ok) {
    deps.logger.warn({ event: "caseload.export_failed", status: put?.status ?? null }, "uploading the export failed");
    await context.sendActivity(catalogue(locale).caseloadExport.failed);
    return void (await ok());
  }
  // what was exported: the kind, the filter, how many and which clients; never a name
  await deps.store.audit.record({
    actor: turn.actor,
    action: "caseload.export",
    details: { kind: query.measure, query, count: lines.length, clientIds: lines.map((l) => l.clientId) },
  });
  await context.sendActivity({
    text: catalogue(locale).caseloadExport.done(lines.length),
    attachments: [
      {
        contentType: "application/vnd.microsoft.teams.card.file.info",
        contentUrl: upload.contentUrl,
        name: upload.name,
        content: { uniqueId: upload.uniqueId, fileType: "csv" },
      },
    ],
  });
  await ok();
}
