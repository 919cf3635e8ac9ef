// The capture queue (/finance): reserved payments with money left to capture, across the user's sales
// units, most urgent first. A payment's deadline is the next one still ahead of it: the card scheme's
// hold on the reservation (Payment.guaranteeEndsAt, estimated from the BIN at sync), else Vipps'
// 180-day limit. Payments past 180 days cannot be captured and are left out; so are direct-capture
// sales units (nothing waits for capture there).
import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { CAPTURE_DAYS } from "./rules";

export const HORIZONS = ["48h", "7d", "30d", "all"] as const;
export type Horizon = (typeof HORIZONS)[number];
const HORIZON_MS: Record<Horizon, number | null> = {
  "48h": 48 * 3_600_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
  all: null,
};

/** Rows shown at once; the totals always cover the whole filtered queue. */
export const QUEUE_LIMIT = 500;

export interface QueueFilter {
  msn?: string;
  horizon: Horizon;
}

export interface QueueRow {
  id: string;
  msn: string;
  orderId: string;
  status: "reserved" | "partially_captured";
  amount: number;
  capturedAmount: number;
  remainingToCapture: number;
  reservedAt: Date;
  guaranteeEndsAt: Date | null;
  /** The deadline the row is sorted by: the scheme's hold while it lasts, then reservation + 180 days. */
  deadline: Date;
  deadlineKind: "guarantee" | "limit";
  /** A money operation is in flight on it, or it is in an unfinished batch. */
  busy: boolean;
}

export interface Queue {
  rows: QueueRow[];
  count: number;
  /** Sum of remainingToCapture over the whole filtered queue, øre. */
  total: number;
}

export async function readCaptureQueue(
  db: PrismaClient,
  actor: Actor,
  filter: QueueFilter,
  now = new Date(),
): Promise<Queue> {
  assertCan(actor, "payments:money");
  if (filter.msn && !actor.allSalesUnits && !actor.msns.includes(filter.msn)) return { rows: [], count: 0, total: 0 };
  const msns = filter.msn ? [filter.msn] : actor.allSalesUnits ? null : [...actor.msns];
  if (msns && msns.length === 0) return { rows: [], count: 0, total: 0 };
  const limitAt = new Date(now.getTime() - CAPTURE_DAYS * 86_400_000);
  const horizon = HORIZON_MS[filter.horizon];
  const deadline = Prisma.sql`CASE WHEN p."guaranteeEndsAt" > ${now} THEN p."guaranteeEndsAt"
    ELSE p."reservedAt" + make_interval(days => ${CAPTURE_DAYS}::int) END`;
  const where = Prisma.sql`
    p.status IN ('reserved', 'partially_captured') AND p."remainingToCapture" > 0
    AND p."reservedAt" > ${limitAt} AND s."captureType" = 'reserve'
    ${msns ? Prisma.sql`AND p.msn IN (${Prisma.join(msns)})` : Prisma.empty}
    ${horizon === null ? Prisma.empty : Prisma.sql`AND ${deadline} <= ${new Date(now.getTime() + horizon)}`}`;
  const [rows, totals] = await Promise.all([
    db.$queryRaw<Omit<QueueRow, "deadlineKind">[]>`
      SELECT p.id, p.msn, p."orderId", p.status::text AS status, p.amount, p."capturedAmount",
        p."remainingToCapture", p."reservedAt", p."guaranteeEndsAt", ${deadline} AS deadline,
        (EXISTS (SELECT 1 FROM "PaymentLock" l WHERE l."paymentId" = p.id)
          OR EXISTS (SELECT 1 FROM "MoneyBatchItem" i WHERE i."paymentId" = p.id
            AND i.state IN ('queued', 'running', 'pending'))) AS busy
      FROM "Payment" p JOIN "SalesUnit" s ON s.msn = p.msn
      WHERE ${where}
      ORDER BY deadline, p."reservedAt", p.id
      LIMIT ${QUEUE_LIMIT}::int`,
    db.$queryRaw<{ count: bigint; total: bigint | null }[]>`
      SELECT count(*) AS count, sum(p."remainingToCapture") AS total
      FROM "Payment" p JOIN "SalesUnit" s ON s.msn = p.msn
      WHERE ${where}`,
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      deadlineKind: r.guaranteeEndsAt && r.guaranteeEndsAt > now ? "guarantee" : "limit",
    })),
    count: Number(totals[0]?.count ?? 0),
    total: Number(totals[0]?.total ?? 0),
  };
}
