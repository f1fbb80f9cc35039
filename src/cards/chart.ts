// Charts Teams draws (Chart.VerticalBar, Chart.Donut, Chart.Line), built from the same numbers as the
// table that goes with them. Hosts without chart elements (Outlook, the Agents Playground, the official
// renderer) skip a chart to its `fallback`: the table itself, or nothing where the card shows the table
// anyway (which also keeps exact numbers for screen readers). A hidden small cell is never a point.
import type { PlainCardText } from "./card-text.ts";

/** One bar, slice or line point; `y` null = a suppressed cell, left out of the chart. */
export interface ChartPoint {
  x: PlainCardText;
  y: number | null;
}

export type ChartSpec =
  | { kind: "bar"; title?: PlainCardText; xTitle?: PlainCardText; yTitle?: PlainCardText; points: ChartPoint[] }
  | { kind: "donut"; title?: PlainCardText; points: ChartPoint[] }
  | {
      kind: "line";
      title?: PlainCardText;
      xTitle?: PlainCardText;
      yTitle?: PlainCardText;
      series: { legend: PlainCardText; points: ChartPoint[] }[];
    };

type Element = Record<string, unknown>;

const shown = (points: ChartPoint[]) => points.filter((p): p is { x: PlainCardText; y: number } => p.y !== null && Number.isFinite(p.y));
const optional = (entries: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== ""));

/** The chart element in the shape Teams reads, with `fallback` for every other host. */
export function chartElement(spec: ChartSpec, fallback: Element | "drop"): Element {
  switch (spec.kind) {
    case "bar":
      return {
        type: "Chart.VerticalBar",
        ...optional({ title: spec.title, xAxisTitle: spec.xTitle, yAxisTitle: spec.yTitle }),
        showBarValues: true,
        colorSet: "categorical",
        data: shown(spec.points).map((p) => ({ x: p.x, y: p.y })),
        fallback,
      };
    case "donut":
      return {
        type: "Chart.Donut",
        ...optional({ title: spec.title }),
        colorSet: "categorical",
        data: shown(spec.points).map((p) => ({ legend: p.x, value: p.y })),
        fallback,
      };
    case "line":
      return {
        type: "Chart.Line",
        ...optional({ title: spec.title, xAxisTitle: spec.xTitle, yAxisTitle: spec.yTitle }),
        data: spec.series.map((s) => ({ legend: s.legend, values: shown(s.points).map((p) => ({ x: p.x, y: p.y })) })),
        fallback,
      };
  }
}

/** A plain table (first row the header) with a bold title: the chart's fallback where nothing else shows the numbers. */
export function tableElement(title: string, rows: string[][]): Element {
  const width = rows[0]?.length ?? 0;
  return {
    type: "Container",
    items: [
      { type: "TextBlock", text: title, weight: "Bolder", wrap: true },
      {
        type: "Table",
        columns: Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 2 : 1 })),
        firstRowAsHeader: true,
        rows: rows.map((cells, r) => ({
          type: "TableRow",
          cells: cells.map((text) => ({
            type: "TableCell",
            items: [{ type: "TextBlock", text, wrap: true, ...(r === 0 ? { weight: "Bolder" } : {}) }],
          })),
        })),
      },
    ],
  };
}
