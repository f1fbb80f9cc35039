// An answer to a caseload question: the interpreted question and the number first, then a table where
// people would rather look than read, or a paged list of clients.
import type { CaseloadQuery } from "../domain/caseload/caseload-query.ts";
import { formatBucket, formatIsoDate } from "../domain/caseload/describe-query.ts";
import type { Locale } from "../i18n/locale.ts";
import type { CaseloadResult, Cell, ClientLine } from "../domain/caseload/caseload-result.ts";
import { cardText, type CardText, type PlainCardText } from "./card-text.ts";
import { chartElement, type ChartPoint, type ChartSpec } from "./chart.ts";
import { fallbackCard } from "./fallback-card.ts";
import { renderCard, type AdaptiveCard } from "./render-card.ts";
import { t as catalogue } from "../i18n/catalogue/index.ts";

// "20 feb 2026": no hyphenated numbers for a narrow column to break mid-way
const ISO_DAY = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: "Europe/Amsterdam",
});
const formatDate = (d: Date, locale: Locale) => formatIsoDate(ISO_DAY.format(new Date(d)), locale);

const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => [...w].length));
const show = (c: Cell) => (c.suppressed ? "•" : String(c.value));

export interface CaseloadCardInput {
  result: CaseloadResult;
  query: CaseloadQuery;
  description: string;
  scopeLabel: string;
  locale: Locale;
  /** buttons that ask another question: the other reading, the nearest question, examples */
  buttons?: { title: string; question?: string; query?: CaseloadQuery }[];
  /** extra text above the table (a refusal explains itself here) */
  preface?: string;
}

