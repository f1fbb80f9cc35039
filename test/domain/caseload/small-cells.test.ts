// Small-number protection: for many generated tables, try to recompute every hidden cell from what is
// shown (cells, row totals, column totals, grand total), by linear algebra and by the bounds a count
// must respect (never negative). No hidden value may come out exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suppressList, suppressTable } from "../../../src/domain/caseload/small-cells.ts";

/** The table with its margins: the last column holds row totals, the last row column totals. */
function withMargins(inner: number[][]): number[][] {
  const rows = inner.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  rows.push(rows[0].map((_, j) => rows.reduce((a, r) => a + r[j], 0)));
  return rows;
}

/** Reduced row echelon form, in place; returns the pivot column of each row. */
function rref(m: number[][], width: number): number[] {
  const pivots: number[] = [];
  let row = 0;
  for (let col = 0; col < width && row < m.length; col++) {
    const p = m.findIndex((r, i) => i >= row && Math.abs(r[col]) > 1e-9);
    if (p < 0) continue;
    [m[row], m[p]] = [m[p], m[row]];
    const f = m[row][col];
    m[row] = m[row].map((v) => v / f);
    m.forEach((r, i) => {
      if (i !== row && Math.abs(r[col]) > 1e-9) {
        const g = r[col];
        m[i] = r.map((v, j) => v - g * m[row][j]);
      }
    });
    pivots.push(col);
    row++;
  }
  return pivots;
}

/** What an attacker learns: hidden cells fixed by the equations, and hidden cells pinned by non-negativity. */
function attack(grid: number[][], hidden: boolean[][]): { determined: string[]; pinned: string[] } {
  const R = grid.length;
  const C = grid[0].length;
  const unknowns: [number, number][] = [];
  for (const [i, r] of grid.entries()) for (const j of r.keys()) if (hidden[i][j]) unknowns.push([i, j]);
  const idx = new Map(unknowns.map(([i, j], k) => [`${i},${j}`, k]));
  const lines: { cells: [number, number, number][] }[] = [];
  // every row: cells minus row total = 0; every column: cells minus column total = 0
  for (let i = 0; i < R; i++) lines.push({ cells: grid[i].map((_, j) => [i, j, j === C - 1 ? -1 : 1] as [number, number, number]) });
  for (let j = 0; j < C; j++) lines.push({ cells: grid.map((_, i) => [i, j, i === R - 1 ? -1 : 1] as [number, number, number]) });
  const m = lines.map((l) => {
    const row = Array(unknowns.length + 1).fill(0);
    for (const [i, j, s] of l.cells) {
      const k = idx.get(`${i},${j}`);
      if (k === undefined) row[unknowns.length] -= s * grid[i][j];
      else row[k] += s;
    }
    return row;
  });
  const pivots = rref(m, unknowns.length);
  const determined: string[] = [];
  m.forEach((r, i) => {
    if (i >= pivots.length) return;
    const nonzero = r.slice(0, unknowns.length).filter((v) => Math.abs(v) > 1e-9).length;
    if (nonzero === 1) determined.push(unknowns[pivots[i]].join(","));
  });
  // a null-space basis: each free unknown at 1, the pivots following
  const free = unknowns.map((_, k) => k).filter((k) => !pivots.includes(k));
  const basis = free.map((f) => {
    const v = Array(unknowns.length).fill(0);
    v[f] = 1;
    for (const [r, p] of pivots.entries()) v[p] = -m[r][f];
    return v;
  });
  const x = unknowns.map(([i, j]) => grid[i][j]);
  const pinned = unknowns
    .filter((_, k) => !basis.some((v) => Math.abs(v[k]) > 1e-9 && [1, -1].some((sign) => x.every((xi, t) => xi + sign * v[t] >= -1e-9))))
    .map(([i, j]) => `${i},${j}`);
  return { determined, pinned };
}

const counts = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 60 }));
const tables = fc
  .integer({ min: 1, max: 5 })
  .chain((cols) => fc.array(fc.array(counts, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 6 }));

describe("complementary suppression", () => {
  it("hides every count under 5, and no hidden count can be recomputed from what is shown", () => {
    fc.assert(
      fc.property(tables, (inner) => {
        const grid = withMargins(inner);
        const { hidden, withheld } = suppressTable(inner);
        if (withheld) {
          expect(hidden.flat().every(Boolean)).toBe(true);
          return;
        }
        for (const [i, r] of grid.entries()) for (const [j, v] of r.entries()) if (v > 0 && v < 5) expect(hidden[i][j]).toBe(true);
        expect(attack(grid, hidden)).toEqual({ determined: [], pinned: [] });
      }),
      { numRuns: 600 },
    );
  });

  it("the recomputation finds a cell hidden alone (so it would catch a weaker rule)", () => {
    const inner = [
      [3, 12],
      [8, 30],
    ];
    const onlyPrimary = withMargins(inner).map((r) => r.map((v) => v > 0 && v < 5));
    expect(attack(withMargins(inner), onlyPrimary).determined).toEqual(["0,0"]);
  });

  it("leaves a table without small counts as it is", () => {
    const inner = [
      [10, 12],
      [7, 30],
    ];
    expect(suppressTable(inner).hidden.flat().some(Boolean)).toBe(false);
  });

  it("hides a second cell beside a single small one, in its row and its column", () => {
    const inner = [
      [3, 12, 9],
      [8, 30, 14],
      [11, 6, 20],
    ];
    const { hidden } = suppressTable(inner);
    expect(hidden[0][0]).toBe(true);
    expect(hidden[0].filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(hidden.map((r) => r[0]).filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(attack(withMargins(inner), hidden).determined).toEqual([]);
  });

  it("never leaves one hidden count in a list with its total", () => {
    fc.assert(
      fc.property(fc.array(counts, { minLength: 1, maxLength: 8 }), (list) => {
        const { hidden, totalHidden, withheld } = suppressList(list);
        if (withheld) return;
        for (const [i, v] of list.entries()) if (v > 0 && v < 5) expect(hidden[i]).toBe(true);
        const total = list.reduce((a, b) => a + b, 0);
        if (total > 0 && total < 5) expect(totalHidden).toBe(true);
        // one equation (the counts add up to the total): one unknown in it is found by subtraction
        const unknownsInSum = hidden.filter(Boolean).length + (totalHidden ? 1 : 0);
        expect(unknownsInSum === 0 || unknownsInSum >= 2).toBe(true);
        // and two unknowns summing to a value where one must be 0 would pin the other: hidden counts are never 0
        for (const [i, v] of list.entries()) if (hidden[i]) expect(v).toBeGreaterThan(0);
      }),
      { numRuns: 600 },
    );
  });
});
