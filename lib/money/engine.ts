// Money operations, exactly once (ARCHITECTURE.md "Money: exactly once").
//
//   1. The ledger row (MoneyOperation) is written first, keyed by the dialog's idempotency key, in
//      the same transaction as the payment's lock (PaymentLock, primary key = payment): at most one
//      operation in flight per payment, across users and app instances, enforced by the database.
//      The same key again returns the first result and never calls Vipps again; the same key with
//      another request is refused.
//   2. With the lock held, GET /details is read afresh and the request checked against what remains
//      (lib/money/rules.ts). A refusal is recorded on the row; nothing is sent.
//   3. The call carries X-Request-Id derived from the row, reused on every retry (the client retries
//      timeouts, resets, 5xx and 94 with it; Vipps applies a key once).
//   4. The outcome: 200 → succeeded; a Vipps refusal → failed with its code; anything else (timeout,
//      lost response, 5xx, 94 to the end) is unknown — resolved by finding the request id in the
//      payment's log, or later by resolveOpenOperations (the reconciler), never guessed.
//   5. The payment is synced from /details; the lock is released once the outcome is known.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import type { MoneyOperationState } from "@/generated/prisma/enums";
import { audit, auditInsertSql, type AuditEntry } from "@/lib/audit";
import { assertCan, assertMsn, type Actor } from "@/lib/auth/permissions";
import { isEcomError, type EcomClient, type PaymentDetails } from "@/lib/ecom";
import { AppError } from "@/lib/errors";
import { derivePayment } from "@/lib/payments/sync/derive";
import { storeKnownPayment } from "@/lib/payments/sync/sync";
import {
  allowance,
  checkAmount,
  type AmountRefusal,
  type MoneyKind,
  type NotAllowed,
  type RefundReason,
} from "./rules";

export type MoneyClient = Pick<EcomClient, "getPaymentDetails" | "capturePayment" | "cancelPayment" | "refundPayment">;

export interface MoneyDeps {
  db: PrismaClient;
  clientFor: (msn: string) => Promise<MoneyClient>;
  now?: () => Date;
  /** When a pending row counts as abandoned (the app passes MONEY_STALE_PENDING_MS); default STALE_PENDING_MS. */
  stalePendingMs?: number;
  /** How long a money transaction may wait for a connection, and run; default MONEY_TRANSACTION. */
  transaction?: { maxWait?: number; timeout?: number };
}

/**
 * Money transactions get more room than Prisma's defaults (2 s to get a connection, 5 s to run): under
 * load the pool is busy with page reads, and a money operation that gives up is worse than one that
 * waits. What still times out is answered by submitMoneyOperation, never shown as a bare error.
 */
export const MONEY_TRANSACTION = { maxWait: 10_000, timeout: 20_000 } as const;
const txOptions = (deps: MoneyDeps) => ({ ...MONEY_TRANSACTION, ...deps.transaction });

/** Prisma could not start (P2028 "unable to start a transaction in the given time") or finish a transaction in time. */
export const isTransactionTimeout = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2028";

export interface MoneyRequest {
  msn: string;
  orderId: string;
  kind: MoneyKind;
  /** øre, or "all" for everything that remains. */
  amount: number | "all";
  /** Refunds only. */
  reason?: RefundReason;
  note?: string;
  /** Made by the dialog when it opens; one per intent. */
  idempotencyKey: string;
  /** Release: the amount the person typed to confirm; it must be exactly what remains. */
  confirmAmount?: number;
}

/** Why an operation was refused before anything was sent. */
export type Refusal =
  | { code: "busy"; by: string | null; kind: MoneyKind; amount: number; since: Date }
  | { code: "key_reused" }
  | { code: "vipps_unavailable" }
  /** The database was too busy to write the ledger row: nothing written, nothing sent. */
  | { code: "db_busy" }
  | { code: "confirm_mismatch"; max: number }
  | { code: NotAllowed }
  | { code: "own_request" }
  | { code: "not_waiting" }
  | { code: "expired" }
  | { code: AmountRefusal; max: number };

