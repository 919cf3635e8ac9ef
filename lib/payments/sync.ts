// Writes what GET /details says into our copy: the payment row (amounts, derived status) and one
// PaymentEvent per log entry, stored exactly once (unique fingerprint per payment).
import type { PrismaClient } from "@/generated/prisma/client";
import type { PaymentDetails } from "@/lib/ecom";
import { derivePayment, eventFingerprint } from "./derive";

const FINAL = new Set(["refunded", "cancelled", "voided", "failed"]);

/** When the reconciler should look again; null when nothing can change any more. */
export function nextPoll(derived: ReturnType<typeof derivePayment>, now: Date): Date | null {
  if (FINAL.has(derived.status) && derived.remainingToCapture === 0 && derived.remainingToRefund === 0) return null;
  if (derived.status === "initiated") return new Date(now.getTime() + 60_000);
  return new Date(now.getTime() + 6 * 3_600_000);
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

/** Upserts one payment from its details. Safe to call any number of times. */
export async function applyDetails(db: PrismaClient, msn: string, details: PaymentDetails, now = new Date()) {
  const d = derivePayment(details);
  const data = { ...d, lastSyncedAt: now, nextPollAt: nextPoll(d, now) };
  const payment = await db.payment.upsert({
    where: { msn_orderId: { msn, orderId: d.orderId } },
    create: { msn, ...data, createdAt: d.initiatedAt ?? now },
    update: data,
    select: { id: true },
  });
  await db.paymentEvent.createMany({ data: eventRows(payment.id, details), skipDuplicates: true });
  return payment.id;
}

/** Bulk insert for a fresh database (the demo seed): one round trip per chunk instead of per row. */
export async function insertPayments(db: PrismaClient, items: { msn: string; details: PaymentDetails }[], now = new Date()) {
  const CHUNK = 500;
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK);
    const rows = chunk.map(({ msn, details }) => {
      const d = derivePayment(details);
      return { id: crypto.randomUUID(), msn, ...d, lastSyncedAt: now, nextPollAt: nextPoll(d, now), createdAt: d.initiatedAt ?? now };
    });
    await db.payment.createMany({ data: rows });
    await db.paymentEvent.createMany({ data: rows.flatMap((r, j) => eventRows(r.id, chunk[j]!.details)), skipDuplicates: true });
  }
}
