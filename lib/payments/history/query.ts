// Reads for the transaction history of one sales unit. Every function takes the actor: rows are
// limited to the actor's sales units in the WHERE clause itself, so an MSN outside the scope reads
// as empty even if a caller forgot its own check. Keyset pagination on (createdAt, id) or
// (amount, id); the id breaks ties so equal timestamps or amounts never skip or repeat a row.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { PaymentWhereInput } from "@/generated/prisma/models";
import { assertCan, msnScope, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import {
  encodeCursor,
  type HistoryCursor,
  type HistorySortField,
  type SortDirection,
} from "@/lib/payments/history/cursor";
import type { HistoryFilters, HistoryQuery } from "@/lib/payments/history/params";
import { PAGE_SIZE, PAYMENT_STATUSES } from "@/lib/payments/history/url";

const rowSelect = {
  id: true,
  orderId: true,
  status: true,
  amount: true,
  capturedAmount: true,
  refundedAmount: true,
  transactionText: true,
  bankIdentificationNumber: true,
  createdAt: true,
} as const;

export interface HistoryRow {
  id: string;
  orderId: string;
  status: PaymentStatus;
  amount: number;
  capturedAmount: number;
  refundedAmount: number;
  transactionText: string | null;
  bankIdentificationNumber: number | null;
  createdAt: Date;
}

export interface HistoryPage {
  rows: HistoryRow[];
  /** Cursor positions for the neighbouring pages; null when there is none. */
  next: HistoryCursor | null;
  previous: HistoryCursor | null;
}

/** Escapes LIKE wildcards so "%" or "_" typed in the box match themselves. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function baseWhere(actor: Actor, msn: string, f: HistoryFilters, withStatus: boolean): PaymentWhereInput {
  const and: PaymentWhereInput[] = [msnScope(actor), { msn }];
  if (withStatus && f.statuses.length > 0) and.push({ status: { in: f.statuses } });
  if (f.createdFrom) and.push({ createdAt: { gte: f.createdFrom } });
  if (f.createdBefore) and.push({ createdAt: { lt: f.createdBefore } });
  if (f.minOre !== null) and.push({ amount: { gte: f.minOre } });
  if (f.maxOre !== null) and.push({ amount: { lte: f.maxOre } });
  if (f.text) {
    const text = likeLiteral(f.text);
    and.push({
      OR: [
        { orderId: { startsWith: text, mode: "insensitive" } },
        { transactionText: { contains: text, mode: "insensitive" } },
      ],
    });
  }
  return { AND: and };
}

const keyOf = (sort: HistorySortField, row: HistoryRow) => (sort === "date" ? row.createdAt.getTime() : row.amount);

/**
 * Rows strictly beyond the cursor in the given reading direction. Written as
 * `col <= k AND (col < k OR (col = k AND id < i))` rather than only the OR, so the planner gets a
 * plain range on the indexed column.
 */
function keysetWhere(cursor: HistoryCursor, readDir: SortDirection): PaymentWhereInput {
  const beyond = readDir === "desc" ? "lt" : "gt";
  const atOrBeyond = readDir === "desc" ? "lte" : "gte";
  const tie = { id: { [beyond]: cursor.id } };
  if (cursor.sort === "date") {
    const at = new Date(cursor.key);
    return {
      AND: [{ createdAt: { [atOrBeyond]: at } }, { OR: [{ createdAt: { [beyond]: at } }, { createdAt: at, ...tie }] }],
    };
  }
  return {
    AND: [
      { amount: { [atOrBeyond]: cursor.key } },
      { OR: [{ amount: { [beyond]: cursor.key } }, { amount: cursor.key, ...tie }] },
    ],
  };
}

const flip = (d: SortDirection): SortDirection => (d === "asc" ? "desc" : "asc");

async function readRows(
  client: PrismaClient,
  where: PaymentWhereInput,
  sort: HistorySortField,
  readDir: SortDirection,
  take: number,
): Promise<HistoryRow[]> {
  return client.payment.findMany({
    where,
    orderBy: sort === "date" ? [{ createdAt: readDir }, { id: readDir }] : [{ amount: readDir }, { id: readDir }],
    take,
    select: rowSelect,
  });
}

const cursorAt = (msn: string, q: Pick<HistoryQuery, "sort" | "dir">, row: HistoryRow): HistoryCursor => ({
  msn,
  sort: q.sort,
  dir: q.dir,
  key: keyOf(q.sort, row),
  id: row.id,
});

/** One page of 50 (or `pageSize`) rows with the cursors for next and previous. */
export async function listHistoryPage(
  actor: Actor,
  msn: string,
  q: HistoryQuery,
  opts: { client?: PrismaClient; pageSize?: number } = {},
): Promise<HistoryPage> {
  assertCan(actor, "payments:read");
  const client = opts.client ?? (await db());
  const size = opts.pageSize ?? PAGE_SIZE;
  const where = baseWhere(actor, msn, q.filters, true);
  const page = q.page;

  if (page && "before" in page) {
    // Read backwards from the cursor, one extra row to learn whether there is a page before.
    const back = await readRows(
      client,
      { AND: [where, keysetWhere(page.before, flip(q.dir))] },
      q.sort,
      flip(q.dir),
      size + 1,
    );
    if (back.length <= size) {
      // We reached the start: show a full first page rather than a short one (rows may have been
      // added at the top since the link was made).
      return listHistoryPage(actor, msn, { ...q, page: null }, opts);
    }
    const rows = back.slice(0, size).reverse();
    return { rows, previous: cursorAt(msn, q, rows[0]!), next: cursorAt(msn, q, rows[rows.length - 1]!) };
  }

  const filter = page ? { AND: [where, keysetWhere(page.after, q.dir)] } : where;
  const found = await readRows(client, filter, q.sort, q.dir, size + 1);
  // Nothing after the cursor any more (the rows it pointed past were removed): start over.
  if (page && found.length === 0) return listHistoryPage(actor, msn, { ...q, page: null }, opts);
  const rows = found.slice(0, size);
  const last = rows[rows.length - 1];
  const first = rows[0];
  return {
    rows,
    next: found.length > size && last ? cursorAt(msn, q, last) : null,
    // After a cursor there was a page before; the first page has none.
    previous: page && first ? cursorAt(msn, q, first) : null,
  };
}

/**
 * How far a text search is counted. Without text the counts are exact (index-only scans of
 * (msn, status, createdAt, amount), cheap at any size); a text filter has to read rows, so it stops
 * after this many and says "more than". Bounded work per page view, however large the unit.
 */
export const TEXT_COUNT_CAP = 200;

/** Payments per status under the other filters (the chips). */
export type StatusCounts = Record<PaymentStatus, number>;

/** A number of matches: exact, or more than `n` (a text search past TEXT_COUNT_CAP). */
export interface MatchCount {
  n: number;
  more: boolean;
}

const zeroCounts = () => Object.fromEntries(PAYMENT_STATUSES.map((s) => [s, 0])) as StatusCounts;

/** Payments per status for the current filters, ignoring the status filter itself (for the chips). Exact. */
export async function countHistoryByStatus(
  actor: Actor,
  msn: string,
  filters: HistoryFilters,
  opts: { client?: PrismaClient } = {},
): Promise<StatusCounts> {
  assertCan(actor, "payments:read");
  const client = opts.client ?? (await db());
  const groups = await client.payment.groupBy({
    by: ["status"],
    where: baseWhere(actor, msn, filters, false),
    _count: { _all: true },
  });
  const counts = zeroCounts();
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

/**
 * Statuses of at most cap + 1 matching rows: exact counts when there are at most `cap`. Read newest
 * first along (msn, createdAt) — without an order Prisma sorts by id, and the planner walks the
 * primary key through every sales unit's rows.
 */
async function cappedStatuses(client: PrismaClient, where: PaymentWhereInput, cap: number): Promise<PaymentStatus[]> {
  const rows = await client.payment.findMany({
    where,
    select: { status: true },
    orderBy: { createdAt: "desc" },
    take: cap + 1,
  });
  return rows.map((r) => r.status);
}

export interface HistoryCounts {
  /** Per status under the other filters; null when a text search matched more than the cap. */
  counts: StatusCounts | null;
  /** Every status under the other filters (the "All" chip). */
  all: MatchCount;
  /** Rows matching every filter, status included. */
  total: MatchCount;
}

/**
 * The chips' counts and the number of matches. Exact without a text filter. With one: exact up to
 * TEXT_COUNT_CAP matches, beyond that "more than TEXT_COUNT_CAP" and no per-status counts (a
 * partial sample per status would mislead).
 */
export async function countHistory(
  actor: Actor,
  msn: string,
  filters: HistoryFilters,
  opts: { client?: PrismaClient; textCap?: number } = {},
): Promise<HistoryCounts> {
  assertCan(actor, "payments:read");
  const client = opts.client ?? (await db());
  const exact = (counts: StatusCounts): HistoryCounts => ({
    counts,
    all: { n: totalFor(counts, []), more: false },
    total: { n: totalFor(counts, filters.statuses), more: false },
  });
  if (!filters.text) return exact(await countHistoryByStatus(actor, msn, filters, { client }));
  const cap = opts.textCap ?? TEXT_COUNT_CAP;
  // With statuses chosen, their own matches are read alongside (in parallel): they may be few
  // enough to count when all statuses together are past the cap.
  const [statuses, chosen] = await Promise.all([
    cappedStatuses(client, baseWhere(actor, msn, filters, false), cap),
    filters.statuses.length > 0 ? cappedStatuses(client, baseWhere(actor, msn, filters, true), cap) : null,
  ]);
  if (statuses.length <= cap) {
    const counts = zeroCounts();
    for (const s of statuses) counts[s] += 1;
    return exact(counts);
  }
  const past = { n: cap, more: true };
  return { counts: null, all: past, total: chosen && chosen.length <= cap ? { n: chosen.length, more: false } : past };
}

/** How many rows the full filter (status included) matches, from the per-status counts. */
export function totalFor(counts: StatusCounts, statuses: readonly PaymentStatus[]): number {
  const chosen = statuses.length > 0 ? statuses : PAYMENT_STATUSES;
  return chosen.reduce((sum, s) => sum + counts[s], 0);
}

/** Every row of the filtered set in the query's order, in batches (for the CSV export). */
export async function* iterateHistory(
  actor: Actor,
  msn: string,
  q: Pick<HistoryQuery, "filters" | "sort" | "dir">,
  opts: { client?: PrismaClient; batchSize?: number } = {},
): AsyncGenerator<HistoryRow[]> {
  assertCan(actor, "payments:read");
  const client = opts.client ?? (await db());
  const size = opts.batchSize ?? 1000;
  const where = baseWhere(actor, msn, q.filters, true);
  let after: HistoryCursor | null = null;
  for (;;) {
    const rows: HistoryRow[] = await readRows(
      client,
      after ? { AND: [where, keysetWhere(after, q.dir)] } : where,
      q.sort,
      q.dir,
      size,
    );
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = cursorAt(msn, q, rows[rows.length - 1]!);
  }
}

export interface HistoryView extends HistoryCounts {
  rows: HistoryRow[];
  /** Signed cursor tokens for the page links. */
  next: string | null;
  previous: string | null;
}

/** What the page shows: the page of rows and the counts, read in parallel. */
export async function loadHistoryView(
  actor: Actor,
  msn: string,
  q: HistoryQuery,
  cursorKey: Buffer,
  opts: { client?: PrismaClient } = {},
): Promise<HistoryView> {
  const [page, counts] = await Promise.all([
    listHistoryPage(actor, msn, q, opts),
    countHistory(actor, msn, q.filters, opts),
  ]);
  return {
    rows: page.rows,
    ...counts,
    next: page.next ? encodeCursor(page.next, cursorKey) : null,
    previous: page.previous ? encodeCursor(page.previous, cursorKey) : null,
  };
}
