// The capture queue's batches (ARCHITECTURE.md "Capture queue"): a person selects payments and
// captures (or releases) each in one go. A batch is rows in our database — MoneyBatch and one
// MoneyBatchItem per payment — worked through in the background by the batch worker, so closing the
// page stops nothing. Each item becomes one ledger operation through submitMoneyOperation, with an
// idempotency key derived from the item, so every guarantee of a single operation holds per payment:
// one in flight per payment, a fresh check before sending, unknown outcomes resolved, never guessed.
//
// Background work uses the claim pattern of the reconciler (FOR UPDATE SKIP LOCKED with a lease), not
// pg-boss: it must run on the embedded PGlite as well as PostgreSQL; the per-row progress the page
// shows is these rows anyway; and exactly-once comes from the ledger, not from the job system (a job
// library is at-least-once too). An item whose instance dies is claimed again when its lease ends and
// finds its ledger row by the same key.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { MoneyBatchItemState, MoneyOperationKind } from "@/generated/prisma/enums";
import { audit } from "@/lib/audit";
import { actorOf, actorUserInclude } from "@/lib/auth/actor-of";
import { assertCan, assertMsn, can, canSeeMsn, msnScope, type Actor } from "@/lib/auth/permissions";
import { forEachLimit } from "@/lib/concurrency";
import { AppError } from "@/lib/errors";
import { submitMoneyOperation, type MoneyDeps, type MoneyResult } from "./engine";

export const BATCH_KINDS = ["capture", "release"] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];
export const BATCH_MAX_ITEMS = 1000;

export interface BatchRequest {
  kind: BatchKind;
  /** Made by the queue's dialog when it opens. */
  idempotencyKey: string;
  /** Each payment with the amount the person saw remaining; the whole of it is captured or released. */
  items: { msn: string; orderId: string; amount: number }[];
  /** Release: the total the person typed to confirm (irreversible). */
  confirmTotal?: number;
}

export type BatchRefusal =
  | { code: "key_reused" }
  | { code: "duplicate"; orderId: string }
  | { code: "not_found"; orderId: string }
  | { code: "changed"; orderId: string }
  | { code: "busy"; orderId: string }
  | { code: "confirm_mismatch"; total: number };

export type BatchCreated =
  { outcome: "created" | "existing"; batchId: string } | { outcome: "refused"; refusal: BatchRefusal };

export async function createBatch(
  deps: Pick<MoneyDeps, "db" | "now">,
  actor: Actor | null,
  req: BatchRequest,
): Promise<BatchCreated> {
  assertCan(actor, "payments:money");
  for (const item of req.items) assertMsn(actor, item.msn);
  const db = deps.db;
  const now = deps.now?.() ?? new Date();
  const refuse = async (refusal: BatchRefusal): Promise<BatchCreated> => {
    await audit(db, {
      action: "money_refused",
      outcome: "refused",
      who: actor,
      details: { batch: req.kind, reason: refusal.code, ...("orderId" in refusal ? { orderId: refusal.orderId } : {}) },
    });
    return { outcome: "refused", refusal };
  };

  const payments = await db.payment.findMany({
    where: { OR: req.items.map((i) => ({ msn: i.msn, orderId: i.orderId })) },
    select: { id: true, msn: true, orderId: true, capturedAmount: true, remainingToCapture: true, status: true },
  });
  const byKey = new Map(payments.map((p) => [`${p.msn}/${p.orderId}`, p]));
  const existing = await db.moneyBatch.findUnique({
    where: { idempotencyKey: req.idempotencyKey },
    include: { items: { select: { paymentId: true } } },
  });
  if (existing)
    return sameBatch(existing, actor, req, byKey)
      ? { outcome: "existing", batchId: existing.id }
      : refuse({ code: "key_reused" });

  const seen = new Set<string>();
  for (const item of req.items) {
    const key = `${item.msn}/${item.orderId}`;
    if (seen.has(key)) return refuse({ code: "duplicate", orderId: item.orderId });
    seen.add(key);
    const p = byKey.get(key);
    if (!p) return refuse({ code: "not_found", orderId: item.orderId });
    // The whole of what the person saw remaining, or nothing: if it moved meanwhile, they look again.
    if (p.remainingToCapture !== item.amount || p.remainingToCapture <= 0)
      return refuse({ code: "changed", orderId: item.orderId });
  }
  if (req.kind === "release") {
    const total = req.items.reduce((s, i) => s + i.amount, 0);
    if (req.confirmTotal !== total) return refuse({ code: "confirm_mismatch", total });
  }
  const busy = await db.moneyBatchItem.findFirst({
    where: { paymentId: { in: payments.map((p) => p.id) }, state: { in: ["queued", "running", "pending"] } },
    select: { orderId: true },
  });
  if (busy) return refuse({ code: "busy", orderId: busy.orderId });

  try {
    const batch = await db.$transaction(async (tx) => {
      const b = await tx.moneyBatch.create({
        data: {
          idempotencyKey: req.idempotencyKey,
          kind: req.kind,
          createdById: actor.id,
          createdByName: actor.name.slice(0, 200),
          createdAt: now,
        },
      });
      await tx.moneyBatchItem.createMany({
        data: req.items.map((i) => {
          const p = byKey.get(`${i.msn}/${i.orderId}`)!;
          const kind: MoneyOperationKind =
            req.kind === "capture" ? "capture" : p.capturedAmount > 0 ? "release" : "cancel";
          return {
            batchId: b.id,
            paymentId: p.id,
            msn: i.msn,
            orderId: i.orderId,
            kind,
            amount: i.amount,
            runAfter: now,
          };
        }),
      });
      await audit(tx, {
        action: "money_batch_requested",
        outcome: "success",
        who: actor,
        details: {
          batchId: b.id,
          kind: req.kind,
          payments: req.items.length,
          amount: req.items.reduce((s, i) => s + i.amount, 0),
        },
      });
      return b;
    });
    return { outcome: "created", batchId: batch.id };
  } catch (e) {
    // A double click raced us to the same key: one batch, one answer.
    const raced = await db.moneyBatch.findUnique({
      where: { idempotencyKey: req.idempotencyKey },
      include: { items: { select: { paymentId: true } } },
    });
    if (raced)
      return sameBatch(raced, actor, req, byKey)
        ? { outcome: "existing", batchId: raced.id }
        : refuse({ code: "key_reused" });
    throw e;
  }
}

