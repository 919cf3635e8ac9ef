// How much a money request could move, for the step-up threshold (STEP_UP_THRESHOLD_ORE): read
// before the ledger row is written and without changing anything. "All" counts the most our copy of
// the payment says could remain (an upper bound: captured and refunded amounts only grow).
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { canSeeMsn, type Actor } from "@/lib/auth/permissions";
import type { MoneyRequest } from "./engine";

export async function amountAtStake(
  db: PrismaClient,
  actor: Actor,
  req: Pick<MoneyRequest, "msn" | "orderId" | "kind" | "amount" | "idempotencyKey">,
): Promise<number> {
  // Outside the actor's sales units the engine answers "not found"; nothing here may differ.
  if (!canSeeMsn(actor, req.msn)) return 0;
  const [seen, payment] = await Promise.all([
    db.moneyOperation.findUnique({ where: { idempotencyKey: req.idempotencyKey }, select: { id: true } }),
    req.amount === "all"
      ? db.payment.findUnique({
          where: { msn_orderId: { msn: req.msn, orderId: req.orderId } },
          select: { amount: true, reservedAmount: true, capturedAmount: true, refundedAmount: true },
        })
      : null,
  ]);
  // A key already used gets its first answer from the engine; nothing new moves.
  if (seen) return 0;
  if (req.amount !== "all") return req.amount;
  if (!payment) return 0;
  const ceiling = Math.max(payment.amount, payment.reservedAmount);
  return Math.max(0, ceiling - (req.kind === "refund" ? payment.refundedAmount : payment.capturedAmount));
}
