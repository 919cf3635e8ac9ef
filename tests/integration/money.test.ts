// Money operations against the simulator over HTTP, on PGlite and PostgreSQL: every operation,
// the refusals Vipps can answer, the faults that hide an outcome, double clicks, two people at
// once, and a process that dies between the ledger row and the answer. The invariant throughout:
// what moved at Vipps equals the ledger's succeeded operations, and nothing moves twice.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentDetails } from "@/lib/ecom";
import {
  decideMoneyOperation,
  resolveOpenOperations,
  submitMoneyOperation,
  xRequestIdFor,
  type MoneyDeps,
  type MoneyRequest,
} from "@/lib/money/engine";
import { openDirect } from "@/lib/db/direct";
import { applyDetails } from "@/lib/payments/sync/sync";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { expectLedgerMatchesVipps } from "../helpers/money-invariant";
import { actor, addUnit, simPayment, startStack, type Stack, detailsDownAfterCapture } from "../helpers/ingest";

const kinds = await databaseKinds();
const SHOP = "612345";
const DIRECT = "612346";

describe.each(kinds)("money operations on %s", (kind) => {
  let db: TestDb;
  let stack: Stack;
  let deps: MoneyDeps;
  const finance = { ...actor("finance", [SHOP, DIRECT]), name: "Kari Økonomi" };
  const other = { ...actor("finance", [SHOP, DIRECT]), name: "Ola Økonomi" };
  const support = actor("support", [SHOP]);

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    stack = await startStack();
    await addUnit(stack, db.prisma, SHOP, "reserve");
    await addUnit(stack, db.prisma, DIRECT, "direct");
    deps = { db: db.prisma, clientFor: (msn) => stack.clientFor(msn) };
  });
  afterAll(async () => {
    await stack?.close();
    await db?.close();
  });

  let n = 0;
  /** A reserved payment at Vipps and in our copy. */
  async function reserved(amount = 100_000, msn = SHOP) {
    const orderId = `mo-${kind}-${++n}-${Date.now().toString(36)}`;
    await simPayment(stack, msn, orderId, "approve", amount);
    await applyDetails(db.prisma, msn, await (await stack.clientFor(msn)).getPaymentDetails(orderId));
    return orderId;
  }
  const details = async (orderId: string, msn = SHOP): Promise<PaymentDetails> =>
    (await stack.clientFor(msn)).getPaymentDetails(orderId);
  const summary = async (orderId: string, msn = SHOP) => (await details(orderId, msn)).transactionSummary!;
  const req = (orderId: string, over: Partial<MoneyRequest>): MoneyRequest => ({
    msn: SHOP,
    orderId,
    kind: "capture",
    amount: "all",
    idempotencyKey: randomUUID(),
    ...over,
  });
  /** The invariant: Vipps' successful movements of each kind = the ledger's succeeded operations. */
  const ledgerMatchesVipps = async (orderId: string, msn = SHOP) =>
    expectLedgerMatchesVipps(db.prisma, await stack.clientFor(msn), msn, orderId);

  /**
   * A pending capture with its lock, as a process leaves them when it dies mid-operation (or while
   * an approver is sending it): `attempts` says whether it got as far as sending.
   */
  async function leftBehind(
    orderId: string,
    o: { attempts: number; amount: number; createdAt: Date; updatedAt?: Date },
  ) {
    const payment = await db.prisma.payment.findFirstOrThrow({ where: { orderId } });
    const id = randomUUID();
    await db.prisma.moneyOperation.create({
      data: {
        id,
        idempotencyKey: randomUUID(),
        xRequestId: xRequestIdFor(id),
        paymentId: payment.id,
        msn: SHOP,
        orderId,
        kind: "capture",
        amount: o.amount,
        requestHash: id.replace(/-/g, "").padEnd(64, "0"),
        state: "pending",
        attempts: o.attempts,
        createdAt: o.createdAt,
        updatedAt: o.updatedAt ?? o.createdAt,
      },
    });
    await db.prisma.paymentLock.create({ data: { paymentId: payment.id, operationId: id } });
    return { id, paymentId: payment.id };
  }

  it("partial capture, release the rest, partial refunds, then an over-refund refused: each once", async () => {
    const orderId = await reserved(100_000);
    const c1 = await submitMoneyOperation(deps, finance, req(orderId, { kind: "capture", amount: 75_000 }));
    expect(c1).toMatchObject({
      outcome: "succeeded",
      operation: { amount: 75_000, transactionId: expect.any(String) },
    });
    expect(await summary(orderId)).toMatchObject({ capturedAmount: 75_000, remainingAmountToCapture: 25_000 });

    // Releasing asks for the amount typed again: a wrong one releases nothing.
    const wrong = await submitMoneyOperation(deps, finance, req(orderId, { kind: "release", confirmAmount: 20_000 }));
    expect(wrong).toMatchObject({ outcome: "refused", refusal: { code: "confirm_mismatch", max: 25_000 } });
    const unconfirmed = await submitMoneyOperation(deps, finance, req(orderId, { kind: "release" }));
    expect(unconfirmed).toMatchObject({ outcome: "refused", refusal: { code: "confirm_mismatch" } });
    const release = await submitMoneyOperation(deps, finance, req(orderId, { kind: "release", confirmAmount: 25_000 }));
    expect(release).toMatchObject({ outcome: "succeeded", operation: { amount: 25_000 } });
    expect(await summary(orderId)).toMatchObject({ remainingAmountToCapture: 0, remainingAmountToRefund: 75_000 });

    const r1 = await submitMoneyOperation(
      deps,
      finance,
      req(orderId, { kind: "refund", amount: 25_000, reason: "returned_goods", note: "Retur av sko" }),
    );
    expect(r1).toMatchObject({ outcome: "succeeded" });
    const over = await submitMoneyOperation(
      deps,
      finance,
      req(orderId, { kind: "refund", amount: 60_000, reason: "goodwill" }),
    );
    expect(over).toMatchObject({ outcome: "refused", refusal: { code: "above_remaining", max: 50_000 } });
    const rest = await submitMoneyOperation(
      deps,
      finance,
      req(orderId, { kind: "refund", amount: "all", reason: "goodwill" }),
    );
    expect(rest).toMatchObject({ outcome: "succeeded", operation: { amount: 50_000 } });
    expect(await summary(orderId)).toMatchObject({ refundedAmount: 75_000, remainingAmountToRefund: 0 });
    // Our copy follows.
    expect(await db.prisma.payment.findFirst({ where: { orderId } })).toMatchObject({
      status: "refunded",
      refundedAmount: 75_000,
    });
    await ledgerMatchesVipps(orderId);
  });

  it("cancel voids a reservation with nothing captured; then nothing more is allowed", async () => {
    const orderId = await reserved(30_000);
    expect(await submitMoneyOperation(deps, finance, req(orderId, { kind: "release" }))).toMatchObject({
      outcome: "refused",
      refusal: { code: "use_cancel" },
    });
    expect(await submitMoneyOperation(deps, finance, req(orderId, { kind: "cancel" }))).toMatchObject({
      outcome: "succeeded",
    });
    expect(await submitMoneyOperation(deps, finance, req(orderId, { kind: "capture" }))).toMatchObject({
      outcome: "refused",
      refusal: { code: "final" },
    });
    expect(await db.prisma.payment.findFirst({ where: { orderId } })).toMatchObject({ status: "voided" });
  });

  it("a direct-capture sales unit offers refunds only", async () => {
    const orderId = await reserved(20_000, DIRECT);
    const capture = await submitMoneyOperation(deps, finance, req(orderId, { msn: DIRECT, kind: "capture" }));
    expect(capture).toMatchObject({ outcome: "refused", refusal: { code: "direct_capture_refund_only" } });
    const refund = await submitMoneyOperation(
      deps,
      finance,
      req(orderId, { msn: DIRECT, kind: "refund", reason: "customer_request" }),
    );
    expect(refund).toMatchObject({ outcome: "succeeded", operation: { amount: 20_000 } });
    await ledgerMatchesVipps(orderId, DIRECT);
  });

  it("the same idempotency key answers the first result and never calls Vipps again; another request with it is refused", async () => {
    const orderId = await reserved(50_000);
    const key = randomUUID();
    const first = await submitMoneyOperation(deps, finance, req(orderId, { amount: 10_000, idempotencyKey: key }));
    const calls = stack.sink.records.filter((r) => r.operation === "capture" && r.orderId === orderId).length;
    const again = await submitMoneyOperation(deps, finance, req(orderId, { amount: 10_000, idempotencyKey: key }));
    expect(again).toEqual(first);
    expect(stack.sink.records.filter((r) => r.operation === "capture" && r.orderId === orderId).length).toBe(calls);
    const changed = await submitMoneyOperation(deps, finance, req(orderId, { amount: 20_000, idempotencyKey: key }));
    expect(changed).toMatchObject({ outcome: "refused", refusal: { code: "key_reused" } });
    expect(await summary(orderId)).toMatchObject({ capturedAmount: 10_000 });
  });

  it("a double click (the same key twice at once) sends one capture", async () => {
    const orderId = await reserved(50_000);
    const key = randomUUID();
    const both = await Promise.all([
      submitMoneyOperation(deps, finance, req(orderId, { amount: 5_000, idempotencyKey: key })),
      submitMoneyOperation(deps, finance, req(orderId, { amount: 5_000, idempotencyKey: key })),
    ]);
    expect(both.map((r) => r.outcome).sort()).toEqual(expect.arrayContaining(["succeeded"]));
    expect(await summary(orderId)).toMatchObject({ capturedAmount: 5_000 });
    expect(await db.prisma.moneyOperation.count({ where: { orderId } })).toBe(1);
    await ledgerMatchesVipps(orderId);
  });

  it("two people at once: one operation runs, the other is told who started what", async () => {
    const orderId = await reserved(50_000);
    await stack.control.fault({ msn: SHOP, endpoint: "capture", mode: "latency", latencyMs: 400, count: 1 });
    const [a, b] = await Promise.all([
      submitMoneyOperation(deps, finance, req(orderId, { amount: 10_000 })),
      (async () => {
        await new Promise((r) => setTimeout(r, 150));
        return submitMoneyOperation(deps, other, req(orderId, { kind: "refund", amount: 1_000, reason: "goodwill" }));
      })(),
    ]);
    expect(a).toMatchObject({ outcome: "succeeded" });
    expect(b).toMatchObject({
      outcome: "refused",
      refusal: { code: "busy", by: "Kari Økonomi", kind: "capture", amount: 10_000 },
    });
    await ledgerMatchesVipps(orderId);
  });

  it.each([
    ["error500", 2, "succeeded"],
    ["locked94", 2, "succeeded"],
    ["reset", 2, "succeeded"],
    ["lostResponse", 1, "succeeded"],
  ] as const)("capture under %s ×%d ends in exactly one movement", async (mode, count, outcome) => {
    const orderId = await reserved(40_000);
    await stack.control.fault({ msn: SHOP, endpoint: "capture", mode, count });
    const result = await submitMoneyOperation(deps, finance, req(orderId, { amount: 15_000 }));
    await stack.control.clearFaults();
    expect(result.outcome).toBe(outcome);
    expect(await summary(orderId)).toMatchObject({ capturedAmount: 15_000 });
    await ledgerMatchesVipps(orderId);
  });

  it("an outcome that stays unknown is shown pending, keeps the payment locked, and the reconciler resolves it once", async () => {
    const orderId = await reserved(40_000);
    // Every attempt's response is lost after Vipps applied it, and /details goes down right after
    // the capture was sent, so the outcome cannot be read either.
    await stack.control.fault({ msn: SHOP, endpoint: "capture", mode: "lostResponse", count: 10 });
    const blindClient = detailsDownAfterCapture(await stack.clientFor(SHOP));
    const blind: MoneyDeps = { ...deps, clientFor: async () => blindClient };
    const result = await submitMoneyOperation(blind, finance, req(orderId, { amount: 12_000 }));
    await stack.control.clearFaults();
    expect(result).toMatchObject({ outcome: "pending", operation: { state: "unknown" } });
    expect(await db.prisma.paymentLock.count({ where: { payment: { orderId } } })).toBe(1);
    // Nobody can start another operation meanwhile.
    const blocked = await submitMoneyOperation(deps, other, req(orderId, { amount: 1_000 }));
    expect(blocked).toMatchObject({ outcome: "refused", refusal: { code: "busy" } });

    const round = await resolveOpenOperations(deps);
    expect(round.resolved).toBeGreaterThanOrEqual(1);
    const op = await db.prisma.moneyOperation.findFirstOrThrow({ where: { orderId, kind: "capture", amount: 12_000 } });
    expect(op.state).toBe("succeeded");
    expect(await summary(orderId)).toMatchObject({ capturedAmount: 12_000 });
    await ledgerMatchesVipps(orderId);
  });

  it("a 500 with Vipps' error 99 is not read as 'nothing moved': pending, then sent again with the same id, once", async () => {
    const orderId = await reserved(30_000);
    await stack.control.fault({ msn: SHOP, endpoint: "capture", mode: "error500" });
    const result = await submitMoneyOperation(deps, finance, req(orderId, { amount: 9_000 }));
    expect(result).toMatchObject({ outcome: "pending", operation: { state: "unknown" } });
    expect(await db.prisma.paymentLock.count({ where: { payment: { orderId } } })).toBe(1);
    await stack.control.clearFaults();
    await resolveOpenOperations(deps);
    const op = await db.prisma.moneyOperation.findFirstOrThrow({ where: { orderId } });
    expect(op.state).toBe("succeeded");
    expect(await summary(orderId)).toMatchObject({ capturedAmount: 9_000 });
    await ledgerMatchesVipps(orderId);
  });

  it("no trace after every try with the same id: failed as not applied, and the payment is free again", async () => {
    const orderId = await reserved(30_000);
    await stack.control.fault({ msn: SHOP, endpoint: "capture", mode: "error500" });
    const result = await submitMoneyOperation(deps, finance, req(orderId, { amount: 9_000 }));
    expect(result.outcome).toBe("pending");
    const later = { ...deps, now: () => new Date(Date.now() + 20 * 60_000) };
    for (let i = 0; i < 10; i++) await resolveOpenOperations(later);
    await stack.control.clearFaults();
    const op = await db.prisma.moneyOperation.findFirstOrThrow({ where: { orderId } });
    expect(op).toMatchObject({ state: "failed", errorCode: "no_trace" });
    expect(await summary(orderId)).toMatchObject({ capturedAmount: 0 });
    await ledgerMatchesVipps(orderId);
  });

  it("a slow process whose row the reconciler settled as abandoned sends nothing afterwards", async () => {
    const orderId = await reserved(30_000);
    const real = await stack.clientFor(SHOP);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let reading!: () => void;
    const inFreshCheck = new Promise<void>((r) => (reading = r));
    const slow: MoneyDeps = {
      ...deps,
      clientFor: async () => ({
        ...real,
        getPaymentDetails: async (id: string) => {
          reading();
          await gate; // the fresh check hangs, as on an overloaded instance
          return real.getPaymentDetails(id);
        },
      }),
    };
    const submitting = submitMoneyOperation(slow, finance, req(orderId, { amount: 5_000 }));
    await inFreshCheck;
    // Meanwhile the reconciler (clock past the stale age) takes the row for abandoned.
    await resolveOpenOperations({ ...deps, now: () => new Date(Date.now() + 10 * 60_000) });
    release();
    const result = await submitting;
    expect(result).toMatchObject({ outcome: "failed", code: "interrupted" });
    expect(await summary(orderId)).toMatchObject({ capturedAmount: 0 });
    await ledgerMatchesVipps(orderId);
  });

  it("a process killed after the ledger row and before the answer resolves after restart, once", async () => {
    const orderId = await reserved(40_000);
    // The capture reached Vipps (same X-Request-Id as the row), then the process died.
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    const { id } = await leftBehind(orderId, { attempts: 1, amount: 8_000, createdAt: tenMinutesAgo });
    await (
      await stack.clientFor(SHOP)
    ).capturePayment({ orderId, amount: 8_000, transactionText: "Merchant Ops capture", requestId: xRequestIdFor(id) });
    // And one that died before sending anything.
    const orderId2 = await reserved(40_000);
    const { id: id2 } = await leftBehind(orderId2, { attempts: 0, amount: 8_000, createdAt: tenMinutesAgo });

    await resolveOpenOperations(deps);
    expect(await db.prisma.moneyOperation.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "succeeded" });
    expect(await db.prisma.moneyOperation.findUniqueOrThrow({ where: { id: id2 } })).toMatchObject({
      state: "failed",
      errorCode: "interrupted",
    });
    expect(await summary(orderId)).toMatchObject({ capturedAmount: 8_000 });
    expect(await summary(orderId2)).toMatchObject({ capturedAmount: 0 });
    await ledgerMatchesVipps(orderId);
    await ledgerMatchesVipps(orderId2);
  });

  it("Vipps' refusals are failures with their code, and nothing moves (74: the settlement account is short)", async () => {
    const orderId = await reserved(40_000);
    await submitMoneyOperation(deps, finance, req(orderId, { amount: 40_000 }));
    await stack.control.fault({ msn: SHOP, endpoint: "refund", mode: "vippsError", errorCode: "74", count: 1 });
    const refund = await submitMoneyOperation(
      deps,
      finance,
      req(orderId, { kind: "refund", amount: 1_000, reason: "goodwill" }),
    );
    await stack.control.clearFaults();
    expect(refund).toMatchObject({ outcome: "failed", code: "74" });
    expect(await summary(orderId)).toMatchObject({ refundedAmount: 0 });
    const limited = await (async () => {
      await stack.control.fault({ msn: SHOP, endpoint: "refund", mode: "rateLimit429", count: 1 });
      const r = await submitMoneyOperation(
        deps,
        finance,
        req(orderId, { kind: "refund", amount: 1_000, reason: "goodwill" }),
      );
      await stack.control.clearFaults();
      return r;
    })();
    expect(limited).toMatchObject({ outcome: "failed", code: "429", retryAfterSeconds: expect.any(Number) });
    await ledgerMatchesVipps(orderId);
  });

  // Vipps' refusals the operations can meet, answered by Vipps itself (our own pre-check would
  // stop most of them before sending): each is a failure with its code, the lock is released and
  // nothing moves.
  it.each([
    ["capture", "Payment", "61"],
    ["capture", "Payment", "62"],
    ["capture", "VippsError", "91"],
    ["capture", "VippsError", "93"],
    ["capture", "Payment", "98"],
    ["cancel", "Payment", "51"],
    ["refund", "Payment", "71"],
    ["refund", "Payment", "72"],
    ["refund", "Payment", "73"],
    ["refund", "Payment", "95"],
  ] as const)("%s refused by Vipps with %s/%s fails with that code and moves nothing", async (kind, group, code) => {
    const orderId = await reserved(40_000);
    if (kind === "refund") await submitMoneyOperation(deps, finance, req(orderId, { amount: 40_000 }));
    const before = await summary(orderId);
    await stack.control.fault({
      msn: SHOP,
      endpoint: kind,
      mode: "vippsError",
      errorGroup: group,
      errorCode: code,
      count: 1,
    });
    const result = await submitMoneyOperation(
      deps,
      finance,
      req(orderId, {
        kind,
        amount: kind === "cancel" ? "all" : 1_000,
        ...(kind === "refund" ? { reason: "goodwill" } : {}),
      }),
    );
    await stack.control.clearFaults();
    expect(result).toMatchObject({ outcome: "failed", code });
    expect(await summary(orderId)).toEqual(before);
    await ledgerMatchesVipps(orderId);
  });

  it("94 (locked) until the retries run out is pending, and the reconciler sends it once later", async () => {
    const orderId = await reserved(40_000);
    await stack.control.fault({ msn: SHOP, endpoint: "capture", mode: "locked94", count: 3 });
    const result = await submitMoneyOperation(deps, finance, req(orderId, { amount: 7_000 }));
    await stack.control.clearFaults();
    expect(result).toMatchObject({ outcome: "pending" });
    await resolveOpenOperations(deps);
    expect(await summary(orderId)).toMatchObject({ capturedAmount: 7_000 });
    await ledgerMatchesVipps(orderId);
  });

  it.runIf(kind === "postgres")(
    "20 parallel submissions split over two app instances (two connection pools) on one PostgreSQL move money once each, never twice",
    async () => {
      const orderId = await reserved(100_000);
      const second = await openDirect({ driver: "pg", url: db.url! });
      try {
        const instances: MoneyDeps[] = [deps, { db: second.prisma, clientFor: (msn) => stack.clientFor(msn) }];
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            submitMoneyOperation(instances[i % 2]!, i % 3 ? finance : other, req(orderId, { amount: 1_000 })),
          ),
        );
        const succeeded = results.filter((r) => r.outcome === "succeeded").length;
        const busy = results.filter((r) => r.outcome === "refused" && r.refusal.code === "busy").length;
        expect(succeeded).toBeGreaterThanOrEqual(1);
        expect(succeeded + busy).toBe(20);
        expect(await summary(orderId)).toMatchObject({ capturedAmount: succeeded * 1_000 });
        await ledgerMatchesVipps(orderId);
      } finally {
        await second.close();
      }
    },
  );

  describe("four eyes", () => {
    it("a refund over the threshold waits; the requester cannot approve; a second person's approval sends it once", async () => {
      await db.prisma.salesUnit.update({ where: { msn: SHOP }, data: { approvalThresholdOre: 20_000 } });
      try {
        const orderId = await reserved(60_000);
        await submitMoneyOperation(deps, finance, req(orderId, { amount: 60_000 }));
        // At or under the threshold: straight through.
        expect(
          await submitMoneyOperation(
            deps,
            finance,
            req(orderId, { kind: "refund", amount: 20_000, reason: "goodwill" }),
          ),
        ).toMatchObject({ outcome: "succeeded" });
        const asked = await submitMoneyOperation(
          deps,
          finance,
          req(orderId, { kind: "refund", amount: 25_000, reason: "returned_goods" }),
        );
        expect(asked).toMatchObject({ outcome: "awaiting_approval" });
        const id = (asked as { operation: { id: string } }).operation.id;
        expect(await summary(orderId)).toMatchObject({ refundedAmount: 20_000 });
        // The payment is held meanwhile.
        expect(
          await submitMoneyOperation(deps, other, req(orderId, { kind: "refund", amount: 100, reason: "goodwill" })),
        ).toMatchObject({
          outcome: "refused",
          refusal: { code: "busy" },
        });
        expect(await decideMoneyOperation(deps, finance, id, true)).toMatchObject({
          outcome: "refused",
          refusal: { code: "own_request" },
        });
        await expect(decideMoneyOperation(deps, support, id, true)).rejects.toMatchObject({ code: "forbidden" });
        // Two approvers at once: one decision.
        const both = await Promise.all([
          decideMoneyOperation(deps, other, id, true),
          decideMoneyOperation(deps, other, id, true),
        ]);
        expect(both.map((r) => r.outcome).sort()).toEqual(["refused", "succeeded"]);
        expect(await summary(orderId)).toMatchObject({ refundedAmount: 45_000 });
        expect(await db.prisma.moneyOperation.findUniqueOrThrow({ where: { id } })).toMatchObject({
          state: "succeeded",
          decidedByName: "Ola Økonomi",
        });
        await ledgerMatchesVipps(orderId);
      } finally {
        await db.prisma.salesUnit.update({ where: { msn: SHOP }, data: { approvalThresholdOre: null } });
      }
    });

    it("a request approved hours after it was made is not taken for a dead process while it is being sent", async () => {
      const orderId = await reserved(30_000);
      // Made hours ago, just approved: the approver's call is under way (the row changed now).
      const { id, paymentId } = await leftBehind(orderId, {
        attempts: 0,
        amount: 5_000,
        createdAt: new Date(Date.now() - 3 * 3_600_000),
        updatedAt: new Date(),
      });
      await resolveOpenOperations(deps);
      expect(await db.prisma.moneyOperation.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "pending" });
      expect(await db.prisma.paymentLock.count({ where: { paymentId } })).toBe(1);
      await db.prisma.paymentLock.deleteMany({ where: { paymentId } });
      await db.prisma.moneyOperation.update({ where: { id }, data: { state: "failed", errorCode: "test" } });
    });

    it("a rejected request moves nothing; one not decided within 24 hours expires and frees the payment", async () => {
      await db.prisma.salesUnit.update({ where: { msn: SHOP }, data: { releaseNeedsApproval: true } });
      try {
        const orderId = await reserved(50_000);
        await submitMoneyOperation(deps, finance, req(orderId, { amount: 10_000 }));
        const rejected = await submitMoneyOperation(
          deps,
          finance,
          req(orderId, { kind: "release", confirmAmount: 40_000 }),
        );
        expect(rejected).toMatchObject({ outcome: "awaiting_approval" });
        const r = await decideMoneyOperation(
          deps,
          other,
          (rejected as { operation: { id: string } }).operation.id,
          false,
        );
        expect(r).toMatchObject({ outcome: "failed", code: "rejected" });
        expect(await summary(orderId)).toMatchObject({ remainingAmountToCapture: 40_000 });

        const waiting = await submitMoneyOperation(
          deps,
          finance,
          req(orderId, { kind: "release", confirmAmount: 40_000 }),
        );
        const id = (waiting as { operation: { id: string } }).operation.id;
        await resolveOpenOperations({ ...deps, now: () => new Date(Date.now() + 25 * 3_600_000) });
        expect(await db.prisma.moneyOperation.findUniqueOrThrow({ where: { id } })).toMatchObject({
          state: "failed",
          errorCode: "expired",
        });
        expect(await summary(orderId)).toMatchObject({ remainingAmountToCapture: 40_000 });
        await ledgerMatchesVipps(orderId);
      } finally {
        await db.prisma.salesUnit.update({ where: { msn: SHOP }, data: { releaseNeedsApproval: false } });
      }
    });
  });

  it("only the money permission in that sales unit may move money", async () => {
    const orderId = await reserved(10_000);
    await expect(submitMoneyOperation(deps, support, req(orderId, {}))).rejects.toMatchObject({ code: "forbidden" });
    const elsewhere = { ...finance, msns: [DIRECT] };
    await expect(submitMoneyOperation(deps, elsewhere, req(orderId, {}))).rejects.toMatchObject({ code: "not_found" });
    expect(await summary(orderId)).toMatchObject({ capturedAmount: 0 });
  });
});