function sameBatch(
  b: { createdById: string; kind: MoneyOperationKind; items: { paymentId: string }[] },
  actor: Actor,
  req: BatchRequest,
  byKey: Map<string, { id: string }>,
): boolean {
  const ids = new Set(b.items.map((i) => i.paymentId));
  return (
    b.createdById === actor.id &&
    b.kind === req.kind &&
    ids.size === req.items.length &&
    req.items.every((i) => ids.has(byKey.get(`${i.msn}/${i.orderId}`)?.id ?? ""))
  );
}

// --- The worker -----------------------------------------------------------------------------------

interface ClaimedItem {
  id: string;
  batchId: string;
  msn: string;
  orderId: string;
  kind: MoneyOperationKind;
  amount: number;
  tries: number;
  createdAt: Date;
}

export interface BatchWorkerDeps extends MoneyDeps {
  /** Items worked on at once by this instance (each is one payment; Vipps' limits are per orderId). */
  concurrency?: number;
  /** How long a claim keeps other instances away: longer than one operation with its retries. */
  leaseMs?: number;
  log?: (line: string) => void;
}

export const BATCH_LEASE_MS = 5 * 60_000;
/** Retries of an item whose operation was definitely not applied (429, Vipps unreachable, busy). */
const MAX_TRIES = 12;
/** A pending item (unknown outcome) is looked at again this often; the reconciler resolves it. */
const PENDING_RECHECK_MS = 15_000;

async function claimItems(db: PrismaClient, now: Date, limit: number, leaseMs: number): Promise<ClaimedItem[]> {
  const lease = new Date(now.getTime() + leaseMs);
  return db.$queryRaw<ClaimedItem[]>`
    UPDATE "MoneyBatchItem" AS i SET state = 'running', "leaseUntil" = ${lease}, "updatedAt" = ${now}
    FROM (
      SELECT id FROM "MoneyBatchItem"
      WHERE (state IN ('queued', 'pending') AND "runAfter" <= ${now})
         OR (state = 'running' AND "leaseUntil" < ${now})
      ORDER BY "runAfter"
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    ) AS due, "MoneyBatch" AS b
    WHERE i.id = due.id AND b.id = i."batchId"
    RETURNING i.id, i."batchId", i.msn, i."orderId", i.kind::text AS kind, i.amount, i.tries, b."createdAt"`;
}

