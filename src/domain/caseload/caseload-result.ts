// What a caseload question answers: the shapes the store returns and the cards render.
import type { Period } from "./caseload-query.ts";

export interface ClientLine {
  clientId: string;
  displayName: string;
  externalKey: string;
  wijk: string;
  rung: number;
  substep: number | null;
  expectedRung: number | null;
  coachName: string | null;
  lastContactAt: Date | null;
  status: string;
}

/** A count that may be hidden ("<5") in aggregates by wijk or age band. */
export interface Cell {
  value: number;
  suppressed: boolean;
}

export type CaseloadResult =
  | {
      kind: "list";
      total: number;
      page: number;
      pageSize: number;
      lines: ClientLine[];
      order?: "name" | "lastContact" | "sameRung";
    }
  | { kind: "count"; count: number; denominator: number }
  | {
      kind: "distribution";
      by: string;
      rows: { key: string; count: number; suppressed?: boolean }[];
      unknown: number;
      total: number;
      unknownSuppressed?: boolean;
    }
  | {
      kind: "crossTab";
      currentRungs: number[];
      expectedRungs: number[];
      cells: Record<string, number>;
      unknownExpected: Record<string, number>;
      total: number;
    }
  | {
      kind: "movement";
      direction: "up" | "down";
      period: Period | null;
      reading: "sincePrevious" | "startEnd" | "events";
      count: number;
      denominator: number;
      noBaseline: number;
      lines: ClientLine[];
      total: number;
      page: number;
      pageSize: number;
    }
  | {
      kind: "reach";
      rows: { wijk: string; inView: Cell; total: Cell }[];
      inView: number;
      total: number;
      inViewSuppressed?: boolean;
      totalSuppressed?: boolean;
    }
  | {
      kind: "growthByAgeBand";
      rows: { band: string; total: Cell; ja: Cell; nee: Cell; onbekend: Cell }[];
      totals?: { total: Cell; ja: Cell; nee: Cell; onbekend: Cell };
    }
  | {
      kind: "pendingReviews";
      lines: (ClientLine & { classificationId: string; confirmedAt: Date })[];
      total: number;
      page: number;
      pageSize: number;
    }
  | { kind: "referrals"; rows: { outcome: string; count: number }[]; contacts: number }
  | {
      kind: "domainTrends";
      rows: { domain: string; vooruit: number; gelijk: number; achteruit: number; notDiscussed: number }[];
    }
  /** per month or quarter: counts per rung ("rung") or one count ("up", "down", "contacts") */
  | {
      kind: "trend";
      of: "rung" | "up" | "down" | "contacts";
      buckets: { label: string; counts: Record<string, number>; total: number }[];
    };
