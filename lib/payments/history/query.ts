// Reads for the transaction history across the actor's sales units. Every function takes the actor:
// rows are limited to the actor's sales units in the WHERE clause itself, so a sales unit outside
// the scope reads as empty even if a caller forgot its own check. Keyset pagination on the sort's
// key and the id (keyset.ts); each cursor also carries its row's position, for "51–100 of 2 215".
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { PaymentWhereInput } from "@/generated/prisma/models";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { encodeCursor, type HistoryCursor } from "@/lib/payments/history/cursor";
import { keyOf, keysetWhere, orderByFor } from "@/lib/payments/history/keyset";
import type { HistoryQuery } from "@/lib/payments/history/params";
import { countHistory, type HistoryCounts } from "@/lib/payments/history/totals";
import { historyWhere } from "@/lib/payments/history/where";

const rowSelect = {
  id: true,
  msn: true,
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
  msn: string;
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
  /** 0-based position of the first row shown. */
  start: number;
  /** The link pointed past the rows there are now (they were removed or changed): the first page instead. */
  restarted: boolean;
}

type Sorted = Pick<HistoryQuery, "filters" | "sort" | "dir">;

async function readRows(
  client: PrismaClient,
  where: PaymentWhereInput,
  q: Sorted,
  reversed: boolean,
  take: number,
): Promise<HistoryRow[]> {
  return client.payment.findMany({ where, orderBy: orderByFor(q.sort, q.dir, reversed), take, select: rowSelect });
}

const cursorAt = (q: Sorted, row: HistoryRow, pos: number): HistoryCursor => ({
  msn: q.filters.msn ?? "",
  sort: q.sort,
  dir: q.dir,
  key: keyOf(q.sort, row),
  id: row.id,
  pos,
});

/** One page of `q.size` rows with the cursors for next and previous. */
export async function listHistoryPage(
  actor: Actor,
  q: HistoryQuery,
  opts: { client?: PrismaClient } = {},
): Promise<HistoryPage> {
  assertCan(actor, "payments:read");
  const client = opts.client ?? (await db());
  const size = q.size;
  const where = historyWhere(actor, q.filters, true);
  const page = q.page;
  const firstPage = async (): Promise<HistoryPage> => ({
    ...(await listHistoryPage(actor, { ...q, page: null }, opts)),
    restarted: true,
  });

  if (page && "before" in page) {
    // Read backwards from the cursor, one extra row to learn whether there is a page before.
    const back = await readRows(client, { AND: [where, keysetWhere(page.before, true)] }, q, true, size + 1);
    // We reached the start: show a full first page rather than a short one (rows may have been
    // added at the top since the link was made).
    if (back.length <= size) return { ...(await listHistoryPage(actor, { ...q, page: null }, opts)) };
    const rows = back.slice(0, size).reverse();
    const start = Math.max(1, page.before.pos - size);
    return {
      rows,
      previous: cursorAt(q, rows[0]!, start),
      next: cursorAt(q, rows[rows.length - 1]!, start + rows.length - 1),
      start,
      restarted: false,
    };
  }

  const filter = page ? { AND: [where, keysetWhere(page.after)] } : where;
  const found = await readRows(client, filter, q, false, size + 1);
  // Nothing after the cursor any more (the rows it pointed past were removed): start over, and say so.
  if (page && found.length === 0) return firstPage();
  const rows = found.slice(0, size);
  const start = page ? page.after.pos + 1 : 0;
  const last = rows[rows.length - 1];
  const first = rows[0];
  return {
    rows,
    next: found.length > size && last ? cursorAt(q, last, start + rows.length - 1) : null,
    // After a cursor there was a page before; the first page has none.
    previous: page && first ? cursorAt(q, first, start) : null,
    start,
    restarted: false,
  };
}

/** Every row of the filtered set in the query's order, in batches (for the CSV export). */
export async function* iterateHistory(
  actor: Actor,
  q: Sorted,
  opts: { client?: PrismaClient; batchSize?: number } = {},
): AsyncGenerator<HistoryRow[]> {
  assertCan(actor, "payments:read");
  const client = opts.client ?? (await db());
  const size = opts.batchSize ?? 1000;
  const where = historyWhere(actor, q.filters, true);
  let after: HistoryCursor | null = null;
  for (;;) {
    const rows: HistoryRow[] = await readRows(
      client,
      after ? { AND: [where, keysetWhere(after)] } : where,
      q,
      false,
      size,
    );
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = cursorAt(q, rows[rows.length - 1]!, 0);
  }
}

export interface HistoryView extends HistoryCounts {
  rows: HistoryRow[];
  /** Signed cursor tokens for the page links. */
  next: string | null;
  previous: string | null;
  start: number;
  restarted: boolean;
}

/** What the page shows: the page of rows and the counts and totals, read in parallel. */
export async function loadHistoryView(
  actor: Actor,
  q: HistoryQuery,
  cursorKey: Buffer,
  opts: { client?: PrismaClient } = {},
): Promise<HistoryView> {
  const [page, counts] = await Promise.all([listHistoryPage(actor, q, opts), countHistory(actor, q.filters, opts)]);
  return {
    ...counts,
    rows: page.rows,
    start: page.start,
    restarted: page.restarted,
    next: page.next ? encodeCursor(page.next, cursorKey) : null,
    previous: page.previous ? encodeCursor(page.previous, cursorKey) : null,
  };
}