/** One round: claim due items, run each once. Returns how many were claimed (0: nothing to do). */
export async function runBatchRound(deps: BatchWorkerDeps): Promise<number> {
  const now = () => deps.now?.() ?? new Date();
  const concurrency = deps.concurrency ?? 4;
  const items = await claimItems(deps.db, now(), concurrency * 2, deps.leaseMs ?? BATCH_LEASE_MS);
  const actors = new Map<string, Promise<Actor | null>>();
  const batchActor = async (batchId: string) => {
    if (!actors.has(batchId)) actors.set(batchId, creatorOf(deps.db, batchId));
    return actors.get(batchId)!;
  };
  await forEachLimit(items, concurrency, async (item) => {
    let next: ItemUpdate;
    try {
      next = await runItem(deps, await batchActor(item.batchId), item, now());
    } catch (err) {
      // Our own trouble (the database, a bug): try again later with the same key, which finds the row.
      (deps.log ?? console.warn)(`[batch] ${item.msn}/${item.orderId}: ${(err as Error).message}`);
      next = { state: "queued", runAfter: new Date(now().getTime() + 30_000) };
    }
    await deps.db.moneyBatchItem.update({ where: { id: item.id }, data: { ...next, leaseUntil: null } });
    if (!["queued", "running", "pending"].includes(next.state)) await finishBatchIfDone(deps.db, item.batchId, now());
  });
  return items.length;
}

/** The batch's creator as they are now: deactivated, or without the money permission, they act no more. */
async function creatorOf(db: PrismaClient, batchId: string): Promise<Actor | null> {
  const batch = await db.moneyBatch.findUnique({ where: { id: batchId }, select: { createdById: true } });
  const user = batch && (await db.user.findUnique({ where: { id: batch.createdById }, include: actorUserInclude }));
  return user?.active ? actorOf(user) : null;
}

interface ItemUpdate {
  state: MoneyBatchItemState;
  runAfter?: Date;
  tries?: number;
  operationId?: string | null;
  code?: string | null;
}

async function runItem(deps: MoneyDeps, actor: Actor | null, item: ClaimedItem, now: Date): Promise<ItemUpdate> {
  if (!actor || !can(actor, "payments:money") || !canSeeMsn(actor, item.msn))
    return { state: "failed", code: "not_allowed" };
  let result: MoneyResult;
  try {
    result = await submitMoneyOperation(deps, actor, {
      msn: item.msn,
      orderId: item.orderId,
      kind: item.kind,
      amount: item.kind === "cancel" ? "all" : item.amount,
      // One key per try: a new try starts only after the previous one is known not to have moved money.
      idempotencyKey: `batch-${item.id}-${item.tries}`,
      ...(item.kind === "release" ? { confirmAmount: item.amount } : {}),
    });
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return { state: "failed", code: "not_found" };
    throw err;
  }
  const retry = (afterMs: number, code: string): ItemUpdate =>
    item.tries + 1 >= MAX_TRIES
      ? { state: "failed", code }
      : { state: "queued", tries: item.tries + 1, runAfter: new Date(now.getTime() + afterMs), code };
  const opId = "operation" in result && result.operation ? result.operation.id : null;
  switch (result.outcome) {
    case "succeeded":
      return { state: "succeeded", operationId: opId, code: null };
    case "awaiting_approval":
      return { state: "awaiting_approval", operationId: opId, code: null };
    case "pending":
      return {
        state: "pending",
        operationId: opId,
        code: null,
        runAfter: new Date(now.getTime() + PENDING_RECHECK_MS),
      };
    case "failed":
      // 429: Vipps did not apply it; a new try after Retry-After (Vipps' limit is per orderId).
      if (result.code === "429") return retry((result.retryAfterSeconds ?? 60) * 1000, "429");
      return { state: "failed", operationId: opId, code: result.code.slice(0, 40) };
    case "refused": {
      const code = result.refusal.code;
      // Someone else's operation on this payment, or Vipps unreachable for the fresh check: later.
      if (code === "busy" || code === "db_busy") return retry(5_000 * (item.tries + 1), code);
      if (code === "vipps_unavailable") return retry(15_000 * (item.tries + 1), code);
      return { state: "failed", operationId: opId, code };
    }
  }
}

async function finishBatchIfDone(db: PrismaClient, batchId: string, now: Date): Promise<void> {
  const open = await db.moneyBatchItem.count({ where: { batchId, state: { in: ["queued", "running", "pending"] } } });
  if (open > 0) return;
  const done = await db.moneyBatch.updateMany({ where: { id: batchId, finishedAt: null }, data: { finishedAt: now } });
  if (done.count === 0) return; // another instance finished it
  const batch = await db.moneyBatch.findUniqueOrThrow({ where: { id: batchId } });
  const counts = await db.moneyBatchItem.groupBy({
    by: ["state"],
    where: { batchId },
    _count: true,
    _sum: { amount: true },
  });
  const of = (s: MoneyBatchItemState) => counts.find((c) => c.state === s);
  await audit(db, {
    action: "money_batch_finished",
    outcome: (of("failed")?._count ?? 0) > 0 ? "failed" : "success",
    who: { id: batch.createdById },
    details: {
      batchId,
      kind: batch.kind,
      succeeded: of("succeeded")?._count ?? 0,
      failed: of("failed")?._count ?? 0,
      awaitingApproval: of("awaiting_approval")?._count ?? 0,
      amountMoved: of("succeeded")?._sum.amount ?? 0,
    },
  });
}

