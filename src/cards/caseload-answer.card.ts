// An answer to a caseload question: the interpreted question and the number first, then a table where
// people would rather look than read, or a paged list of clients.
import type { CaseloadQuery } from "../domain/caseload/caseload-query.ts";
import { formatDate } from "../i18n/format.ts";
import type { Locale } from "../i18n/locale.ts";
import type { CaseloadResult, Cell, ClientLine } from "../storage/caseload/execute-caseload-query.ts";
import { cardText, type CardText } from "./card-text.ts";
import { fallbackCard } from "./fallback-card.ts";
import { renderCard, type AdaptiveCard } from "./render-card.ts";

const t = {
  nl: {
    clients: (n: number) => (n === 1 ? "1 klant" : `${n} klanten`),
    of: (n: number, d: number) => `${n} van ${d}${d ? ` (${Math.round((n / d) * 100)}%)` : ""}`,
    unknown: "onbekend",
    noBaseline: (n: number) => `${n} zonder meting vóór de periode (apart geteld, niet in de noemer)`,
    noPrevious: (n: number) => `${n} met maar één meting (apart geteld)`,
    rung: "Trede",
    expected: "Verwacht",
    nowVsExpected: "Nu ↓ verwacht →",
    count: "Aantal",
    bar: "",
    wijk: "Wijk",
    inView: "In beeld",
    total: "Totaal",
    share: "%",
    band: "Leeftijd",
    yes: "Ja",
    no: "Nee",
    outcome: "Uitkomst",
    domain: "Leefdomein",
    up: "Vooruit",
    same: "Gelijk",
    down: "Achteruit",
    line: (l: ClientLine, locale: Locale) =>
      `Trede ${l.rung}${l.substep ? `.${l.substep}` : ""} · verwacht ${l.expectedRung ?? "onbekend"} · ${l.coachName ?? "geen coach"} · laatste contact ${l.lastContactAt ? formatDate(l.lastContactAt, locale) : "nooit"}`,
    more: "Meer",
    page: (from: number, to: number, total: number) => `${from}–${to} van ${total}`,
    suppressed: "Aantallen onder 5 worden als <5 getoond.",
    unknownNote: (n: number) => `? = verwachte trede onbekend: ${n} klanten, apart geteld.`,
    pendingSince: (d: string) => `wacht sinds ${d}`,
    none: "Geen klanten gevonden.",
  },
  en: {
    clients: (n: number) => (n === 1 ? "1 client" : `${n} clients`),
    of: (n: number, d: number) => `${n} of ${d}${d ? ` (${Math.round((n / d) * 100)}%)` : ""}`,
    unknown: "unknown",
    noBaseline: (n: number) => `${n} without a measurement before the period (counted apart, not in the denominator)`,
    noPrevious: (n: number) => `${n} with only one measurement (counted apart)`,
    rung: "Rung",
    expected: "Expected",
    nowVsExpected: "Now ↓ expected →",
    count: "Count",
    bar: "",
    wijk: "Neighbourhood",
    inView: "In view",
    total: "Total",
    share: "%",
    band: "Age",
    yes: "Yes",
    no: "No",
    outcome: "Outcome",
    domain: "Life domain",
    up: "Up",
    same: "Same",
    down: "Down",
    line: (l: ClientLine, locale: Locale) =>
      `Rung ${l.rung}${l.substep ? `.${l.substep}` : ""} · expected ${l.expectedRung ?? "unknown"} · ${l.coachName ?? "no coach"} · last contact ${l.lastContactAt ? formatDate(l.lastContactAt, locale) : "never"}`,
    more: "More",
    page: (from: number, to: number, total: number) => `${from}–${to} of ${total}`,
    suppressed: "Counts under 5 are shown as <5.",
    unknownNote: (n: number) => `? = expected rung unknown: ${n} clients, counted apart.`,
    pendingSince: (d: string) => `waiting since ${d}`,
    none: "No clients found.",
  },
};

const show = (c: Cell) => (c.suppressed ? "<5" : String(c.value));
const bar = (n: number, max: number) => (max ? "█".repeat(Math.max(n ? 1 : 0, Math.round((n / max) * 12))) : "");

export interface CaseloadCardInput {
  result: CaseloadResult;
  query: CaseloadQuery;
  description: string;
  scopeLabel: string;
  locale: Locale;
}