export interface OperationView {
  id: string;
  kind: MoneyKind;
  amount: number | null;
  state: MoneyOperationState;
  errorCode: string | null;
  transactionId: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export type MoneyResult =
  | { outcome: "succeeded"; operation: OperationView }
  | { outcome: "failed"; operation: OperationView; code: string; retryAfterSeconds?: number }
  | { outcome: "pending"; operation: OperationView }
  | { outcome: "awaiting_approval"; operation: OperationView }
  | { outcome: "refused"; refusal: Refusal; operation?: OperationView };

type Op = Prisma.MoneyOperationGetPayload<object>;

const view = (op: Op): OperationView => ({
  id: op.id,
  kind: op.kind,
  amount: op.amount,
  state: op.state,
  errorCode: op.errorCode,
  transactionId: op.transactionId,
  createdAt: op.createdAt,
  completedAt: op.completedAt,
});

/** What Vipps sees as X-Request-Id: derived from the ledger row, at most 40 characters. */
export const xRequestIdFor = (operationId: string) => `mo-${operationId.replace(/-/g, "")}`;

export function requestHash(r: MoneyRequest): string {
  const canonical = JSON.stringify([
    r.msn,
    r.orderId,
    r.kind,
    r.amount,
    r.reason ?? null,
    r.note ?? null,
    r.confirmAmount ?? null,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** What the ledger row says, as the caller reads it. */
export function resultOf(op: Op): MoneyResult {
  if (op.state === "succeeded") return { outcome: "succeeded", operation: view(op) };
  if (op.state === "failed") {
    const refusal = refusalFromRow(op);
    if (refusal) return { outcome: "refused", refusal, operation: view(op) };
    return { outcome: "failed", operation: view(op), code: op.errorCode ?? "unknown" };
  }
  if (op.state === "awaiting_approval") return { outcome: "awaiting_approval", operation: view(op) };
  return { outcome: "pending", operation: view(op) };
}

// Refusals found with the lock held are stored on the row as "refused:<code>[:max]".
function refusalFromRow(op: Op): Refusal | null {
  const m = /^refused:([a-z_]+)(?::(\d+))?$/.exec(op.errorCode ?? "");
  if (!m) return null;
  const code = m[1] as Refusal["code"];
  if (code === "above_remaining" || code === "below_minimum" || code === "confirm_mismatch")
    return { code, max: Number(m[2] ?? 0) };
  return { code } as Refusal;
}

/** A unique violation on `target` (a column or table name), from a model query (P2002) or raw SQL (P2010, 23505). */
const isUnique = (e: unknown, target: string) =>
  e instanceof Prisma.PrismaClientKnownRequestError &&
  (e.code === "P2002" || (e.code === "P2010" && JSON.stringify(e.meta ?? {}).includes("23505"))) &&
  JSON.stringify(e.meta ?? {}).includes(target);

/** The transactionText sent, the same on every retry (a retry must be identical, or Vipps says 93). */
function transactionText(op: Pick<Op, "note" | "kind">): string {
  return (op.note || `Merchant Ops ${op.kind}`).slice(0, 100);
}

export async function submitMoneyOperation(
  deps: MoneyDeps,
  actor: Actor | null,
  req: MoneyRequest,
): Promise<MoneyResult> {
  assertCan(actor, "payments:money");
  assertMsn(actor, req.msn);
  const db = deps.db;
  const now = () => deps.now?.() ?? new Date();
  const hash = requestHash(req);

  const refuseEarly = async (refusal: Refusal, extra: Record<string, string> = {}): Promise<MoneyResult> => {
    await audit(db, {
      action: "money_refused",
      outcome: "refused",
      who: actor,
      msn: req.msn,
      orderId: req.orderId,
      details: { kind: req.kind, reason: refusal.code, ...extra },
    });
    return { outcome: "refused", refusal };
  };

  const again = async (paymentId: string): Promise<MoneyResult> => {
    const existing = await db.moneyOperation.findUnique({ where: { idempotencyKey: req.idempotencyKey } });
    if (!existing) throw new AppError("internal", "idempotency key vanished");
    if (existing.requestHash !== hash || existing.paymentId !== paymentId) return refuseEarly({ code: "key_reused" });
    try {
      return resultOf(await resolveIfOpen(deps, existing));
    } catch (e) {
      return leftPending(existing, e); // the row stands; its outcome is the reconciler's to find
    }
  };

  // 1. Ledger row, lock and audit row: one statement (a data-modifying CTE), all or nothing, which
  // also reads the payment and its sales unit — written only for a payment we hold, in an active
  // sales unit, with a key not used before. It runs in a transaction only for the bounded wait for a
  // connection (MONEY_TRANSACTION.maxWait): a database too busy to take it answers "busy, nothing
  // was sent" instead of keeping the person waiting.
  const id = randomUUID();
  const at = now();
  let written: LedgerWrite | undefined;
  try {
    written = await writeLedger(deps, actor, req, id, hash, at);
  } catch (e) {
    const payment = await db.payment.findUnique({
      where: { msn_orderId: { msn: req.msn, orderId: req.orderId } },
      select: { id: true },
    });
    if (!payment) throw e;
    if (isUnique(e, "idempotencyKey")) return again(payment.id); // a double click raced us: one row, one answer
    if (isTransactionTimeout(e)) {
      // No connection in time (or the transaction ran out of time and was rolled back): nothing was
      // written unless a commit's answer was lost, which the key finds.
      if (await db.moneyOperation.findUnique({ where: { idempotencyKey: req.idempotencyKey }, select: { id: true } }))
        return again(payment.id);
      return refuseEarly({ code: "db_busy" }).catch(() => ({ outcome: "refused", refusal: { code: "db_busy" } }));
    }
    if (isUnique(e, "paymentId") || isUnique(e, "PaymentLock")) {
      const lock = await db.paymentLock.findUnique({ where: { paymentId: payment.id }, include: { operation: true } });
      if (!lock) return submitMoneyOperation(deps, actor, req); // released meanwhile: try once more
      const refusal: Refusal = {
        code: "busy",
        by: lock.operation.createdByName,
        kind: lock.operation.kind,
        amount: lock.operation.amount ?? 0,
        since: lock.operation.createdAt,
      };
      return refuseEarly(refusal, { heldBy: lock.operationId });
    }
    throw e;
  }
  if (!written) throw new AppError("not_found", `payment ${req.msn}/${req.orderId}`);
  const { op, unit } = written;
  // Nothing written: the key was used before (its first answer stands), or the sales unit is
  // deactivated — it moves no money: refused before any ledger row, lock or call to Vipps.
  if (!op) {
    if (await db.moneyOperation.findUnique({ where: { idempotencyKey: req.idempotencyKey }, select: { id: true } }))
      return again(unit.paymentId);
    return refuseEarly({ code: "unit_inactive" });
  }

  // From here the ledger row exists: whatever goes wrong on our side (a busy database above all), the
  // person is told "pending" — money may have moved — and the reconciler settles the row.
  try {
    return await checkAndSend(deps, op, actor, req, unit);
  } catch (e) {
    return afterTrouble(deps, op, actor, e);
  }
}

type UnitRules = {
  captureType: "reserve" | "direct";
  approvalThresholdOre: number | null;
  releaseNeedsApproval: boolean;
};

type LedgerWrite = { op: Op | null; unit: UnitRules & { paymentId: string } };

/**
 * Step 1 in one statement: the payment and its sales unit read, and — for an active unit and a key
 * not used before — the ledger row, the lock and the audit row written. undefined: no such payment.
 * A lock already held (or the same key written meanwhile) fails the statement on its unique index.
 */
async function writeLedger(
  deps: MoneyDeps,
  actor: Actor,
  req: MoneyRequest,
  id: string,
  hash: string,
  at: Date,
): Promise<LedgerWrite | undefined> {
  const requested = auditInsertSql(
    {
      action: "money_requested",
      outcome: "success",
      who: actor,
      msn: req.msn,
      orderId: req.orderId,
      details: {
        operationId: id,
        kind: req.kind,
        amount: req.amount === "all" ? "all" : req.amount,
        ...(req.reason ? { reason: req.reason } : {}),
      },
    },
    Prisma.sql`EXISTS (SELECT 1 FROM op)`,
  );
  type Row = Op & UnitRules & { written: boolean; targetPaymentId: string };
  // An interactive transaction: Prisma honours maxWait for these (an array of queries waits on).
  const rows = await deps.db.$transaction(
    (tx) =>
      tx.$queryRaw<Row[]>`
        WITH target AS (
          SELECT p."id" AS "paymentId", u."captureType", u."approvalThresholdOre", u."releaseNeedsApproval", u."active"
          FROM "Payment" p JOIN "SalesUnit" u ON u."msn" = p."msn"
          WHERE p."msn" = ${req.msn} AND p."orderId" = ${req.orderId}
        ), op AS (
          INSERT INTO "MoneyOperation" ("id", "idempotencyKey", "xRequestId", "paymentId", "msn", "orderId", "kind",
            "amount", "reason", "note", "requestHash", "state", "createdById", "createdByName", "createdAt", "updatedAt")
          SELECT ${id}::uuid, ${req.idempotencyKey}, ${xRequestIdFor(id)}, t."paymentId", ${req.msn},
            ${req.orderId}, ${req.kind}::"MoneyOperationKind", ${req.amount === "all" ? null : req.amount}::int,
            ${req.reason ?? null}::"RefundReason", ${req.note?.trim() || null}, ${hash}, 'pending',
            ${actor.id}::uuid, ${actor.name.slice(0, 200)}, ${at}::timestamptz, ${at}::timestamptz
          FROM target t
          WHERE t."active" AND NOT EXISTS (SELECT 1 FROM "MoneyOperation" WHERE "idempotencyKey" = ${req.idempotencyKey})
          RETURNING *
        ), locked AS (
          INSERT INTO "PaymentLock" ("paymentId", "operationId", "lockedAt") SELECT "paymentId", "id", ${at}::timestamptz FROM op
        ), audited AS (${requested})
        SELECT op.*, op."id" IS NOT NULL AS "written", t."paymentId" AS "targetPaymentId", t."captureType",
          t."approvalThresholdOre", t."releaseNeedsApproval"
        FROM target t LEFT JOIN op ON true`,
    txOptions(deps),
  );
  const row = rows[0];
  if (!row) return undefined;
  const { written, targetPaymentId, captureType, approvalThresholdOre, releaseNeedsApproval, ...op } = row;
  return {
    op: written ? op : null,
    unit: { paymentId: targetPaymentId, captureType, approvalThresholdOre, releaseNeedsApproval },
  };
}

/**
 * The ledger row exists but this call could not finish it (a busy database above all). If the send
 * was never claimed, the row is settled as "busy, nothing was sent" — guarded, so a claimed row is
 * left alone; otherwise money may have moved: the person sees pending and the reconciler settles it.
 */
async function afterTrouble(deps: MoneyDeps, op: Op, actor: Actor, e: unknown): Promise<MoneyResult> {
  try {
    const at = deps.now?.() ?? new Date();
    const row = await settle(
      deps.db,
      op,
      Prisma.sql`"state" = 'failed', "errorCode" = 'refused:db_busy'`,
      at,
      {
        action: "money_refused",
        outcome: "refused",
        who: actor,
        msn: op.msn,
        orderId: op.orderId,
        details: { operationId: op.id, kind: op.kind, reason: "db_busy" },
      },
      { state: "pending", attempts: 0 },
    );
    return resultOf(row);
  } catch {
    return leftPending(op, e);
  }
}

/** The outcome is the reconciler's to find; the person is told it is pending. */
function leftPending(op: Op, e: unknown): MoneyResult {
  const code = e instanceof Prisma.PrismaClientKnownRequestError ? e.code : (e as Error)?.name;
  console.warn(`[money] operation ${op.id} left pending for the reconciler (${code})`);
  return { outcome: "pending", operation: { ...view(op), state: op.state === "unknown" ? "unknown" : "pending" } };
}

/** Steps 2–5 for a fresh ledger row with its lock. */
async function checkAndSend(
  deps: MoneyDeps,
  op: Op,
  actor: Actor,
  req: MoneyRequest,
  unit: UnitRules,
): Promise<MoneyResult> {
  const db = deps.db;
  // 2. A fresh look at the payment, with the lock held.
  const checked = await freshCheck(deps, op, unit.captureType, req.amount, req.confirmAmount);
  if (!checked.ok) return finishRefused(deps, op, actor, checked.refusal);
  const { client, amount } = checked;
  // Four-eyes: over the sales unit's threshold the request waits (with the lock) for another person.
  if (needsApproval(req.kind, amount, unit)) {
    await storeQuietly(deps, op, checked.details);
    const waiting = await db.$transaction(async (tx) => {
      // Only while still ours: the reconciler may have settled a row that looked abandoned.
      const parked = await tx.moneyOperation.updateMany({
        where: { id: op.id, state: "pending", attempts: op.attempts },
        data: { amount, state: "awaiting_approval" },
      });
      const row = await tx.moneyOperation.findUniqueOrThrow({ where: { id: op.id } });
      if (parked.count === 0) return row;
      await audit(tx, {
        action: "money_approval_requested",
        outcome: "success",
        who: actor,
        msn: op.msn,
        orderId: op.orderId,
        details: { operationId: op.id, kind: op.kind, amount },
      });
      return row;
    }, txOptions(deps));
    return resultOf(waiting);
  }
  // Claim the send: only a row still pending and untouched since we wrote it is sent. The reconciler
  // settles a row it takes for abandoned (its process died before sending) the same way, so exactly
  // one of the two wins and nothing is sent after a row was settled.
  const claimed = await db.moneyOperation.updateMany({
    where: { id: op.id, state: "pending", attempts: op.attempts },
    data: { amount, attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return resultOf(await db.moneyOperation.findUniqueOrThrow({ where: { id: op.id } }));
  op = { ...op, amount, attempts: op.attempts + 1 };

  // 3. Send, once, with the row's X-Request-Id.
  return finish(deps, op, actor, await send(client, op, transactionText(op)));
}

type SendOutcome =
  /** body: Vipps' answer as parsed, stored as JSON once (JSON.stringify when recorded). */
  | { state: "succeeded"; transactionId: string | null; body: unknown }
  | { state: "failed"; code: string; message: string; retryAfterSeconds?: number }
  | { state: "unknown"; code: string };

async function send(client: MoneyClient, op: Op, text: string): Promise<SendOutcome> {
  const base = { orderId: op.orderId, transactionText: text, requestId: op.xRequestId };
  try {
    if (op.kind === "capture") {
      const res = await client.capturePayment({ ...base, amount: op.amount ?? undefined });
      return { state: "succeeded", transactionId: res.transactionInfo.transactionId ?? null, body: res };
    }
    if (op.kind === "refund") {
      const res = await client.refundPayment({ ...base, amount: op.amount ?? undefined });
      return { state: "succeeded", transactionId: res.transaction.transactionId ?? null, body: res };
    }
    const res = await client.cancelPayment({ ...base, shouldReleaseRemainingFunds: op.kind === "release" });
    return { state: "succeeded", transactionId: res.transactionInfo.transactionId ?? null, body: res };
  } catch (err) {
    if (!isEcomError(err)) return { state: "unknown", code: "internal" };
    if (err.kind === "validation") return { state: "failed", code: "invalid", message: err.message };
    const locked = err.errorGroup === "VippsError" && err.errorCode === "94";
    // A 5xx is never read as "nothing moved", even with a Vipps error body (99 "internal error"):
    // the payment's log decides, or the same request again (Vipps applies an X-Request-Id once).
    const serverError = (err.httpStatus ?? 0) >= 500;
    if (err.outcomeUnknown || err.kind === "timeout" || err.kind === "network" || locked || serverError) {
      return { state: "unknown", code: err.errorCode ?? err.kind };
    }
    if (err.httpStatus === 429) {
      return {
        state: "failed",
        code: "429",
        message: err.message,
        retryAfterSeconds: Math.ceil((err.retryAfterMs ?? 60_000) / 1000),
      };
    }
    return { state: "failed", code: err.errorCode ?? String(err.httpStatus ?? err.kind), message: err.message };
  }
}

/** Records the outcome, syncs the payment, releases the lock once the outcome is known. */
async function finish(
  deps: MoneyDeps,
  op: Op,
  actor: Actor | null,
  out: SendOutcome,
  /** Record the outcome only if the row still matches this (else leave it, and the lock, alone). */
  guard?: SettleGuard,
): Promise<MoneyResult> {
  const db = deps.db;
  const now = deps.now?.() ?? new Date();
  if (out.state === "unknown") {
    const resolved = await resolveFromLog(deps, op);
    if (resolved) return finish(deps, op, actor, resolved);
    const row = await db.moneyOperation.update({
      where: { id: op.id },
      data: { state: "unknown", errorCode: out.code.slice(0, 40) },
    });
    await audit(db, {
      action: "money_unknown",
      outcome: "error",
      who: actor,
      msn: op.msn,
      orderId: op.orderId,
      details: { operationId: op.id, kind: op.kind, amount: op.amount ?? 0, code: out.code },
    });
    return resultOf(row);
  }
  // The outcome is recorded (and the lock released) while the payment is synced from /details: the
  // two touch different rows, and the caller waits for both.
  const set =
    out.state === "succeeded"
      ? Prisma.sql`"state" = 'succeeded', "transactionId" = ${out.transactionId}, "responseBody" = ${JSON.stringify(out.body)}::jsonb`
      : Prisma.sql`"state" = 'failed', "errorCode" = ${out.code.slice(0, 40)}, "errorMessage" = ${out.message}`;
  const recording = settle(
    db,
    op,
    set,
    now,
    {
      action: out.state === "succeeded" ? "money_succeeded" : "money_failed",
      outcome: out.state === "succeeded" ? "success" : "failed",
      who: actor,
      msn: op.msn,
      orderId: op.orderId,
      details: {
        operationId: op.id,
        kind: op.kind,
        amount: op.amount ?? 0,
        ...(out.state === "failed" ? { code: out.code } : { transactionId: out.transactionId ?? "" }),
      },
    },
    guard,
  );
  const [row] = await Promise.all([recording, syncQuietly(deps, op)]);
  const result = resultOf(row);
  if (out.state === "failed" && out.retryAfterSeconds && result.outcome === "failed") {
    return { ...result, retryAfterSeconds: out.retryAfterSeconds };
  }
  return result;
}

async function finishRefused(deps: MoneyDeps, op: Op, actor: Actor | null, refusal: Refusal): Promise<MoneyResult> {
  const code = `refused:${refusal.code}${"max" in refusal ? `:${refusal.max}` : ""}`;
  const at = deps.now?.() ?? new Date();
  const row = await settle(deps.db, op, Prisma.sql`"state" = 'failed', "errorCode" = ${code.slice(0, 40)}`, at, {
    action: "money_refused",
    outcome: "refused",
    who: actor,
    msn: op.msn,
    orderId: op.orderId,
    details: { operationId: op.id, kind: op.kind, reason: refusal.code },
  });
  return { outcome: "refused", refusal, operation: view(row) };
}

/**
 * Writes an outcome on the ledger row, releases the payment's lock and audits it — one statement (a
 * data-modifying CTE), so all or nothing without a transaction: a busy pool makes it wait for a
 * connection, never give up after the money moved. With a guard only a row still matching it is
 * settled; otherwise the row comes back as it is (someone else settled it first: theirs stands).
 */
async function settle(
  db: PrismaClient,
  op: Op,
  set: Prisma.Sql,
  at: Date,
  entry: AuditEntry,
  guard?: SettleGuard,
): Promise<Op> {
  const only = guard
    ? Prisma.sql`AND "state" = ${guard.state}::"MoneyOperationState" AND "attempts" = ${guard.attempts}`
    : Prisma.empty;
  const rows = await db.$queryRaw<Op[]>`
    WITH settled AS (
      UPDATE "MoneyOperation" SET ${set}, "completedAt" = ${at}::timestamptz, "updatedAt" = ${at}::timestamptz
      WHERE "id" = ${op.id}::uuid ${only}
      RETURNING *
    ), unlocked AS (
      DELETE FROM "PaymentLock" WHERE "paymentId" = ${op.paymentId}::uuid AND "operationId" IN (SELECT "id" FROM settled)
    ), audited AS (${auditInsertSql(entry, Prisma.sql`EXISTS (SELECT 1 FROM settled)`)})
    SELECT * FROM settled`;
  return rows[0] ?? db.moneyOperation.findUniqueOrThrow({ where: { id: op.id } });
}

/** Settle only a row still pending with this many attempts (the reconciler's "interrupted"). */
type SettleGuard = { state: "pending"; attempts: number };

/** Our copy of the payment, from the /details just read (the payment is ours: the ledger row points at it). */
const store = (deps: MoneyDeps, op: Op, details: PaymentDetails) =>
  storeKnownPayment(deps.db, op.paymentId, details, deps.now?.() ?? new Date());

/** The copy only shows what Vipps said: a busy database must not turn a refusal or a parked request into an error. */
const storeQuietly = (deps: MoneyDeps, op: Op, details: PaymentDetails) => store(deps, op, details).catch(() => {});

async function syncQuietly(deps: MoneyDeps, op: Op): Promise<PaymentDetails | null> {
  try {
    const details = await (await deps.clientFor(op.msn)).getPaymentDetails(op.orderId);
    await store(deps, op, details);
    return details;
  } catch {
    return null; // the reconciler reads it later
  }
}

/** Finds our X-Request-Id in the payment's log: the answer to "did it happen?". */
async function resolveFromLog(deps: MoneyDeps, op: Op): Promise<SendOutcome | null> {
  const details = await syncQuietly(deps, op);
  if (!details) return null;
  const entries = details.transactionLogHistory.filter((e) => e.requestId === op.xRequestId);
  const done = entries.find((e) => e.operationSuccess);
  if (done) return { state: "succeeded", transactionId: done.transactionId ?? null, body: done };
  if (entries.length > 0) return { state: "failed", code: "refused_by_vipps", message: "logged as not successful" };
  return null;
}

/** For a row found again (same key, or by the reconciler): settle it if its outcome can be known now. */
async function resolveIfOpen(deps: MoneyDeps, op: Op): Promise<Op> {
  if (op.state !== "unknown" && op.state !== "pending") return op;
  // A pending row younger than a call with its retries is still being worked on by its caller.
  const now = deps.now?.() ?? new Date();
  const stale = deps.stalePendingMs ?? STALE_PENDING_MS;
  if (op.state === "pending" && now.getTime() - op.updatedAt.getTime() < stale) return op;
  const resolved = await resolveFromLog(deps, op);
  if (!resolved) return op;
  await finish(deps, op, null, resolved);
  return deps.db.moneyOperation.findUniqueOrThrow({ where: { id: op.id } });
}

/**
 * With the lock held: GET /details afresh (stored when it refuses), what the payment allows now, and the
 * amount checked against what remains ("all" resolved to it). Release must be confirmed with
 * exactly the amount that remains.
 */
async function freshCheck(
  deps: MoneyDeps,
  op: Op,
  captureType: "reserve" | "direct",
  requested: number | "all",
  /** Release: what the person typed to confirm, or "confirmed" when that was checked at submission. */
  confirmAmount: number | undefined | "confirmed",
): Promise<
  { ok: true; client: MoneyClient; amount: number; details: PaymentDetails } | { ok: false; refusal: Refusal }
> {
  const now = deps.now?.() ?? new Date();
  const client = await deps.clientFor(op.msn);
  let details: PaymentDetails;
  try {
    details = await client.getPaymentDetails(op.orderId);
  } catch {
    return { ok: false, refusal: { code: "vipps_unavailable" } };
  }
  // A refusal stores what Vipps said now (the page shows why); on the way to sending, the sync after
  // the operation stores it, so the copy is written once, not twice.
  const refuse = async (refusal: Refusal) => {
    await storeQuietly(deps, op, details);
    return { ok: false as const, refusal };
  };
  const allowed = allowance({ ...derivePayment(details), captureType }, op.kind, now);
  if (!allowed.allowed) return refuse({ code: allowed.why });
  if (op.kind === "release" && confirmAmount !== "confirmed" && confirmAmount !== allowed.max) {
    return refuse({ code: "confirm_mismatch", max: allowed.max });
  }
  const amount = requested === "all" ? allowed.max : requested;
  const problem = checkAmount(allowed, amount);
  if (problem) return refuse({ code: problem, max: allowed.max });
  return { ok: true, client, amount, details };
}

export function needsApproval(
  kind: MoneyKind,
  amount: number,
  unit: { approvalThresholdOre: number | null; releaseNeedsApproval: boolean },
): boolean {
  if (kind === "refund") return unit.approvalThresholdOre !== null && amount > unit.approvalThresholdOre;
  if (kind === "release") return unit.releaseNeedsApproval;
  return false;
}

/** A request waiting for approval expires after this long (and frees the payment). */
export const APPROVAL_TTL_MS = 24 * 60 * 60_000;

/**
 * Four-eyes: another finance user or an admin — never the requester — approves (the request is
 * checked against a fresh GET /details again, then sent exactly like any other) or rejects it.
 */
export async function decideMoneyOperation(
  deps: MoneyDeps,
  actor: Actor | null,
  operationId: string,
  approve: boolean,
): Promise<MoneyResult> {
  assertCan(actor, "payments:money");
  const db = deps.db;
  const now = deps.now?.() ?? new Date();
  const op = await db.moneyOperation.findUnique({ where: { id: operationId } });
  if (!op) throw new AppError("not_found", `operation ${operationId}`);
  assertMsn(actor, op.msn);
  const refuse = async (refusal: Refusal): Promise<MoneyResult> => {
    await audit(db, {
      action: "money_refused",
      outcome: "refused",
      who: actor,
      msn: op.msn,
      orderId: op.orderId,
      details: { operationId: op.id, kind: op.kind, reason: refusal.code, decision: approve ? "approve" : "reject" },
    });
    return { outcome: "refused", refusal, operation: view(op) };
  };
  if (op.state !== "awaiting_approval") return refuse({ code: "not_waiting" });
  if (op.createdById === actor.id) return refuse({ code: "own_request" });
  if (now.getTime() - op.createdAt.getTime() >= APPROVAL_TTL_MS) {
    await finish(deps, op, null, { state: "failed", code: "expired", message: "not approved within 24 hours" });
    return refuse({ code: "expired" });
  }
  // One decision only, even with two approvers at once.
  const decided = await db.moneyOperation.updateMany({
    where: { id: op.id, state: "awaiting_approval" },
    data: { state: "pending", decidedById: actor.id, decidedByName: actor.name.slice(0, 200), decidedAt: now },
  });
  if (decided.count === 0) return refuse({ code: "not_waiting" });
  await audit(db, {
    action: approve ? "money_approved" : "money_rejected",
    outcome: "success",
    who: actor,
    msn: op.msn,
    orderId: op.orderId,
    details: { operationId: op.id, kind: op.kind, amount: op.amount ?? 0, requestedBy: op.createdByName ?? "" },
  });
  const row = await db.moneyOperation.findUniqueOrThrow({ where: { id: op.id } });
  if (!approve)
    return finish(deps, row, actor, { state: "failed", code: "rejected", message: "rejected by a second person" });

  // Approved: the same fresh check as at submission (release was confirmed then), then sent once.
  const unit = await db.salesUnit.findUniqueOrThrow({ where: { msn: op.msn }, select: { captureType: true } });
  const checked = await freshCheck(deps, row, unit.captureType, row.amount ?? 0, "confirmed");
  if (!checked.ok) return finishRefused(deps, row, actor, checked.refusal);
  const { client } = checked;
  const claimed = await db.moneyOperation.updateMany({
    where: { id: op.id, state: "pending", attempts: row.attempts },
    data: { attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return resultOf(await db.moneyOperation.findUniqueOrThrow({ where: { id: op.id } }));
  const sending = { ...row, attempts: row.attempts + 1 };
  return finish(deps, sending, actor, await send(client, sending, transactionText(sending)));
}

/** A pending row older than this was left by a process that died mid-call (default of MONEY_STALE_PENDING_MS). */
export const STALE_PENDING_MS = 2 * 60_000;
const MAX_RESENDS = 8;
/** …and at least this old before "no trace after every try" counts as not applied. */
const GIVE_UP_AFTER_MS = 15 * 60_000;

/**
 * The reconciler's part: operations whose outcome is not known (unknown, or pending and stale) are
 * looked up in the payment's log; where Vipps has no trace of the request id, the same request is
 * sent again with the same X-Request-Id (Vipps applies a key once), then looked up again.
 */
export async function resolveOpenOperations(
  deps: MoneyDeps & { batch?: number },
): Promise<{ resolved: number; open: number }> {
  const now = deps.now?.() ?? new Date();
  const stale = new Date(now.getTime() - (deps.stalePendingMs ?? STALE_PENDING_MS));
  const open = await deps.db.moneyOperation.findMany({
    // Staleness counts from the row's last change, not its creation: an approved four-eyes request
    // (created hours ago) is being sent by its approver right now.
    where: { OR: [{ state: "unknown" }, { state: "pending", updatedAt: { lt: stale } }] },
    orderBy: { createdAt: "asc" },
    take: deps.batch ?? 20,
  });
  let resolved = 0;
  const expired = await deps.db.moneyOperation.findMany({
    where: { state: "awaiting_approval", createdAt: { lt: new Date(now.getTime() - APPROVAL_TTL_MS) } },
    take: deps.batch ?? 20,
  });
  for (const op of expired) {
    await finish(deps, op, null, { state: "failed", code: "expired", message: "not approved within 24 hours" });
    resolved++;
  }
  for (const op of open) {
    if (op.state === "pending" && op.attempts === 0) {
      // Its process died before sending anything: nothing moved, the payment is free again.
      const out = { state: "failed", code: "interrupted", message: "stopped before sending" } as const;
      await finish(deps, op, null, out, { state: "pending", attempts: 0 });
      resolved++;
      continue;
    }
    let out = await resolveFromLog(deps, op);
    if (!out && op.attempts < MAX_RESENDS) {
      const sent = await deps.db.moneyOperation.updateMany({
        where: { id: op.id, attempts: op.attempts },
        data: { attempts: { increment: 1 } },
      });
      if (sent.count === 0) continue; // another instance took it
      out = await send(await deps.clientFor(op.msn), op, transactionText(op));
      if (out.state === "unknown") out = await resolveFromLog(deps, op);
    }
    if (!out && op.attempts + 1 >= MAX_RESENDS && now.getTime() - op.createdAt.getTime() >= GIVE_UP_AFTER_MS) {
      // Sent again and again with the same X-Request-Id, and still no trace of it in the payment's
      // log: Vipps did not apply it. Free the payment rather than hold it forever.
      out = { state: "failed", code: "no_trace", message: `no trace in the payment's log after ${MAX_RESENDS} tries` };
    }
    if (out && out.state !== "unknown") {
      await finish(deps, op, null, out);
      resolved++;
    }
  }
  return { resolved, open: open.length - resolved };
}
