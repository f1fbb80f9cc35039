// Distributions and trends as charts Teams draws, built from the numbers in the table (issue 18 pt 5):
// every chart value equals its table cell, a hidden small cell is never charted, and a host without chart
// elements (the official renderer) shows the table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCaseloadAnswerCard, type CaseloadCardInput } from "../../src/cards/caseload-answer.card.ts";
import { openCardBrowser, type CardBrowser } from "../support/card-browser.ts";
import { validateCardSchema } from "../support/card-schema.ts";

const find = (card: unknown, test: (n: any) => boolean): any[] => {
  const out: any[] = [];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === "object") {
      if (test(n)) out.push(n);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
};
const charts = (card: unknown) => find(card, (n) => typeof n.type === "string" && n.type.startsWith("Chart."));
/** The table's rows as text cells, header first. */
const tableRows = (card: unknown): string[][] =>
  find(card, (n) => n.type === "Table")[0].rows.map((r: any) => r.cells.map((c: any) => c.items.map((i: any) => i.text).join(" ")));

const render = (input: Omit<CaseloadCardInput, "description" | "scopeLabel" | "locale">) =>
  renderCaseloadAnswerCard({ ...input, description: "Vraag", scopeLabel: "team Noord", locale: "nl" });

describe("caseload charts", () => {
  let browser: CardBrowser;
  beforeAll(async () => (browser = await openCardBrowser()));
  afterAll(async () => browser?.close());

  it("a breakdown per wijk is a bar chart of exactly the table's visible counts; hidden cells are not charted", async () => {
    const card = render({
      result: {
        kind: "distribution",
        by: "wijk",
        rows: [
          { key: "Beijum", count: 31 },
          { key: "Lewenborg", count: 12 },
          { key: "Paddepoel", count: 3, suppressed: true },
          { key: "Vinkhuizen", count: 6, suppressed: true },
        ],
        unknown: 0,
        total: 52,
      },
      query: { measure: "distribution", by: "wijk", filters: {} },
    });
    const [chart] = charts(card);
    expect(chart.type).toBe("Chart.VerticalBar");
    const visible = tableRows(card)
      .slice(1)
      .filter((r) => r[1] !== "•")
      .map((r) => ({ x: r[0], y: Number(r[1]) }));
    expect(chart.data).toEqual(visible);
    expect(chart.data.map((d: any) => d.x)).not.toContain("Paddepoel");
    expect(JSON.stringify(chart)).not.toMatch(/"y":(3|6)\b/);
    expect(validateCardSchema(card)).toEqual([]);
    const shown = await browser.render(card);
    expect(shown.errors).toEqual([]);
    const text = await shown.text();
    expect(text).toMatch(/Beijum\s+31/);
    expect(text).toMatch(/Paddepoel\s+•/);
  });

  it("growth potential is a donut with the table's numbers, the unknown ones included", () => {
    const card = render({
      result: {
        kind: "distribution",
        by: "growthPotential",
        rows: [
          { key: "ja", count: 40 },
          { key: "nee", count: 25 },
        ],
        unknown: 7,
        total: 72,
      },
      query: { measure: "distribution", by: "growthPotential", filters: {} },
    });
    const [chart] = charts(card);
    expect(chart.type).toBe("Chart.Donut");
    expect(chart.data).toEqual(
      tableRows(card)
        .slice(1)
        .map((r) => ({ legend: r[0], value: Number(r[1]) })),
    );
    expect(chart.data).toContainEqual({ legend: "onbekend", value: 7 });
  });

  it("a trend per quarter is a line per rung whose points are the table's cells; the official renderer shows the table", async () => {
    const card = render({
      result: {
        kind: "trend",
        of: "rung",
        buckets: [
          { label: "2026-Q1", counts: { "1": 40, "2": 22 }, total: 62 },
          { label: "2026-Q2", counts: { "1": 36, "2": 25 }, total: 61 },
        ],
      },
      query: { measure: "trend", of: "rung", by: "quarter", period: "thisYear", filters: {} },
    });
    const [chart] = charts(card);
    expect(chart.type).toBe("Chart.Line");
    const [header, ...rows] = tableRows(card);
    // short headers at phone width ("T1"), the rung in words in the chart's legend
    expect(header).toEqual(["Periode", "T1", "T2", "Tot."]);
    expect(chart.data.map((s: any) => s.legend)).toEqual(["Trede 1", "Trede 2"]);
    for (const [i, s] of chart.data.entries()) expect(s.values).toEqual(rows.map((r) => ({ x: r[0], y: Number(r[i + 1]) })));
    expect(rows.map((r) => r[0])).toEqual(["K1 2026", "K2 2026"]);
    const shown = await browser.render(card);
    expect(shown.errors).toEqual([]);
    expect(await shown.text()).toMatch(/K2 2026\s+36\s+25\s+61/);
  });

  it("in beeld per wijk charts the percentage of visible wijken only", () => {
    const card = render({
      result: {
        kind: "reach",
        rows: [
          { wijk: "Beijum", inView: { value: 31, suppressed: false }, total: { value: 38, suppressed: false } },
          { wijk: "Paddepoel", inView: { value: 3, suppressed: true }, total: { value: 4, suppressed: true } },
        ],
        inView: 34,
        total: 42,
      },
      query: { measure: "reach", filters: {} },
    });
    const [chart] = charts(card);
    expect(chart.data).toEqual(
      tableRows(card)
        .slice(1)
        .filter((r) => r[3] !== "–")
        .map((r) => ({ x: r[0], y: Number(r[3].replace("%", "")) })),
    );
    expect(chart.data).toEqual([{ x: "Beijum", y: 82 }]);
  });

  it("a list has no chart", () => {
    const card = render({
      result: { kind: "list", total: 0, page: 0, pageSize: 20, lines: [] },
      query: { measure: "list", filters: {} },
    });
    expect(charts(card)).toEqual([]);
  });
});
