// Everything the payment page shows, read within the actor's scope: a payment outside it is "not
// found", exactly like one that does not exist.
import "server-only";
import { audit } from "@/lib/audit";
import { mayOpenMsn } from "@/lib/auth/guard";
import { assertCan, msnScope, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isMsn, isOrderId } from "@/lib/ids";
import { moneyPanelOf } from "@/lib/money/panel";
import { MONEY_KINDS } from "@/lib/money/rules";
import { deadlines } from "@/lib/payments/detail/deadlines";
import { explainChargedTwice } from "@/lib/payments/detail/explain";
import { failureReason } from "@/lib/payments/detail/failure";
import { mergeTimeline } from "@/lib/payments/detail/timeline";
import { isSiblingOf, siblingBase } from "@/lib/payments/lookup/search";

const THIRTY_MIN = 30 * 60_000;

export async function getPaymentDetail(actor: Actor, msn: string, orderId: string) {
  assertCan(actor, "payments:read");
  if (!(await mayOpenMsn(actor, msn, "/payments/[msn]/[orderId]", orderId))) return null;
  const prisma = await db();
  const payment = await prisma.payment.findUnique({
    where: { msn_orderId: { msn, orderId } },
    include: {
      salesUnit: { select: { name: true, captureType: true, active: true } },
      events: { orderBy: [{ timeStamp: "desc" }, { id: "desc" }] },
      moneyOperations: { orderBy: { createdAt: "desc" }, take: 200 },
    },
  });
  if (!payment) return null;
  const base = siblingBase(orderId);
  const created = payment.createdAt.getTime();
  // Reading a payment is audited (customer data was shown to this person): written while the rest is
  // read, and before anything is returned.
  const [, apiCalls, candidates, sameOrderId] = await Promise.all([
    audit(prisma, { action: "payment_viewed", outcome: "success", who: actor, msn, orderId }),
    prisma.apiCallLog.findMany({
      where: { msn, orderId },
      orderBy: { at: "desc" },
      take: 100,
      select: {
        id: true,
        at: true,
        operation: true,
        method: true,
        path: true,
        httpStatus: true,
        errorGroup: true,
        errorCode: true,
        errorMessage: true,
        networkError: true,
        durationMs: true,
        attempt: true,
        requestId: true,
        requestBody: true,
        responseBody: true,
      },
    }),
    prisma.payment.findMany({
      where: {
        msn,
        amount: payment.amount,
        id: { not: payment.id },
        OR: [
          { orderId: base },
          { orderId: { startsWith: `${base}-` } },
          { createdAt: { gte: new Date(created - THIRTY_MIN), lte: new Date(created + THIRTY_MIN) } },
        ],
      },
      orderBy: { createdAt: "asc" },
      take: 20,
      select: {
        msn: true,
        orderId: true,
        amount: true,
        status: true,
        capturedAmount: true,
        reservedAmount: true,
        createdAt: true,
      },
    }),
    // The same orderId in the user's other sales units: separate payments that a person may mix up.
    prisma.payment.findMany({
      where: { orderId, AND: [{ msn: { not: msn } }, msnScope(actor)] },
      orderBy: { msn: "asc" },
      take: 20,
      select: { msn: true, orderId: true, amount: true, status: true, salesUnit: { select: { name: true } } },
    }),
  ]);
  // Siblings of a different base ("A-1" vs "A-10") are dropped; only "-<digits>" siblings count.
  const duplicates = candidates.filter(
    (c) =>
      c.orderId === base || isSiblingOf(base, c.orderId) || Math.abs(c.createdAt.getTime() - created) <= THIRTY_MIN,
  );
  return { payment, apiCalls, duplicates, sameOrderId };
}

export type PaymentDetailData = NonNullable<Awaited<ReturnType<typeof getPaymentDetail>>>;

/**
 * The payment page's one loader: the stored payment with its events and API calls, its deadlines
 * and the "charged twice" facts. Null (the page answers 404) for a malformed MSN or orderId, an MSN
 * outside the actor's scope, or a payment that does not exist.
 */
export async function loadPaymentPage(
  actor: Actor,
  msn: string,
  orderId: string,
  options: { act?: unknown; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  assertCan(actor, "payments:read");
  if (!isMsn(msn) || !isOrderId(orderId)) return null;
  const detail = await getPaymentDetail(actor, msn, orderId);
  if (!detail) return null;
  const { payment, apiCalls, duplicates, sameOrderId } = detail;
  const due = deadlines(payment, now);
  const explanation = explainChargedTwice(
    {
      orderId: payment.orderId,
      status: payment.status,
      capturedAmount: payment.capturedAmount,
      refundedAmount: payment.refundedAmount,
      remainingToCapture: payment.remainingToCapture,
      scheme: due.scheme,
      events: payment.events,
    },
    duplicates,
  );
  // Finance and admin get the money panel; everyone else nothing (no controls, nothing to call).
  const panel = await moneyPanelOf(await db(), actor, payment, now);
  const guaranteeDaysLeft = due.guaranteeEnds
    ? Math.max(0, Math.ceil((due.guaranteeEnds.getTime() - now.getTime()) / 86_400_000))
    : null;
  const timeline = mergeTimeline(payment.events, payment.moneyOperations);
  return {
    payment,
    apiCalls,
    sameOrderId,
    failure: failureReason(payment.status, apiCalls, payment.events),
    deadlines: due,
    explanation,
    timeline,
    // ?act=refund|cancel|… (from "refund this payment" on a genuine second payment) opens that
    // dialog at once, when the payment allows it.
    money: panel
      ? {
          panel,
          guaranteeDaysLeft,
          openAtStart: MONEY_KINDS.find((k) => k === options.act && panel.allowances[k].allowed) ?? null,
        }
      : null,
  };
}
