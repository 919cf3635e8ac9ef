// Writes what GET /details says into our copy: the payment row (amounts, derived status, when to poll
// next) and one PaymentEvent per log entry, stored exactly once (unique fingerprint per payment).
// Both in one transaction, so a payment never exists without the events it was read with.
import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { PaymentDetails } from "@/lib/ecom";
import { derivePayment, eventFingerprint, type DerivedPayment } from "@/lib/payments/sync/derive";
import { nextPollAt } from "@/lib/payments/reconciler/poll-policy";

/**
 * For bulk imports of history (the demo seed): a payment waiting for the user is looked at within a
 * minute, anything older at the backoff's cap, so thousands of quiet payments do not all fall due at once.
 */
export function nextPoll(derived: DerivedPayment, now: Date): Date | null {
  return nextPollAt(derived, now, derived.status === "initiated" ? 0 : 20);
}

function eventRows(paymentId: string, details: PaymentDetails) {
  return details.transactionLogHistory.map((e) => ({
    paymentId,
    fingerprint: eventFingerprint(e),
    operation: e.operation,
    amount: e.amount,
    transactionId: e.transactionId ?? null,
    transactionText: e.transactionText?.slice(0, 100) ?? null,
    requestId: e.requestId?.slice(0, 40) ?? null,
    operationSuccess: e.operationSuccess,
    timeStamp: e.timeStamp ? new Date(e.timeStamp) : new Date(0),
  }));
}

export interface SyncOptions {
  now?: Date;
  /**
   * The reconciler's poll: when nothing changed, wait longer next time (pollAttempts + 1). Any other
   * caller (callback, registration, "Refresh from Vipps") starts the backoff again.
   */
  backoff?: boolean;
}

export interface SyncResult {
  paymentId: string;
  created: boolean;
  /** Status, amounts or new log entries differ from what we had. */
  changed: boolean;
  newEvents: number;
  status: PaymentStatus;
  nextPollAt: Date | null;
}

const AMOUNTS = [
  "capturedAmount",
  "refundedAmount",
  "remainingToCapture",
  "remainingToRefund",
  "reservedAmount",
] as const;

/** Upserts one payment from its details and says what changed. Safe to call any number of times. */
export async function syncDetails(
  db: PrismaClient,
  msn: string,
  details: PaymentDetails,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const now = options.now ?? new Date();
  const d = derivePayment(details);
  return db.$transaction(async (tx) => {
    const key = { msn_orderId: { msn, orderId: d.orderId } };
    const before = await tx.payment.findUnique({
      where: key,
      select: {
        id: true,
        status: true,
        pollAttempts: true,
        capturedAmount: true,
        refundedAmount: true,
        remainingToCapture: true,
        remainingToRefund: true,
        reservedAmount: true,
      },
    });
    const rows = eventRows(before?.id ?? "", details);
    let newEvents = rows.length;
    if (before) {
      const known = await tx.paymentEvent.findMany({
        where: { paymentId: before.id, fingerprint: { in: rows.map((r) => r.fingerprint) } },
        select: { fingerprint: true },
      });
      const seen = new Set(known.map((k) => k.fingerprint));
      newEvents = new Set(rows.map((r) => r.fingerprint).filter((f) => !seen.has(f))).size;
    }
    const changed = !before || before.status !== d.status || AMOUNTS.some((k) => before[k] !== d[k]) || newEvents > 0;
    const pollAttempts = options.backoff && before && !changed ? before.pollAttempts + 1 : 0;
    const next = nextPollAt(d, now, pollAttempts);
    const data = { ...d, lastSyncedAt: now, nextPollAt: next, pollAttempts };
    const payment = await tx.payment.upsert({
      where: key,
      create: { msn, ...data, createdAt: d.initiatedAt ?? now },
      update: data,
      select: { id: true },
    });
    if (newEvents > 0) await tx.paymentEvent.createMany({ data: eventRows(payment.id, details), skipDuplicates: true });
    return { paymentId: payment.id, created: !before, changed, newEvents, status: d.status, nextPollAt: next };
  });
}

