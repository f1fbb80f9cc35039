// Small-number protection for aggregate tables (docs/privacy.md, "Small cells"). A count from 1 to 4 is
// hidden (primary suppression), and so are enough other cells (complementary suppression) that no hidden
// count can be worked out from what is shown, the row, column and grand totals included.
//
// The model: the table with its margins is a grid where every row and every column sums to zero once the
// totals are given a minus sign. Each hidden cell is an edge between its row and its column; a hidden
// value is fixed by the shown ones exactly when its edge is a bridge of that graph (no cycle of hidden
// cells to shift values along). Complementary cells are never zero, so every hidden cell is at least 1
// and a shift of one along a cycle stays non-negative: bounds do not pin a value either.
import { SUPPRESS_BELOW } from "./caseload-query.ts";

const small = (n: number) => n > 0 && n < SUPPRESS_BELOW;

export interface SuppressedTable {
  /** (rows + 1) × (columns + 1): the last column holds the row totals, the last row the column totals */
  hidden: boolean[][];
  /** true when no safe pattern was found: show no numbers at all */
  withheld: boolean;
}

/** Hidden cells of `inner` with its row totals, column totals and grand total. */
export function suppressTable(inner: number[][]): SuppressedTable {
  const rows = inner.length;
  const cols = rows ? inner[0].length : 0;
  const grid = [...inner.map((r) => [...r, r.reduce((a, b) => a + b, 0)])];
  grid.push(Array.from({ length: cols + 1 }, (_, j) => grid.reduce((a, r) => a + r[j], 0)));
  const hidden = grid.map((r) => r.map(small));
  const R = rows + 1;
  const C = cols + 1;
  const withheld = (): SuppressedTable => ({ hidden: grid.map((r) => r.map(() => true)), withheld: true });

  for (let guard = 0; guard < R * C + 1; guard++) {
    // a row or column with exactly one hidden cell gives it away: hide its smallest other non-zero cell
    let changed = false;
    for (let i = 0; i < R && !changed; i++) {
      const idx = hidden[i].flatMap((h, j) => (h ? [j] : []));
      if (idx.length !== 1) continue;
      const j = smallestVisible(
        grid[i].map((v, j) => ({ v, i, j })),
        hidden,
      );
      if (!j) return withheld();
      hidden[j.i][j.j] = changed = true;
    }
    for (let j = 0; j < C && !changed; j++) {
      const idx = hidden.flatMap((r, i) => (r[j] ? [i] : []));
      if (idx.length !== 1) continue;
      const c = smallestVisible(
        grid.map((r, i) => ({ v: r[j], i, j })),
        hidden,
      );
      if (!c) return withheld();
      hidden[c.i][c.j] = changed = true;
    }
    if (changed) continue;
    const bridge = findBridge(hidden);
    if (!bridge) return { hidden, withheld: false };
    // close a cycle through the bridge: a cell joining a row on the column's side to a column on the row's side
    const side = componentWithout(hidden, bridge);
    const candidates: { v: number; i: number; j: number }[] = [];
    for (let i = 0; i < R; i++)
      for (let j = 0; j < C; j++) if (!side.rows.has(i) && side.cols.has(j)) candidates.push({ v: grid[i][j], i, j });
    const c = smallestVisible(candidates, hidden);
    if (!c) return withheld();
    hidden[c.i][c.j] = true;
  }
  return withheld();
}

function smallestVisible(cells: { v: number; i: number; j: number }[], hidden: boolean[][]): { i: number; j: number } | undefined {
  return cells.filter((c) => !hidden[c.i][c.j] && c.v > 0).sort((a, b) => a.v - b.v || a.i - b.i || a.j - b.j)[0];
}

/** Row and column nodes reachable from the bridge's row once the bridge itself is removed. */
function componentWithout(hidden: boolean[][], bridge: { i: number; j: number }): { rows: Set<number>; cols: Set<number> } {
  const rows = new Set<number>([bridge.i]);
  const cols = new Set<number>();
  const queue: ["r" | "c", number][] = [["r", bridge.i]];
  while (queue.length) {
    const [kind, n] = queue.pop()!;
    if (kind === "r") {
      hidden[n].forEach((h, j) => {
        if (h && !(n === bridge.i && j === bridge.j) && !cols.has(j)) {
          cols.add(j);
          queue.push(["c", j]);
        }
      });
    } else {
      hidden.forEach((r, i) => {
        if (r[n] && !(i === bridge.i && n === bridge.j) && !rows.has(i)) {
          rows.add(i);
          queue.push(["r", i]);
        }
      });
    }
  }
  return { rows, cols };
}

function findBridge(hidden: boolean[][]): { i: number; j: number } | undefined {
  for (let i = 0; i < hidden.length; i++)
    for (let j = 0; j < hidden[i].length; j++) {
      if (!hidden[i][j]) continue;
      if (!componentWithout(hidden, { i, j }).cols.has(j)) return { i, j };
    }
  return undefined;
}

/** A list of counts and its total (a one-column table): never a single hidden count. */
export function suppressList(counts: number[]): { hidden: boolean[]; totalHidden: boolean; withheld: boolean } {
  const total = counts.reduce((a, b) => a + b, 0);
  const hidden = counts.map(small);
  let totalHidden = small(total);
  if (hidden.filter(Boolean).length + (totalHidden ? 1 : 0) === 1) {
    const next = counts
      .map((v, i) => ({ v, i }))
      .filter((c) => !hidden[c.i] && c.v > 0)
      .sort((a, b) => a.v - b.v)[0];
    if (next) hidden[next.i] = true;
    else if (total > 0 && !totalHidden) totalHidden = true;
    else return { hidden: counts.map(() => true), totalHidden: true, withheld: true };
  }
  return { hidden, totalHidden, withheld: false };
}
