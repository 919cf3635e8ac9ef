// The history's status chips and totals (count; reserved, captured and refunded øre). Three ways,
// cheapest first:
// - status, date and sales-unit filters only: the kept totals (PaymentDailyTotal and, for the whole
//   months inside the range, PaymentMonthlyTotal, maintained by triggers on Payment), so the cost is
//   a number of months and edge days × statuses, not of payments;
// - a text or amount filter: at most TEXT_COUNT_CAP + 1 rows read, exact below the cap, "more than"
//   above it (an exact count of an amount range grew with the unit: 22 ms for 17,000 of 1,000,000).
// A direct aggregate over the matching payments (exact, grows with them) is kept for checks.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { PaymentDailyTotalWhereInput, PaymentMonthlyTotalWhereInput } from "@/generated/prisma/models";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { HistoryFilters } from "@/lib/payments/history/params";
import { PAYMENT_STATUSES } from "@/lib/payments/history/url";
import { historyWhere } from "@/lib/payments/history/where";

/** How far a text or amount search is counted: it stops after this many and says "more than". */
export const TEXT_COUNT_CAP = 200;

/** Payments per status under the other filters (the chips). */
export type StatusCounts = Record<PaymentStatus, number>;

/** A number of matches: exact, or more than `n` (a text search past TEXT_COUNT_CAP). */
export interface MatchCount {
  n: number;
  more: boolean;
}

/** Sums in øre. */
export interface MoneyTotals {
  amount: number;
  reserved: number;
  captured: number;
  refunded: number;
}

export interface StatusTotal extends MoneyTotals {
  count: number;
}
export type StatusTotals = Record<PaymentStatus, StatusTotal>;

export interface HistoryCounts {
  /** Per status under the other filters; null when a text search matched more than the cap. */
  counts: StatusCounts | null;
  /** Every status under the other filters (the "All" chip). */
  all: MatchCount;
  /** Rows matching every filter, status included. */
  total: MatchCount;
  /** Sums over those rows; null when a text search matched more than the cap. */
  sums: MoneyTotals | null;
  /** Where the numbers came from (the bench and tests check it). */
  source: "kept" | "direct" | "capped";
}

const zero = (): StatusTotal => ({ count: 0, amount: 0, reserved: 0, captured: 0, refunded: 0 });
/** `x` added to `t`, field by field. */
function addInto(t: StatusTotal, x: StatusTotal): void {
  t.count += x.count;
  t.amount += x.amount;
  t.reserved += x.reserved;
  t.captured += x.captured;
  t.refunded += x.refunded;
}
export const zeroTotals = () => Object.fromEntries(PAYMENT_STATUSES.map((s) => [s, zero()])) as StatusTotals;
const num = (v: bigint | number | null | undefined) => Number(v ?? 0);
/** A Date for a @db.Date column: midnight UTC of the calendar day. */
const dayValue = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

/** Days as "YYYY-MM-DD", inclusive; null: open on that side. */
export interface DayRange {
  from: string | null;
  to: string | null;
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);
/** The first day of the month `by` months after the one `day` is in. */
const monthStart = (day: string, by = 0) => {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + by);
  return ymd(d);
};
const dayBefore = (day: string) => ymd(new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000));

/**
 * A range of days as the whole months inside it (their first days, for the monthly totals) and the
 * days left at either end (for the daily totals). `months` is null when no whole month fits.
 */
export function splitByMonth(range: DayRange): { months: DayRange | null; days: DayRange[] } {
  const { from, to } = range;
  // The first whole month starts on `from` or on the next first of a month; the last whole one
  // ends on `to` or on the last day of the month before `to`'s.
  const first = from === null ? null : from.endsWith("-01") ? from : monthStart(from, 1);
  const last = to === null ? null : dayBefore(monthStart(to, 1)) === to ? monthStart(to) : monthStart(to, -1);
  if (first !== null && last !== null && first > last) return { months: null, days: [range] };
  const days: DayRange[] = [];
  if (from !== null && first !== null && from < first) days.push({ from, to: dayBefore(first) });
  if (to !== null && last !== null && monthStart(last, 1) <= to) days.push({ from: monthStart(last, 1), to });
  return { months: { from: first, to: last }, days };
}

const SUMS = { count: true, amount: true, reserved: true, captured: true, refunded: true } as const;
type SumRow = {
  status: PaymentStatus;
  _sum: {
    count: number | null;
    amount: bigint | null;
    reserved: bigint | null;
    captured: bigint | null;
    refunded: bigint | null;
  };
};