export function renderCaseloadAnswerCard({
  result,
  query,
  description,
  scopeLabel,
  locale,
  buttons = [],
  preface = "",
}: CaseloadCardInput): AdaptiveCard {
  const s = catalogue(locale).caseloadCard;
  let summary = "";
  let note = "";
  let table: { columns: string[]; rows: string[][] } | null = null;
  let lines: { title: string; detail: string }[] = [];
  let more: { page: number } | null = null;
  // what a chart shows is always in the table too: the chart is for looking, the table for reading
  let chart: ChartSpec | null = null;
  const point = (x: string, y: number | null): ChartPoint => ({ x: cardText(x, "plain"), y });
  // the client number opens the detail line, so a phone never breaks it at its dash ("(GR-/100010)")
  const lastContact = (l: ClientLine) => (l.lastContactAt ? formatDate(l.lastContactAt, locale) : null);
  const clientLines = (ls: ClientLine[]) =>
    ls.map((l) => ({
      title: `${l.displayName} · ${l.wijk}`,
      detail: `${l.externalKey} · ${s.line(l, lastContact(l))}`,
    }));

  switch (result.kind) {
    case "list":
      summary = s.clients(result.total);
      lines = clientLines(result.lines);
      if (result.total > result.lines.length)
        note = s.page(result.page * result.pageSize + 1, result.page * result.pageSize + result.lines.length, result.total);
      if ((result.page + 1) * result.pageSize < result.total) more = { page: result.page + 1 };
      if (!result.total) note = s.none;
      else if (result.order === "lastContact") note = note ? `${note} · ${s.sortedByContact}` : s.sortedByContact;
      else if (result.order === "sameRung") note = note ? `${note} · ${s.sortedBySameRung}` : s.sortedBySameRung;
      break;
    case "count":
      summary = s.of(result.count, result.denominator);
      break;
    case "distribution": {
      summary = s.clients(result.total);
      const label =
        query.measure === "distribution"
          ? ((
              {
                wijk: s.wijk,
                ageBand: s.band,
                coach: "Coach",
                team: "Team",
                expected: s.expected,
                growthPotential: `${s.yes}/${s.no}`,
              } as Record<string, string>
            )[query.by] ?? s.rung)
          : s.rung;
      const pct = (n: number) => `${Math.round((n / Math.max(1, result.total)) * 100)}%`;
      // the bar chart draws the bars (a column of block characters broke mid-bar at phone width)
      const row = (key: string, n: number, hidden?: boolean) => (hidden ? [key, "•", "–"] : [key, String(n), pct(n)]);
      table = { columns: [label, s.count, s.share], rows: result.rows.map((r) => row(r.key, r.count, r.suppressed)) };
      if (result.unknown) table.rows.push(row(s.unknown, result.unknown, result.unknownSuppressed));
      const points = [
        ...result.rows.map((r) => point(r.key, r.suppressed ? null : r.count)),
        ...(result.unknown ? [point(s.unknown, result.unknownSuppressed ? null : result.unknown)] : []),
      ];
      // parts of a whole with few slices read best as a donut; ordered categories as bars
      const donut = query.measure === "distribution" && (query.by === "growthPotential" || query.by === "ageBand");
      chart = donut
        ? { kind: "donut", points }
        : { kind: "bar", xTitle: cardText(label, "plain"), yTitle: cardText(s.count, "plain"), points };
      if (result.rows.some((r) => r.suppressed) || result.unknownSuppressed) note = s.suppressed;
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
    case "movement": {
      summary = s.of(result.count, result.denominator);
      const reading = result.reading === "events" ? s.readingEvents : result.reading === "startEnd" ? s.readingStartEnd : s.readingSince;
      const apart =
        result.reading === "events"
          ? s.noPeriodMeasurement(result.noBaseline)
          : result.period
            ? s.noBaseline(result.noBaseline)
            : s.noPrevious(result.noBaseline);
      const paged =
        result.total > result.lines.length
          ? ` · ${s.page(result.page * result.pageSize + 1, result.page * result.pageSize + result.lines.length, result.total)}`
          : "";
      note = `${reading} ${apart}${paged}${result.total > 1 ? ` · ${s.sortedByStep}` : ""}`;
      lines = clientLines(result.lines);
      if ((result.page + 1) * result.pageSize < result.total) more = { page: result.page + 1 };
      break;
    }
    case "reach":
      summary = s.of(result.inView, result.total);
      table = {
        columns: [s.wijk, s.inView, s.total, s.share],
        rows: result.rows.map((r) => [
          r.wijk,
          show(r.inView),
          show(r.total),
          r.inView.suppressed || r.total.suppressed ? "–" : `${Math.round((r.inView.value / Math.max(1, r.total.value)) * 100)}%`,
        ]),
      };
      chart = {
        kind: "bar",
        xTitle: cardText(s.wijk, "plain"),
        yTitle: cardText(`${s.inView} %`, "plain"),
        points: result.rows.map((r) =>
          point(r.wijk, r.inView.suppressed || r.total.suppressed ? null : Math.round((r.inView.value / Math.max(1, r.total.value)) * 100)),
        ),
      };
      if (result.inViewSuppressed || result.totalSuppressed) summary = "";
      note = s.suppressed;
      break;
    case "growthByAgeBand":
      table = {
        columns: [s.band, s.total, s.yes, s.no, s.unknown],
        rows: result.rows.map((r) => [r.band, show(r.total), show(r.ja), show(r.nee), show(r.onbekend)]),
      };
      if (result.totals)
        table.rows.push([
          s.total,
          show(result.totals.total),
          show(result.totals.ja),
          show(result.totals.nee),
          show(result.totals.onbekend),
        ]);
      summary = s.clients(result.rows.reduce((a, r) => a + r.total.value, 0));
      note = s.suppressed;
      break;
    case "pendingReviews":
      summary = s.clients(result.total);
      if ((result.page + 1) * result.pageSize < result.total) more = { page: result.page + 1 };
      if (result.total > result.lines.length)
        note = s.page(result.page * result.pageSize + 1, result.page * result.pageSize + result.lines.length, result.total);
      if (!result.total) note = s.none;
      lines = result.lines.map((l) => ({
        title: `${l.displayName} · ${l.wijk}`,
        detail: `${l.externalKey} · ${s.line(l, lastContact(l))} · ${s.pendingSince(formatDate(l.confirmedAt, locale))}`,
      }));
      break;
    case "referrals":
      summary = String(result.contacts);
      table = { columns: [s.outcome, s.count], rows: result.rows.map((r) => [r.outcome, String(r.count)]) };
      chart = {
        kind: "bar",
        xTitle: cardText(s.outcome, "plain"),
        yTitle: cardText(s.count, "plain"),
        points: result.rows.map((r) => point(r.outcome, r.count)),
      };
      break;
    case "trend": {
      const keys = result.of === "rung" ? [...new Set(result.buckets.flatMap((b) => Object.keys(b.counts)))].sort() : ["count"];
      table = {
        // up to eight columns at phone width: "T1" and "Tot." rather than words that break mid-way
        columns: [s.period, ...(result.of === "rung" ? keys.map((k) => `${s.rungShort}${k}`) : []), s.totalShort],
        rows: result.buckets.map((b) => [
          formatBucket(b.label, locale),
          ...(result.of === "rung" ? keys.map((k) => String(b.counts[k] ?? 0)) : []),
          String(b.total),
        ]),
      };
      if (result.of === "rung" && keys.length) note = s.trendKey;
      // over time: one line per rung, or one line of the count
      const series =
        result.of === "rung"
          ? keys.map((k) => ({
              legend: `${s.rung} ${k}`,
              value: (b: (typeof result.buckets)[number]) => b.counts[k] ?? 0,
            }))
          : [{ legend: s.total, value: (b: (typeof result.buckets)[number]) => b.total }];
      chart = {
        kind: "line",
        xTitle: cardText(s.period, "plain"),
        yTitle: cardText(s.count, "plain"),
        series: series.map((x) => ({
          legend: cardText(x.legend, "plain"),
          points: result.buckets.map((b) => point(formatBucket(b.label, locale), x.value(b))),
        })),
      };
      break;
    }
    case "domainTrends":
      table = {
        columns: [s.domain, s.up, s.same, s.down, s.unknown],
        rows: result.rows.map((r) => [r.domain, String(r.vooruit), String(r.gelijk), String(r.achteruit), String(r.notDiscussed)]),
      };
      break;
  }

  // wijk, team, coach and client names, outcome labels and the question echo are all shown as text
  const data: CaseloadAnswerData = {
    headline: cardText(`${description}, ${scopeLabel}${summary ? ` — ${summary}` : ""}`),
    summary: cardText(preface),
    hasTable: table !== null,
    hasChart: chart !== null,
    // the table is in the card anyway, so a host without charts drops the chart
    chart: chart ? chartElement(chart, "drop") : {},
    // each column as wide as its longest word needs, so at 360 px no header or count breaks mid-word ("Totaa/l")
    columns: (table?.columns ?? []).map((_, i) => ({
      width: Math.max(2, ...[table!.columns, ...table!.rows].map((row) => longestWord(row[i] ?? ""))),
    })),
    rows: table ? [table.columns, ...table.rows].map((cells) => ({ cells: cells.map((c) => cardText(c)) })) : [],
    lines: lines.map((l) => ({ title: cardText(l.title), detail: cardText(l.detail) })),
    note: cardText(note),
    hasMore: more !== null,
    moreLabel: s.more,
    // every list reaches all its members: page by page, or all at once as a file
    hasExport: ["list", "movement", "pendingReviews"].includes(result.kind) && "total" in result && result.total > 0,
    exportLabel: s.exportCsv,
    locale,
    queryToken: JSON.stringify(query),
    nextPage: more?.page ?? 0,
    hasButtons: buttons.length > 0,
    buttons: buttonData(buttons, locale),
  };
  return renderCard("caseload-answer", data, (correlationId) =>
    fallbackCard({
      locale,
      correlationId,
      lines: [
        data.headline,
        data.summary,
        ...data.rows.map((r) => r.cells.join(" · ") as CardText),
        ...data.lines.flatMap((l) => [l.title, l.detail]),
        data.note,
      ],
      actions: [
        ...(more
          ? [
              {
                type: "Action.Submit",
                title: s.more,
                data: { verb: "caseload.more", query: data.queryToken, page: data.nextPage },
              },
            ]
          : []),
        ...(data.hasExport
          ? [
              {
                type: "Action.Submit",
                title: s.exportCsv,
                data: { verb: "caseload.export", query: data.queryToken, locale },
              },
            ]
          : []),
        ...buttonActions(data.buttons),
      ],
    }),
  );
}

/** A question Trede did not answer: why, and buttons that ask what it can answer. */
export function renderCaseloadRefusalCard(input: { text: string; locale: Locale; buttons: CaseloadButton[] }): AdaptiveCard {
  const data: CaseloadAnswerData = {
    // the reason quotes the asker's own words
    headline: cardText(input.text),
    summary: cardText(""),
    hasTable: false,
    hasChart: false,
    chart: {},
    columns: [],
    rows: [],
    lines: [],
    note: cardText(""),
    hasMore: false,
    moreLabel: "",
    hasExport: false,
    exportLabel: "",
    locale: input.locale,
    queryToken: "",
    nextPage: 0,
    hasButtons: input.buttons.length > 0,
    buttons: buttonData(input.buttons, input.locale),
  };
  return renderCard("caseload-answer", data, (correlationId) =>
    fallbackCard({ locale: input.locale, correlationId, lines: [data.headline], actions: buttonActions(data.buttons) }),
  );
}

type CaseloadButton = { title: string; question?: string; query?: CaseloadQuery };
type ButtonData = { title: PlainCardText; question: string; query: string; locale: Locale };

// a button title may repeat words of the question, so it is prepared like any other text
function buttonData(buttons: CaseloadButton[], locale: Locale): ButtonData[] {
  return buttons.map((b) => ({
    title: cardText(b.title, "plain"),
    question: b.question ?? "",
    query: b.query ? JSON.stringify(b.query) : "",
    locale,
  }));
}

function buttonActions(buttons: ButtonData[]): unknown[] {
  return buttons.map((b) => ({
    type: "Action.Submit",
    title: b.title,
    data: { verb: "caseload.ask", question: b.question, query: b.query, locale: b.locale },
  }));
}

interface CaseloadAnswerData {
  headline: CardText;
  summary: CardText;
  hasTable: boolean;
  hasChart: boolean;
  chart: Record<string, unknown>;
  columns: { width: number }[];
  rows: { cells: CardText[] }[];
  lines: { title: CardText; detail: CardText }[];
  note: CardText;
  hasMore: boolean;
  moreLabel: string;
  hasExport: boolean;
  exportLabel: string;
  locale: Locale;
  queryToken: string;
  nextPage: number;
  hasButtons: boolean;
  buttons: ButtonData[];
}
