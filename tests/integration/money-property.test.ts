// The randomized property test of issue 9: concurrent capture / refund / release / cancel
// submissions on one payment, with repeated and distinct idempotency keys and injected faults.
// After every run: money moved at Vipps = the ledger's succeeded operations, captured ≤ reserved,
// refunded ≤ captured, nothing applied twice, no lock left. MONEY_PROPERTY_RUNS sets the count
// (200 in npm test; the money benchmark runs more).
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveOpenOperations, submitMoneyOperation, type MoneyDeps, type MoneyRequest } from "@/lib/money/engine";
import { MONEY_KINDS, REFUND_REASONS } from "@/lib/money/rules";
import { applyDetails } from "@/lib/payments/sync/sync";
import { migratedDatabase, type TestDb } from "../helpers/databases";
import { actor, addUnit, simPayment, startStack, type Stack } from "../helpers/ingest";

const RUNS = Number(process.env.MONEY_PROPERTY_RUNS ?? 200);
const MSN = "712345";
const FAULTS = ["none", "error500", "locked94", "reset", "lostResponse"] as const;

describe("money operations: random concurrent submissions with faults", () => {
  let db: TestDb;
  let stack: Stack;
  let deps: MoneyDeps;
  const people = [
    { ...actor("finance", [MSN]), name: "Kari" },
    { ...actor("admin"), name: "Ada" },
  ];
  beforeAll(async () => {
    db = await migratedDatabase("pglite");
    stack = await startStack();
    await addUnit(stack, db.prisma, MSN, "reserve");
    deps = { db: db.prisma, clientFor: (msn) => stack.clientFor(msn) };
  });
  afterAll(async () => {
    await stack?.close();
    await db?.close();
  });

  const submission = fc.record({
    kind: fc.constantFrom(...MONEY_KINDS),
    amount: fc.oneof(fc.constant("all" as const), fc.integer({ min: 1, max: 120_000 })),
    keySlot: fc.integer({ min: 0, max: 5 }),
    person: fc.integer({ min: 0, max: 1 }),
    reason: fc.constantFrom(...REFUND_REASONS),
  });
  const scenario = fc.record({
    reserved: fc.integer({ min: 200, max: 100_000 }),
    batches: fc.array(fc.array(submission, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
    fault: fc.constantFrom(...FAULTS),
    faultEndpoint: fc.constantFrom("capture", "refund", "cancel"),
    faultCount: fc.integer({ min: 1, max: 3 }),
  });

  let run = 0;
  it(`holds the invariants over ${RUNS} runs`, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const orderId = `prop-${++run}-${Date.now().toString(36)}`;
        await simPayment(stack, MSN, orderId, "approve", s.reserved);
        await applyDetails(db.prisma, MSN, await (await stack.clientFor(MSN)).getPaymentDetails(orderId));
        if (s.fault !== "none")
          await stack.control.fault({ msn: MSN, endpoint: s.faultEndpoint, mode: s.fault, count: s.faultCount });
        // Keys are per slot: a slot's first request is the intent; a later use of the slot with
        // another request must be refused, with the same request it must replay.
        const keys = Array.from({ length: 6 }, () => randomUUID());
        try {
          for (const batch of s.batches) {
            await Promise.all(
              batch.map((b) => {
                const req: MoneyRequest = {
                  msn: MSN,
                  orderId,
                  kind: b.kind,
                  amount: b.kind === "cancel" || b.kind === "release" ? "all" : b.amount,
                  reason: b.kind === "refund" ? b.reason : undefined,
                  idempotencyKey: keys[b.keySlot]!,
                };
                return submitMoneyOperation(deps, people[b.person]!, req).catch(() => undefined);
              }),
            );
          }
        } finally {
          await stack.control.clearFaults();
        }
        for (let i = 0; i < 3; i++) {
          const open = await db.prisma.moneyOperation.count({
            where: { orderId, state: { in: ["pending", "unknown"] } },
          });
          if (open === 0) break;
          await resolveOpenOperations({ ...deps, now: () => new Date(Date.now() + 10 * 60_000) });
        }

        const details = await (await stack.clientFor(MSN)).getPaymentDetails(orderId);
        const log = details.transactionLogHistory.filter((e) => e.operationSuccess);
        const ops = await db.prisma.moneyOperation.findMany({ where: { orderId, state: "succeeded" } });
        const sum = (xs: { amount: number | null }[]) => xs.reduce((a, x) => a + (x.amount ?? 0), 0);
        const summary = details.transactionSummary!;
        expect(sum(log.filter((e) => e.operation === "CAPTURE"))).toBe(sum(ops.filter((o) => o.kind === "capture")));
        expect(sum(log.filter((e) => e.operation === "REFUND"))).toBe(sum(ops.filter((o) => o.kind === "refund")));
        expect(summary.capturedAmount).toBeLessThanOrEqual(s.reserved);
        expect(summary.refundedAmount).toBeLessThanOrEqual(summary.capturedAmount);
        const ids = log.filter((e) => e.requestId).map((e) => e.requestId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const op of ops) expect(ids).toContain(op.xRequestId);
        // One ledger row per key, whatever the concurrency.
        const rows = await db.prisma.moneyOperation.groupBy({
          by: ["idempotencyKey"],
          where: { orderId },
          _count: true,
        });
        expect(rows.every((r) => r._count === 1)).toBe(true);
        expect(
          await db.prisma.moneyOperation.count({ where: { orderId, state: { in: ["pending", "unknown"] } } }),
        ).toBe(0);
        expect(await db.prisma.paymentLock.count({ where: { payment: { orderId } } })).toBe(0);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