/** Per status from the kept totals, whole months from the monthly ones (no amount or text filter may be set). */
export async function keptTotals(client: PrismaClient, actor: Actor, f: HistoryFilters): Promise<StatusTotals> {
  const units: { msn: string | { in: string[] } }[] = [];
  if (!actor.allSalesUnits) units.push({ msn: { in: [...actor.msns] } });
  if (f.msn !== null) units.push({ msn: f.msn });
  const { months, days } = splitByMonth({ from: f.fromDay, to: f.toDay });
  const between = (r: DayRange) => ({
    ...(r.from ? { gte: dayValue(r.from) } : {}),
    ...(r.to ? { lte: dayValue(r.to) } : {}),
  });
  const daily: PaymentDailyTotalWhereInput = { AND: [...units, { OR: days.map((r) => ({ day: between(r) })) }] };
  const monthly: PaymentMonthlyTotalWhereInput | null = months ? { AND: [...units, { month: between(months) }] } : null;
  const [byDay, byMonth] = await Promise.all([
    days.length > 0 ? client.paymentDailyTotal.groupBy({ by: ["status"], where: daily, _sum: SUMS }) : [],
    monthly ? client.paymentMonthlyTotal.groupBy({ by: ["status"], where: monthly, _sum: SUMS }) : [],
  ]);
  const out = zeroTotals();
  for (const { status, _sum: x } of [...byDay, ...byMonth] as SumRow[]) {
    addInto(out[status], {
      count: num(x.count),
      amount: num(x.amount),
      reserved: num(x.reserved),
      captured: num(x.captured),
      refunded: num(x.refunded),
    });
  }
  return out;
}

/** Per status counted from the payments themselves (any filters; grows with the matching rows). */
export async function directTotals(client: PrismaClient, actor: Actor, f: HistoryFilters): Promise<StatusTotals> {
  const groups = await client.payment.groupBy({
    by: ["status"],
    where: historyWhere(actor, f, false),
    _count: { _all: true },
    _sum: { amount: true, reservedAmount: true, capturedAmount: true, refundedAmount: true },
  });
  const out = zeroTotals();
  for (const g of groups) {
    out[g.status] = {
      count: g._count._all,
      amount: num(g._sum.amount),
      reserved: num(g._sum.reservedAmount),
      captured: num(g._sum.capturedAmount),
      refunded: num(g._sum.refundedAmount),
    };
  }
  return out;
}

/** At most cap + 1 matching rows, newest first along (msn, createdAt) or (createdAt). */
async function cappedTotals(client: PrismaClient, actor: Actor, f: HistoryFilters, withStatus: boolean, cap: number) {
  const rows = await client.payment.findMany({
    where: historyWhere(actor, f, withStatus),
    select: { status: true, amount: true, reservedAmount: true, capturedAmount: true, refundedAmount: true },
    orderBy: { createdAt: "desc" },
    take: cap + 1,
  });
  if (rows.length > cap) return null;
  const out = zeroTotals();
  for (const r of rows) {
    const { amount, reservedAmount: reserved, capturedAmount: captured, refundedAmount: refunded } = r;
    addInto(out[r.status], { count: 1, amount, reserved, captured, refunded });
  }
  return out;
}

/** The chosen statuses' (or every status's) totals added up. */
export function sumOf(totals: StatusTotals, statuses: readonly PaymentStatus[]): StatusTotal {
  const chosen = statuses.length > 0 ? statuses : PAYMENT_STATUSES;
  const sum = zero();
  for (const s of chosen) addInto(sum, totals[s]);
  return sum;
}

function exact(totals: StatusTotals, f: HistoryFilters, source: HistoryCounts["source"]): HistoryCounts {
  const { count, ...sums } = sumOf(totals, f.statuses);
  return {
    counts: Object.fromEntries(PAYMENT_STATUSES.map((s) => [s, totals[s].count])) as StatusCounts,
    all: { n: sumOf(totals, []).count, more: false },
    total: { n: count, more: false },
    sums,
    source,
  };
}

/** The chips' counts, the number of matches and their sums, the cheapest exact way the filters allow. */
export async function countHistory(
  actor: Actor,
  filters: HistoryFilters,
  opts: { client?: PrismaClient; textCap?: number; direct?: boolean } = {},
): Promise<HistoryCounts> {
  assertCan(actor, "payments:read");
  const client = opts.client ?? (await db());
  if (opts.direct) return exact(await directTotals(client, actor, filters), filters, "direct");
  const amounts = filters.minOre !== null || filters.maxOre !== null;
  if (!filters.text && !amounts) return exact(await keptTotals(client, actor, filters), filters, "kept");
  const cap = opts.textCap ?? TEXT_COUNT_CAP;
  // With statuses chosen, their own matches are read alongside (in parallel): they may be few
  // enough to count when all statuses together are past the cap.
  const [every, chosen] = await Promise.all([
    cappedTotals(client, actor, filters, false, cap),
    filters.statuses.length > 0 ? cappedTotals(client, actor, filters, true, cap) : null,
  ]);
  if (every) return exact(every, filters, "capped");
  const past = { n: cap, more: true };
  if (!chosen) return { counts: null, all: past, total: past, sums: null, source: "capped" };
  const { count, ...sums } = sumOf(chosen, filters.statuses);
  return { counts: null, all: past, total: { n: count, more: false }, sums, source: "capped" };
}