export function renderCaseloadAnswerCard({ result, query, description, scopeLabel, locale }: CaseloadCardInput): AdaptiveCard {
  const s = t[locale];
  let summary = "";
  let note = "";
  let table: { columns: string[]; rows: string[][] } | null = null;
  let lines: { title: string; detail: string }[] = [];
  let more: { page: number } | null = null;
  const clientLines = (ls: ClientLine[]) => ls.map((l) => ({ title: `${l.displayName} (${l.externalKey}) · ${l.wijk}`, detail: s.line(l, locale) }));

  switch (result.kind) {
    case "list":
      summary = s.clients(result.total);
      lines = clientLines(result.lines);
      if (result.total > result.lines.length) note = s.page(result.page * result.pageSize + 1, result.page * result.pageSize + result.lines.length, result.total);
      if ((result.page + 1) * result.pageSize < result.total) more = { page: result.page + 1 };
      if (!result.total) note = s.none;
      break;
    case "count":
      summary = s.of(result.count, result.denominator);
      break;
    case "distribution": {
      const max = Math.max(0, ...result.rows.map((r) => r.count));
      summary = s.clients(result.total);
      table = { columns: [query.measure === "distribution" && query.by === "wijk" ? s.wijk : s.rung, s.count, s.share, s.bar], rows: result.rows.map((r) => [r.key, String(r.count), `${Math.round((r.count / Math.max(1, result.total)) * 100)}%`, bar(r.count, max)]) };
      if (result.unknown) table.rows.push([s.unknown, String(result.unknown), `${Math.round((result.unknown / Math.max(1, result.total)) * 100)}%`, bar(result.unknown, max)]);
      break;
    }
    case "crossTab": {
      summary = s.clients(result.total);
      const header = [s.nowVsExpected, ...result.expectedRungs.map(String), "?", s.total];
      const rows = result.currentRungs.map((cur) => {
        const cells = result.expectedRungs.map((e) => String(result.cells[`${cur}:${e}`] ?? 0));
        const unknown = result.unknownExpected[cur] ?? 0;
        const total = result.expectedRungs.reduce((sum, e) => sum + (result.cells[`${cur}:${e}`] ?? 0), 0) + unknown;
        return [String(cur), ...cells, String(unknown), `${total} · ${Math.round((total / Math.max(1, result.total)) * 100)}%`];
      });
      table = { columns: header, rows };
      const unknown = Object.values(result.unknownExpected).reduce((a, b) => a + b, 0);
      note = s.unknownNote(unknown);
      break;
    }
    case "movement":
      summary = s.of(result.count, result.denominator);
      note = result.period ? s.noBaseline(result.noBaseline) : s.noPrevious(result.noBaseline);
      lines = clientLines(result.lines);
      break;
    case "reach":
      summary = s.of(result.inView, result.total);
      table = {
        columns: [s.wijk, s.inView, s.total, s.share],
        rows: result.rows.map((r) => [r.wijk, show(r.inView), show(r.total), r.inView.suppressed || r.total.suppressed ? "–" : `${Math.round((r.inView.value / Math.max(1, r.total.value)) * 100)}%`]),
      };
      note = s.suppressed;
      break;
    case "growthByAgeBand":
      table = {
        columns: [s.band, s.total, s.yes, s.no, s.unknown],
        rows: result.rows.map((r) => [r.band, show(r.total), show(r.ja), show(r.nee), show(r.onbekend)]),
      };
      summary = s.clients(result.rows.reduce((a, r) => a + r.total.value, 0));
      note = s.suppressed;
      break;
    case "pendingReviews":
      summary = s.clients(result.total);
      lines = result.lines.map((l) => ({ title: `${l.displayName} (${l.externalKey}) · ${l.wijk}`, detail: `${s.line(l, locale)} · ${s.pendingSince(formatDate(l.confirmedAt, locale))}` }));
      break;
    case "referrals":
      summary = String(result.contacts);
      table = { columns: [s.outcome, s.count], rows: result.rows.map((r) => [r.outcome, String(r.count)]) };
      break;
    case "domainTrends":
      table = { columns: [s.domain, s.up, s.same, s.down, s.unknown], rows: result.rows.map((r) => [r.domain, String(r.vooruit), String(r.gelijk), String(r.achteruit), String(r.notDiscussed)]) };
      break;
  }

  // wijk, team, coach and client names, outcome labels and the question echo are all shown as text
  const data: CaseloadAnswerData = {
    headline: cardText(`${description}, ${scopeLabel}${summary ? ` — ${summary}` : ""}`),
    summary: cardText(""),
    hasTable: table !== null,
    // the label column and a trailing total need room; counts are narrow
    columns: (table?.columns ?? []).map((_, i, all) => ({ width: i === 0 || (result.kind === "crossTab" && i === all.length - 1) ? 3 : 2 })),
    rows: table ? [table.columns, ...table.rows].map((cells) => ({ cells: cells.map((c) => cardText(c)) })) : [],
    lines: lines.map((l) => ({ title: cardText(l.title), detail: cardText(l.detail) })),
    note: cardText(note),
    hasMore: more !== null,
    moreLabel: s.more,
    queryToken: JSON.stringify(query),
    nextPage: more?.page ?? 0,
  };
  return renderCard("caseload-answer", data, (correlationId) =>
    fallbackCard({
      locale,
      correlationId,
      lines: [data.headline, ...data.rows.map((r) => r.cells.join(" · ") as CardText), ...data.lines.flatMap((l) => [l.title, l.detail]), data.note],
      actions: more ? [{ type: "Action.Submit", title: s.more, data: { verb: "caseload.more", query: data.queryToken, page: data.nextPage } }] : [],
    }),
  );
}

interface CaseloadAnswerData {
  headline: CardText;
  summary: CardText;
  hasTable: boolean;
  columns: { width: number }[];
  rows: { cells: CardText[] }[];
  lines: { title: CardText; detail: CardText }[];
  note: CardText;
  hasMore: boolean;
  moreLabel: string;
  queryToken: string;
  nextPage: number;
}