/** Runs rounds back to back while there is work, then every `intervalMs`; `kick()` starts one now. */
export function startBatchWorker(deps: () => Promise<BatchWorkerDeps>, intervalMs: number, log = console.warn) {
  let running: Promise<void> | undefined;
  let again = false;
  const tick = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        const d = await deps();
        do {
          again = false;
          while ((await runBatchRound(d)) > 0);
        } while (again);
      } catch (err) {
        log(`[batch] round failed: ${(err as Error).message}`);
      }
    })().finally(() => (running = undefined));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    kick: tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

// --- Reading --------------------------------------------------------------------------------------

export interface BatchItemView {
  id: string;
  msn: string;
  orderId: string;
  kind: MoneyOperationKind;
  amount: number;
  state: MoneyBatchItemState;
  code: string | null;
  tries: number;
  transactionId: string | null;
  updatedAt: Date;
}

export interface BatchView {
  id: string;
  kind: BatchKind;
  createdByName: string;
  createdAt: Date;
  finishedAt: Date | null;
  items: BatchItemView[];
  counts: Record<MoneyBatchItemState, number>;
  /** øre moved by the items that succeeded, and asked for in all. */
  moved: number;
  total: number;
}

const EMPTY_COUNTS: Record<MoneyBatchItemState, number> = {
  queued: 0,
  running: 0,
  pending: 0,
  succeeded: 0,
  failed: 0,
  awaiting_approval: 0,
};

/** A batch with the items the actor may see; null when there are none (or no such batch). */
export async function readBatch(db: PrismaClient, actor: Actor, batchId: string): Promise<BatchView | null> {
  assertCan(actor, "payments:money");
  const batch = await db.moneyBatch.findUnique({
    where: { id: batchId },
    include: { items: { where: msnScope(actor), orderBy: [{ msn: "asc" }, { orderId: "asc" }] } },
  });
  if (!batch || batch.items.length === 0) return null;
  const opIds = batch.items.map((i) => i.operationId).filter((id): id is string => id !== null);
  const ops = new Map(
    (await db.moneyOperation.findMany({ where: { id: { in: opIds } }, select: { id: true, transactionId: true } })).map(
      (o) => [o.id, o.transactionId],
    ),
  );
  const counts = { ...EMPTY_COUNTS };
  for (const i of batch.items) counts[i.state]++;
  return {
    id: batch.id,
    kind: batch.kind as BatchKind,
    createdByName: batch.createdByName,
    createdAt: batch.createdAt,
    finishedAt: batch.finishedAt,
    items: batch.items.map((i) => ({
      id: i.id,
      msn: i.msn,
      orderId: i.orderId,
      kind: i.kind,
      amount: i.amount,
      state: i.state,
      code: i.code,
      tries: i.tries,
      transactionId: i.operationId ? (ops.get(i.operationId) ?? null) : null,
      updatedAt: i.updatedAt,
    })),
    counts,
    moved: batch.items.filter((i) => i.state === "succeeded").reduce((s, i) => s + i.amount, 0),
    total: batch.items.reduce((s, i) => s + i.amount, 0),
  };
}

export interface BatchSummary {
  id: string;
  kind: BatchKind;
  createdByName: string;
  createdAt: Date;
  finishedAt: Date | null;
  payments: number;
}

/** The latest batches touching the actor's sales units. */
export async function listBatches(db: PrismaClient, actor: Actor, take = 10): Promise<BatchSummary[]> {
  assertCan(actor, "payments:money");
  const scope = msnScope(actor);
  const batches = await db.moneyBatch.findMany({
    where: { items: { some: scope } },
    orderBy: { createdAt: "desc" },
    take,
    include: { _count: { select: { items: { where: scope } } } },
  });
  return batches.map((b) => ({
    id: b.id,
    kind: b.kind as BatchKind,
    createdByName: b.createdByName,
    createdAt: b.createdAt,
    finishedAt: b.finishedAt,
    payments: b._count.items,
  }));
}
