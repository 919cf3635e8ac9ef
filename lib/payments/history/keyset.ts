// The history's orderings and their keyset conditions. Every ordering ends with the id, so equal
// keys never skip or repeat a row. Status sorts in the enum's order (PAYMENT_STATUSES), then newest
// first within a status; the other sorts are the column, then the id, in the chosen direction.
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { PaymentOrderByWithRelationInput, PaymentWhereInput } from "@/generated/prisma/models";
import type { HistoryCursor, KeyValue } from "./cursor";
import { PAYMENT_STATUSES, type HistorySortField, type SortDirection } from "./url";

type Column = "createdAt" | "amount" | "capturedAmount" | "refundedAmount" | "status";
type Part = readonly [Column, SortDirection];

/** The columns before the id, and the id's own direction. */
function spec(sort: HistorySortField, dir: SortDirection): { parts: Part[]; idDir: SortDirection } {
  switch (sort) {
    case "date":
      return { parts: [["createdAt", dir]], idDir: dir };
    case "amount":
      return { parts: [["amount", dir]], idDir: dir };
    case "captured":
      return { parts: [["capturedAmount", dir]], idDir: dir };
    case "refunded":
      return { parts: [["refundedAmount", dir]], idDir: dir };
    case "status":
      // Within a status the newest first, whichever way the statuses run (the (msn, status,
      // createdAt DESC) index serves both).
      return {
        parts: [
          ["status", dir],
          ["createdAt", "desc"],
        ],
        idDir: "desc",
      };
  }
}

const flip = (d: SortDirection): SortDirection => (d === "asc" ? "desc" : "asc");

/** Prisma's orderBy for the sort, read forwards or (reversed) backwards from a cursor. */
export function orderByFor(
  sort: HistorySortField,
  dir: SortDirection,
  reversed = false,
): PaymentOrderByWithRelationInput[] {
  const { parts, idDir } = spec(sort, dir);
  const d = (x: SortDirection) => (reversed ? flip(x) : x);
  return [...parts.map(([c, x]) => ({ [c]: d(x) })), { id: d(idDir) }];
}

interface KeyedRow {
  id: string;
  status: PaymentStatus;
  amount: number;
  capturedAmount: number;
  refundedAmount: number;
  createdAt: Date;
}

/** The row's key under the sort (what a cursor stores). */
export function keyOf(sort: HistorySortField, row: KeyedRow): KeyValue[] {
  return spec(sort, "asc").parts.map(([c]) => (c === "createdAt" ? row.createdAt.getTime() : row[c]));
}

const valueOf = (c: Column, v: KeyValue) => (c === "createdAt" ? new Date(v as number) : v);

/** `column` strictly beyond `v` in direction `d` (statuses compare by their enum position). */
function beyond(c: Column, d: SortDirection, v: KeyValue): PaymentWhereInput {
  if (c === "status") {
    const i = PAYMENT_STATUSES.indexOf(v as PaymentStatus);
    return { status: { in: d === "asc" ? PAYMENT_STATUSES.slice(i + 1) : PAYMENT_STATUSES.slice(0, i) } };
  }
  return { [c]: { [d === "asc" ? "gt" : "lt"]: valueOf(c, v) } };
}

/**
 * Rows strictly after the cursor's row, reading in direction `dir` (or reversed). The leading
 * column also gets a plain range (`col >= k`), so the planner sees a range on the indexed column.
 */
export function keysetWhere(cursor: HistoryCursor, reversed = false): PaymentWhereInput {
  const { parts, idDir } = spec(cursor.sort, cursor.dir);
  const d = (x: SortDirection) => (reversed ? flip(x) : x);
  const cols: Part[] = [...parts.map(([c, x]) => [c, d(x)] as const)];
  const equal = (i: number): PaymentWhereInput[] =>
    cols.slice(0, i).map(([c], j) => ({ [c]: valueOf(c, cursor.key[j]!) }));
  const or: PaymentWhereInput[] = cols.map(([c, x], i) => ({ AND: [...equal(i), beyond(c, x, cursor.key[i]!)] }));
  or.push({ AND: [...equal(cols.length), { id: { [d(idDir) === "asc" ? "gt" : "lt"]: cursor.id } }] });
  const [lead, leadDir] = cols[0]!;
  const range: PaymentWhereInput =
    lead === "status"
      ? { OR: [{ status: cursor.key[0] as PaymentStatus }, beyond("status", leadDir, cursor.key[0]!)] }
      : { [lead]: { [leadDir === "asc" ? "gte" : "lte"]: valueOf(lead, cursor.key[0]!) } };
  return { AND: [range, { OR: or }] };
}

/** The sort's key has as many values as the cursor carries (a cursor from another sort is refused earlier). */
export const keyLength = (sort: HistorySortField) => spec(sort, "asc").parts.length;
