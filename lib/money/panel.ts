// What the payment page and the money dialog show finance: which operations the payment allows (and
// why not), what remains, and an operation in flight (who started what, when). The dialog reads it
// afresh from Vipps when it opens; the page uses our stored copy.
import "server-only";
import type { MoneyOperationState, Payment, PrismaClient } from "@/generated/prisma/client";
import { assertCan, assertMsn, can, msnScope, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { derivePayment } from "@/lib/payments/sync/derive";
import { syncDetails } from "@/lib/payments/sync/sync";
import type { MoneyClient } from "./engine";
import { allowances, type Allowance, type MoneyKind } from "./rules";

export interface InFlight {
  operationId: string;
  kind: MoneyKind;
  amount: number | null;
  by: string | null;
  since: Date;
  state: "pending" | "unknown" | "awaiting_approval";
  /** Who asked: the one person who may not approve it. */
  createdById: string | null;
}

export interface MoneyPanel {
  msn: string;
  orderId: string;
  salesUnitName: string;
  captureType: "reserve" | "direct";
  amounts: {
    reserved: number;
    captured: number;
    refunded: number;
    remainingToCapture: number;
    remainingToRefund: number;
  };
  allowances: Record<MoneyKind, Allowance>;
  inFlight: InFlight | null;
  /** When the amounts were read from Vipps (null: from our stored copy). */
  freshAt: Date | null;
}

async function inFlightFor(db: PrismaClient, paymentId: string): Promise<InFlight | null> {
  const lock = await db.paymentLock.findUnique({ where: { paymentId }, include: { operation: true } });
  if (!lock) return null;
  const op = lock.operation;
  return {
    operationId: op.id,
    kind: op.kind,
    amount: op.amount,
    by: op.createdByName,
    since: op.createdAt,
    state: op.state === "unknown" || op.state === "awaiting_approval" ? op.state : "pending",
    createdById: op.createdById,
  };
}

/** From our stored copy: the payment row the page already read, with its sales unit (null when the actor may not move money). */
export async function moneyPanelOf(
  db: PrismaClient,
  actor: Actor,
  p: Payment & { salesUnit: { name: string; captureType: "reserve" | "direct"; active: boolean } },
  now = new Date(),
): Promise<MoneyPanel | null> {
  if (!can(actor, "payments:money")) return null;
  return {
    msn: p.msn,
    orderId: p.orderId,
    salesUnitName: p.salesUnit.name,
    captureType: p.salesUnit.captureType,
    amounts: {
      reserved: p.reservedAmount,
      captured: p.capturedAmount,
      refunded: p.refundedAmount,
      remainingToCapture: p.remainingToCapture,
      remainingToRefund: p.remainingToRefund,
    },
    allowances: allowances({ ...p, captureType: p.salesUnit.captureType, unitActive: p.salesUnit.active }, now),
    inFlight: await inFlightFor(db, p.id),
    freshAt: null,
  } satisfies MoneyPanel;
}

/** Afresh from Vipps (GET /details, stored as usual), for the dialog as it opens. */
export async function moneyPanelFromVipps(
  deps: { db: PrismaClient; clientFor: (msn: string) => Promise<MoneyClient>; now?: () => Date },
  actor: Actor | null,
  msn: string,
  orderId: string,
): Promise<MoneyPanel> {
  assertCan(actor, "payments:money");
  assertMsn(actor, msn);
  const now = deps.now?.() ?? new Date();
  const known = await deps.db.payment.findUnique({ where: { msn_orderId: { msn, orderId } }, select: { id: true } });
  if (!known) throw new AppError("not_found", `payment ${msn}/${orderId}`);
  const details = await (await deps.clientFor(msn)).getPaymentDetails(orderId);
  await syncDetails(deps.db, msn, details, { now });
  const d = derivePayment(details);
  const unit = await deps.db.salesUnit.findUniqueOrThrow({ where: { msn }, select: { name: true, captureType: true } });
  return {
    msn,
    orderId,
    salesUnitName: unit.name,
    captureType: unit.captureType,
    amounts: {
      reserved: d.reservedAmount,
      captured: d.capturedAmount,
      refunded: d.refundedAmount,
      remainingToCapture: d.remainingToCapture,
      remainingToRefund: d.remainingToRefund,
    },
    allowances: allowances({ ...d, captureType: unit.captureType }, now),
    inFlight: await inFlightFor(deps.db, known.id),
    freshAt: now,
  };
}

/** Four-eyes requests waiting in the actor's sales units, oldest first. */
export const listAwaitingApproval = (db: PrismaClient, actor: Actor) =>
  listOperations(db, actor, ["awaiting_approval"]);

/** Operations whose outcome is not known yet (the reconciler resolves them from Vipps), oldest first. */
export const listUnsettled = (db: PrismaClient, actor: Actor) => listOperations(db, actor, ["pending", "unknown"]);

async function listOperations(db: PrismaClient, actor: Actor, states: MoneyOperationState[]) {
  assertCan(actor, "payments:money");
  return db.moneyOperation.findMany({
    where: { state: { in: states }, ...msnScope(actor) },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      id: true,
      msn: true,
      orderId: true,
      kind: true,
      amount: true,
      reason: true,
      note: true,
      createdByName: true,
      createdById: true,
      createdAt: true,
    },
  });
}