/**
 * For a payment we hold (its id known) when the caller needs no "what changed" answer (the money
 * engine after an operation): the same row and events as syncDetails in one statement (a
 * data-modifying CTE: all or nothing, one round trip, no transaction) instead of four — no reads
 * first; events already stored are skipped by their unique fingerprint.
 */
export async function storeKnownPayment(
  db: PrismaClient,
  paymentId: string,
  details: PaymentDetails,
  now = new Date(),
): Promise<void> {
  const d = derivePayment(details);
  const events = eventRows(paymentId, details).map(
    (e) => Prisma.sql`(${e.fingerprint}, ${e.operation}, ${e.amount}::int, ${e.transactionId}, ${e.transactionText},
      ${e.requestId}, ${e.operationSuccess}::boolean, ${e.timeStamp}::timestamptz)`,
  );
  const insertEvents =
    events.length === 0
      ? Prisma.empty
      : Prisma.sql`, events AS (
          INSERT INTO "PaymentEvent" ("paymentId", "fingerprint", "operation", "amount", "transactionId",
            "transactionText", "requestId", "operationSuccess", "timeStamp")
          SELECT p."id", e.* FROM payment p, (VALUES ${Prisma.join(events)}) AS e
          ON CONFLICT DO NOTHING
        )`;
  // Every derived column (the type makes a new one impossible to forget); orderId, the row's key, never changes.
  const derived: { [K in Exclude<keyof DerivedPayment, "orderId">]: Prisma.Sql } = {
    status: Prisma.sql`${d.status}::"PaymentStatus"`,
    amount: Prisma.sql`${d.amount}::int`,
    reservedAmount: Prisma.sql`${d.reservedAmount}::int`,
    capturedAmount: Prisma.sql`${d.capturedAmount}::int`,
    refundedAmount: Prisma.sql`${d.refundedAmount}::int`,
    remainingToCapture: Prisma.sql`${d.remainingToCapture}::int`,
    remainingToRefund: Prisma.sql`${d.remainingToRefund}::int`,
    transactionText: Prisma.sql`${d.transactionText}`,
    bankIdentificationNumber: Prisma.sql`${d.bankIdentificationNumber}::int`,
    initiatedAt: Prisma.sql`${d.initiatedAt}::timestamptz`,
    reservedAt: Prisma.sql`${d.reservedAt}::timestamptz`,
    guaranteeEndsAt: Prisma.sql`${d.guaranteeEndsAt}::timestamptz`,
  };
  const set = Prisma.join(
    Object.entries(derived).map(([column, value]) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`),
  );
  await db.$executeRaw`
    WITH payment AS (
      UPDATE "Payment" SET ${set}, "lastSyncedAt" = ${now}::timestamptz, "nextPollAt" = ${nextPollAt(d, now, 0)}::timestamptz,
        "pollAttempts" = 0, "updatedAt" = ${now}::timestamptz
      WHERE "id" = ${paymentId}::uuid
      RETURNING "id"
    )${insertEvents}
    SELECT 1 FROM payment`;
}

/** Upserts one payment from its details. Safe to call any number of times. Returns the payment id. */
export async function applyDetails(
  db: PrismaClient,
  msn: string,
  details: PaymentDetails,
  now = new Date(),
): Promise<string> {
  return (await syncDetails(db, msn, details, { now })).paymentId;
}

/** Bulk insert for a fresh database (the demo seed): one round trip per chunk instead of per row. */
export async function insertPayments(
  db: PrismaClient,
  items: { msn: string; details: PaymentDetails }[],
  now = new Date(),
) {
  const CHUNK = 500;
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK);
    const rows = chunk.map(({ msn, details }) => {
      const d = derivePayment(details);
      return {
        id: crypto.randomUUID(),
        msn,
        ...d,
        lastSyncedAt: now,
        nextPollAt: nextPoll(d, now),
        createdAt: d.initiatedAt ?? now,
      };
    });
    await db.payment.createMany({ data: rows });
    await db.paymentEvent.createMany({
      data: rows.flatMap((r, j) => eventRows(r.id, chunk[j]!.details)),
      skipDuplicates: true,
    });
  }
}
