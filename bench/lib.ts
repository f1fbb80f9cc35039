// Small measuring helpers: latency percentiles under a fixed concurrency, and a table printer.
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  throughput: number;
}

export function stats(samples: number[], seconds: number): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return {
    n: s.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length),
    throughput: s.length / seconds,
  };
}

/** Runs `task` `total` times with `concurrency` in flight; returns per-call milliseconds. */
export async function measure(total: number, concurrency: number, task: (i: number) => Promise<void>): Promise<Stats> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await task(i);
        samples.push(performance.now() - t);
      }
    }),
  );
  return stats(samples, (performance.now() - started) / 1000);
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;

export function printTable(rows: Record<string, string | number>[]) {
  const cols = Object.keys(rows[0] ?? {});
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i])).join("  ");
  console.log(line(cols));
  console.log(line(width.map((w) => "-".repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => String(r[c]))));
}
