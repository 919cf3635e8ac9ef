// The history: the same filtered views timed two ways, as server time of the real loadHistoryView
// (rows + per-status counts and totals, what the page awaits) and as HTTP under `next start`
// (http.ts). The filters are URL search strings, read by the page's own parser. And the chips and
// totals alone, from the kept daily totals and counted directly, on both sets interleaved.
import type { Actor } from "@/lib/auth/permissions";
import { loadHistoryView } from "@/lib/payments/history/query";
import { osloDate } from "@/lib/payments/history/dates";
import { parseHistoryParams } from "@/lib/payments/history/params";
import { countHistory } from "@/lib/payments/history/totals";
import { captureQueries, type BenchDb, type CapturedQuery } from "./clients";
import { benchMsn, type BenchShape } from "./shape";
import { measure, measureEach, type RunPlan, type Summary } from "./stats";

export interface HistoryKind {
  id: string;
  label: string;
  /** The sales-unit filter; null: all units (the admin's whole set). */
  msn: string | null;
  /** URL search string without "?" and without msn; "next page" gets its cursor at run time. */
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
    { id: "allUnits", label: "all sales units, no filter", msn: null, search: "" },
    { id: "allUnitsStatus", label: "all sales units, status: reserved", msn: null, search: "status=reserved" },
    { id: "byStatus", label: "sorted by status", msn: big, search: "sort=status&dir=asc" },
    { id: "byCaptured", label: "sorted by captured", msn: big, search: "sort=captured" },
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

/** The URL search string of a kind with its sales unit (the page's own form). */
export const searchOf = (kind: HistoryKind, search = kind.search) =>
  kind.msn ? `msn=${kind.msn}${search ? `&${search}` : ""}` : search;

/** The page's parser, as the admin (every bench unit is theirs). */
export function parseFor(shape: BenchShape, search: string) {
  const msns = Array.from({ length: shape.salesUnits }, (_, i) => benchMsn(i));
  return parseHistoryParams(new URLSearchParams(search), cursorKey, { msns, now: new Date(shape.now) });
}

async function searchFor(db: BenchDb, shape: BenchShape, kind: HistoryKind): Promise<string> {
  if (!kind.nextPage) return searchOf(kind);
  const first = parseFor(shape, searchOf(kind));
  const view = await loadHistoryView(historyAdmin, first.query, cursorKey, { client: db.prisma });
  if (!view.next) throw new Error(`no second page for ${kind.msn}`);
  const sp = new URLSearchParams(searchOf(kind));
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

/**
 * Server time of every history view, on one set or several. Several are interleaved run by run
 * (big, small, big, …) so that load on the machine and the state of its caches land on all alike:
 * the 1M / 10k ratio compares like with like. One set alone is measured within the plan's time
 * budget (PGlite's slow views). Returns the results per set, in the order given.
 */
export async function benchHistoryServer(
  sets: readonly { db: BenchDb; shape: BenchShape }[],
  plan: RunPlan,
  log: (line: string) => void,
): Promise<HistoryServerResult[][]> {
  const out = sets.map((): HistoryServerResult[] => []);
  for (const id of historyKinds(sets[0]!.shape).map((k) => k.id)) {
    const per = await Promise.all(
      sets.map(async ({ db, shape }) => {
        const kind = historyKinds(shape).find((k) => k.id === id)!;
        const parsed = parseFor(shape, await searchFor(db, shape, kind));
        if (parsed.problems.length > 0) throw new Error(`history params refused: ${JSON.stringify(parsed.problems)}`);
        return { kind, query: parsed.query };
      }),
    );
    const last = sets.map(() => ({ rows: 0, total: "0" }));
    const load = async (arm: number) => {
      const view = await loadHistoryView(historyAdmin, per[arm]!.query, cursorKey, { client: sets[arm]!.db.prisma });
      last[arm] = { rows: view.rows.length, total: `${view.total.n}${view.total.more ? "+" : ""}` };
    };
    const summaries =
      sets.length === 1 ? [await measure(plan, () => load(0))] : await measureEach(plan, sets.length, load);
    sets.forEach(({ db }, arm) => {
      const summary = summaries[arm]!;
      out[arm]!.push({ kind: id, label: per[arm]!.kind.label, summary, ...last[arm]! });
      log(
        `  ${db.label} history server ${id.padEnd(14)} p50 ${summary.p50.toFixed(2)} p95 ${summary.p95.toFixed(2)} p99 ${summary.p99.toFixed(2)} ms (n=${summary.n}${summary.truncated ? ", budget" : ""}; ${last[arm]!.rows} rows of ${last[arm]!.total})`,
      );
    });
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
    const parsed = parseFor(shape, await searchFor(db, shape, kind));
    const { queries } = await captureQueries(() =>
      loadHistoryView(historyAdmin, parsed.query, cursorKey, { client: db.logging }),
    );
    out.push({ name: `history ${kind.id} (${kind.label})`, queries });
  }
  return out;
}

/** The views whose chips and totals come from the kept daily totals (no amount or text filter). */
export const TOTALS_KINDS = ["first", "status", "dates", "allUnits", "allUnitsStatus"] as const;

export interface TotalsResult {
  kind: string;
  label: string;
  /** [big, small] × kept, direct. */
  kept: [Summary, Summary];
  direct: [Summary, Summary];
  /** The filtered count, to show both ways agree. */
  total: [number, number];
}

/**
 * The chips and totals alone (countHistory), from the kept daily totals and counted from the
 * payments, on both sets: the four arms interleaved run by run (big kept, small kept, big direct,
 * small direct), so load on the machine lands on all alike. The counts must agree.
 */
export async function benchTotalsPaired(
  sets: readonly [{ db: BenchDb; shape: BenchShape }, { db: BenchDb; shape: BenchShape }],
  plan: RunPlan,
  log: (line: string) => void,
): Promise<TotalsResult[]> {
  const out: TotalsResult[] = [];
  for (const id of TOTALS_KINDS) {
    const per = sets.map(({ shape }) => {
      const kind = historyKinds(shape).find((k) => k.id === id)!;
      return { kind, filters: parseFor(shape, searchOf(kind)).query.filters };
    });
    const totals = [0, 0, 0, 0];
    const summaries = await measureEach(plan, 4, async (arm) => {
      const which = arm % 2;
      const r = await countHistory(historyAdmin, per[which]!.filters, {
        client: sets[which]!.db.prisma,
        direct: arm >= 2,
      });
      totals[arm] = r.total.n;
    });
    if (totals[0] !== totals[2] || totals[1] !== totals[3])
      throw new Error(`totals ${id}: kept ${totals[0]}/${totals[1]} but counted ${totals[2]}/${totals[3]}`);
    const [bk, sk, bd, sd] = summaries as [Summary, Summary, Summary, Summary];
    out.push({
      kind: id,
      label: per[0]!.kind.label,
      kept: [bk, sk],
      direct: [bd, sd],
      total: [totals[0]!, totals[1]!],
    });
    log(
      `  totals ${id.padEnd(14)} kept p50 ${bk.p50.toFixed(2)}/${sk.p50.toFixed(2)} p95 ${bk.p95.toFixed(2)}/${sk.p95.toFixed(2)} ms · direct p50 ${bd.p50.toFixed(2)}/${sd.p50.toFixed(2)} p95 ${bd.p95.toFixed(2)}/${sd.p95.toFixed(2)} ms (big/small; ${totals[0]}/${totals[1]} payments)`,
    );
  }
  return out;
}
