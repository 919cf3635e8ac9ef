// Hints left by callbacks that named a payment we do not hold while Vipps could not be asked (5xx,
// timeout). A hint is never a payment and is shown nowhere: the reconciler asks GET /details for due
// hints with backoff, a payment is created only from what Vipps answers, and the hint is dropped
// when Vipps says the orderId does not exist or after HINT_MAX_AGE_MS of failures.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit, type AuditOutcome } from "@/lib/audit";
import { forEachLimit } from "@/lib/concurrency";
import { isEcomError } from "@/lib/ecom";
import { pollDelayMs } from "@/lib/payments/reconciler/poll-policy";
import type { DetailsClient } from "@/lib/payments/reconciler/reconciler";
import { syncDetails } from "@/lib/payments/sync/sync";

/** At most this many open hints per sales unit: a flood while Vipps is down cannot fill the table. */
export const MAX_HINTS_PER_MSN = 10_000;
export const HINT_MAX_AGE_MS = 3 * 86_400_000;
const LEASE_MS = 5 * 60_000;

/** Remembers that (msn, orderId) should be asked about; false when the sales unit's hints are full. */
export async function leaveHint(
  db: PrismaClient,
  msn: string,
  orderId: string,
  now: Date,
  maxPerMsn = MAX_HINTS_PER_MSN,
): Promise<boolean> {
  const open = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "PaymentHint" WHERE msn = ${msn} LIMIT ${maxPerMsn}::int) AS h`;
  if ((open[0]?.n ?? 0) >= maxPerMsn) return false;
  await db.paymentHint.createMany({ data: [{ msn, orderId, receivedAt: now, nextTryAt: now }], skipDuplicates: true });
  return true;
}

interface ClaimedHint {
  msn: string;
  orderId: string;
  attempts: number;
  receivedAt: Date;
}

async function claimDueHints(db: PrismaClient, now: Date, batch: number): Promise<ClaimedHint[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return db.$queryRaw<ClaimedHint[]>`
    UPDATE "PaymentHint" AS h SET "nextTryAt" = ${leaseUntil}
    FROM (
      SELECT msn, "orderId" FROM "PaymentHint"
      WHERE "nextTryAt" <= ${now}
      ORDER BY "nextTryAt"
      LIMIT ${batch}::int
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE h.msn = due.msn AND h."orderId" = due."orderId"
    RETURNING h.msn, h."orderId", h.attempts, h."receivedAt"`;
}

export interface HintRoundResult {
  claimed: number;
  created: number;
  dropped: number;
  failed: number;
}

/** One round over due hints (called by the reconciler). Never throws for one hint's error. */
export async function resolveHints(deps: {
  db: PrismaClient;
  clientFor: (msn: string) => Promise<DetailsClient>;
  now?: () => Date;
  batch?: number;
  concurrency?: number;
}): Promise<HintRoundResult> {
  const now = deps.now ?? (() => new Date());
  const db = deps.db;
  const result: HintRoundResult = { claimed: 0, created: 0, dropped: 0, failed: 0 };
  const hints = await claimDueHints(db, now(), deps.batch ?? 50);
  result.claimed = hints.length;
  const drop = (h: ClaimedHint) => db.paymentHint.deleteMany({ where: { msn: h.msn, orderId: h.orderId } });
  const giveUp = async (
    h: ClaimedHint,
    action: "callback_unverified" | "callback_hint_expired",
    outcome: AuditOutcome,
    details: Record<string, string | number>,
  ) => {
    await drop(h);
    await audit(db, { action, outcome, msn: h.msn, orderId: h.orderId, details });
    result.dropped++;
  };
  await forEachLimit(hints, deps.concurrency ?? 4, async (h) => {
    try {
      const details = await (await deps.clientFor(h.msn)).getPaymentDetails(h.orderId);
      await syncDetails(db, h.msn, details, { now: now() });
      await drop(h);
      result.created++;
    } catch (err) {
      if (isEcomError(err) && err.httpStatus === 404) {
        // Vipps does not know it: the callback was mistaken or forged. Nothing is stored.
        await giveUp(h, "callback_unverified", "refused", { reason: "not_found_at_vipps" });
        return;
      }
      const attempts = h.attempts + 1;
      if (now().getTime() - h.receivedAt.getTime() >= HINT_MAX_AGE_MS) {
        await giveUp(h, "callback_hint_expired", "failed", { attempts });
        return;
      }
      const wait = Math.max(pollDelayMs(attempts), isEcomError(err) ? (err.retryAfterMs ?? 0) : 0);
      const lastError = isEcomError(err)
        ? `${err.kind} ${err.httpStatus ?? ""} ${err.errorCode ?? ""}`.trim()
        : "internal";
      await db.paymentHint.updateMany({
        where: { msn: h.msn, orderId: h.orderId },
        data: { attempts, nextTryAt: new Date(now().getTime() + wait), lastError: lastError.slice(0, 200) },
      });
      result.failed++;
    }
  });
  return result;
}
