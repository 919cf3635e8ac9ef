// The per-sales-unit history: the same filtered views timed two ways, as server time of the real
// loadHistoryView (rows + per-status counts, what the page awaits) and as HTTP under `next start`
// (http.ts). The filters are URL search strings, read by the page's own parser.
import type { Actor } from "@/lib/auth/permissions";
import { loadHistoryView } from "@/lib/payments/history/query";
import { osloDate } from "@/lib/payments/history/dates";
import { parseHistoryParams } from "@/lib/payments/history/params";
import { captureQueries, type BenchDb, type CapturedQuery } from "./clients";
import { benchMsn, type BenchShape } from "./shape";
import { measure, type RunPlan, type Summary } from "./stats";

export interface HistoryKind {
  id: string;
  label: string;
  msn: string;
  /** URL search string without "?"; "next page" gets its cursor at run time. */
  search: string;
  /** Follow the first page's "next" cursor (keyset pagination). */
  nextPage?: boolean;
}

const DAY = 86_400_000;

/** The views measured. The largest sales unit (~9 % of all payments) is the worst case. */
export function historyKinds(shape: BenchShape): HistoryKind[] {
  const big = benchMsn(0);
  const median = benchMsn(Math.floor(shape.salesUnits / 2));
  const day = (daysAgo: number) => osloDate(new Date(shape.now - daysAgo * DAY));
  return [
    { id: "first", label: "first page, no filter", msn: big, search: "" },
    { id: "firstMedian", label: "first page, median-sized unit", msn: median, search: "" },
    { id: "next", label: "next page (cursor)", msn: big, search: "", nextPage: true },
    { id: "status", label: "status: partially_captured", msn: big, search: "status=partially_captured" },
    { id: "dates", label: "date range (one week)", msn: big, search: `from=${day(37)}&to=${day(31)}` },
    { id: "amount", label: "amount 1 000–2 500 kr", msn: big, search: "min=1000&max=2500" },
    { id: "text", label: "text 'ullsokker'", msn: big, search: "q=ullsokker" },
    {
      id: "all",
      label: "status+dates+amount+text, by amount",
      msn: big,
      search: `status=captured&status=refunded&from=${day(60)}&to=${day(1)}&min=100&max=5000&q=regnjakke&sort=amount`,
    },
  ];
}

export const historyAdmin: Actor = {
  id: "00000000-0000-4000-8000-000000000002",
  email: "bench@example.invalid",
  name: "Bench",
  role: "admin",
  msns: [],
  allSalesUnits: true,
  canViewPayments: true,
};

/** A fixed key for cursors in server-time runs (HTTP runs use the server's own links). */
const cursorKey = Buffer.alloc(32, 7);

async function searchFor(db: BenchDb, kind: HistoryKind): Promise<string> {
  if (!kind.nextPage) return kind.search;
  const first = parseHistoryParams(kind.msn, new URLSearchParams(kind.search), cursorKey);
  const view = await loadHistoryView(historyAdmin, kind.msn, first.query, cursorKey, { client: db.prisma });
  if (!view.next) throw new Error(`no second page for ${kind.msn}`);
  const sp = new URLSearchParams(kind.search);
  sp.set("after", view.next);
  return sp.toString();
}

export interface HistoryServerResult {
  kind: string;
  label: string;
  summary: Summary;
  /** rows on the page and the filtered total */
  rows: number;
  /** Matches as the page shows them: "200+" when a text search passed the count cap. */
  total: string;
}

export async function benchHistoryServer(
  db: BenchDb,
  shape: BenchShape,
  plan: RunPlan,
  log: (line: string) => void,
): Promise<HistoryServerResult[]> {
  const out: HistoryServerResult[] = [];
  for (const kind of historyKinds(shape)) {
    const parsed = parseHistoryParams(kind.msn, new URLSearchParams(await searchFor(db, kind)), cursorKey);
    if (parsed.problems.length > 0) throw new Error(`history params refused: ${JSON.stringify(parsed.problems)}`);
    let last = { rows: 0, total: "0" };
    const summary = await measure(plan, async () => {
      const view = await loadHistoryView(historyAdmin, kind.msn, parsed.query, cursorKey, { client: db.prisma });
      last = { rows: view.rows.length, total: `${view.total.n}${view.total.more ? "+" : ""}` };
    });
    out.push({ kind: kind.id, label: kind.label, summary, ...last });
    log(
      `  ${db.label} history server ${kind.id.padEnd(11)} p50 ${summary.p50.toFixed(2)} p95 ${summary.p95.toFixed(2)} p99 ${summary.p99.toFixed(2)} ms (n=${summary.n}${summary.truncated ? ", budget" : ""}; ${last.rows} rows of ${last.total})`,
    );
  }
  return out;
}

/** The SQL of selected views (rows query and counts query), for EXPLAIN. */
export async function historyQueries(
  db: BenchDb,
  shape: BenchShape,
  ids: readonly string[],
): Promise<{ name: string; queries: CapturedQuery[] }[]> {
  const out: { name: string; queries: CapturedQuery[] }[] = [];
  for (const kind of historyKinds(shape).filter((k) => ids.includes(k.id))) {
    const parsed = parseHistoryParams(kind.msn, new URLSearchParams(await searchFor(db, kind)), cursorKey);
    const { queries } = await captureQueries(() =>
      loadHistoryView(historyAdmin, kind.msn, parsed.query, cursorKey, { client: db.logging }),
    );
    out.push({ name: `history ${kind.id} (${kind.label})`, queries });
  }
  return out;
}
