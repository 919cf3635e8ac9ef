// The reconciler: polls due payments, backs off while nothing changes, stops at final states and at
// the 180/365-day limits, survives Vipps' faults without crashing, and — with two instances on one
// database — polls each payment exactly once per round.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDirect, type DirectDb } from "@/lib/db/direct";
import { claimDue, reconcileOnce, startReconciler, type ReconcilerDeps } from "@/lib/payments/reconciler/reconciler";
import { syncDetails } from "@/lib/payments/sync/sync";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { addUnit, simPayment, startStack, type Stack } from "../helpers/ingest";

const kinds = await databaseKinds();
const MSN = "712345";
const MIN = 60_000;
const DAY = 86_400_000;

describe.each(kinds)("reconciler on %s", (kind) => {
  let db: TestDb;
  let stack: Stack;
  let deps: ReconcilerDeps;

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    stack = await startStack();
    await addUnit(stack, db.prisma, MSN);
    deps = { db: db.prisma, clientFor: (msn) => stack.clientFor(msn), log: () => {}, batch: 100 };
  });
  afterAll(async () => {
    await stack?.close();
    await db?.close();
  });
  beforeEach(async () => {
    await stack.control.clearFaults();
    // Only what a test makes due is due.
    await db.prisma.payment.updateMany({ data: { nextPollAt: null } });
  });

  async function track(orderId: string, outcome: "approve" | "initiated" = "approve") {
    await simPayment(stack, MSN, orderId, outcome);
    await syncDetails(db.prisma, MSN, await (await stack.clientFor(MSN)).getPaymentDetails(orderId));
  }
  const due = (orderIds: string[]) =>
    db.prisma.payment.updateMany({
      where: { orderId: { in: orderIds } },
      data: { nextPollAt: new Date(Date.now() - 1000) },
    });
  const row = (orderId: string) =>
    db.prisma.payment.findUniqueOrThrow({
      where: { msn_orderId: { msn: MSN, orderId } },
      include: { _count: { select: { events: true } } },
    });

  it("polls a due payment once and waits twice as long each time nothing changed", async () => {
    await track("rc-quiet");
    for (const [attempts, waitMin] of [
      [1, 2],
      [2, 4],
      [3, 8],
    ] as const) {
      await due(["rc-quiet"]);
      const calls = stack.detailsCalls("rc-quiet");
      const started = Date.now();
      expect(await reconcileOnce(deps)).toMatchObject({ claimed: 1, synced: 1, changed: 0, failed: 0 });
      expect(stack.detailsCalls("rc-quiet")).toBe(calls + 1);
      const p = await row("rc-quiet");
      expect(p.pollAttempts).toBe(attempts);
      expect(p.nextPollAt!.getTime() - started).toBeGreaterThanOrEqual(waitMin * MIN - 1000);
      expect(p.nextPollAt!.getTime() - started).toBeLessThan(waitMin * MIN + 5000);
    }
    expect(await reconcileOnce(deps)).toMatchObject({ claimed: 0 });
  });

  it("stores what changed (each log entry once) and starts the backoff again", async () => {
    await track("rc-change");
    await db.prisma.payment.update({
      where: { msn_orderId: { msn: MSN, orderId: "rc-change" } },
      data: { pollAttempts: 5 },
    });
    await (
      await stack.clientFor(MSN)
    ).capturePayment({ orderId: "rc-change", amount: 4000, transactionText: "Sendt", requestId: "rc-change-c1" });
    await due(["rc-change"]);
    expect(await reconcileOnce(deps)).toMatchObject({ synced: 1, changed: 1 });
    const p = await row("rc-change");
    expect(p).toMatchObject({ status: "partially_captured", capturedAmount: 4000, pollAttempts: 0 });
    const events = p._count.events;
    await due(["rc-change"]);
    await reconcileOnce(deps);
    expect((await row("rc-change"))._count.events).toBe(events);
  });

  it("stops polling a payment once it is final", async () => {
    await track("rc-final");
    await (await stack.clientFor(MSN)).cancelPayment({ orderId: "rc-final", transactionText: "Avbrutt" });
    await due(["rc-final"]);
    expect(await reconcileOnce(deps)).toMatchObject({ synced: 1, finished: 1 });
    expect((await row("rc-final")).nextPollAt).toBeNull();
    expect(await reconcileOnce(deps)).toMatchObject({ claimed: 0 });
  });

  it("stops after the 180-day capture limit, and after 365 days when money was left to refund", async () => {
    await track("rc-old-reserved");
    await track("rc-old-captured");
    await (
      await stack.clientFor(MSN)
    ).capturePayment({ orderId: "rc-old-captured", amount: 10_000, transactionText: "Sendt", requestId: "rc-old-c1" });
    const at = (days: number) => ({ ...deps, now: () => new Date(Date.now() + days * DAY) });
    await due(["rc-old-reserved", "rc-old-captured"]);
    expect(await reconcileOnce(at(181))).toMatchObject({ synced: 2, finished: 1 });
    expect((await row("rc-old-reserved")).nextPollAt).toBeNull();
    expect((await row("rc-old-captured")).nextPollAt).not.toBeNull();
    await due(["rc-old-captured"]);
    expect(await reconcileOnce(at(366))).toMatchObject({ synced: 1, finished: 1 });
    expect((await row("rc-old-captured")).nextPollAt).toBeNull();
  });

  it.each([
    ["error500", { mode: "error500" }],
    ["latency beyond the timeout", { mode: "latency", latencyMs: 2500 }],
    ["rateLimit429", { mode: "rateLimit429" }],
    ["a connection reset", { mode: "reset" }],
  ])("backs off under %s and never throws, then recovers", async (_label, fault) => {
    const id = `rc-fault-${_label.split(" ")[0]}`;
    await track(id);
    await stack.control.fault({ msn: MSN, endpoint: "details", count: 100, ...fault });
    await due([id]);
    const before = (await row(id)).pollAttempts;
    const started = Date.now();
    expect(await reconcileOnce(deps)).toMatchObject({ claimed: 1, failed: 1, synced: 0 });
    const p = await row(id);
    expect(p.pollAttempts).toBe(before + 1);
    expect(p.nextPollAt!.getTime()).toBeGreaterThanOrEqual(started + 2 * MIN - 1000);
    await stack.control.clearFaults();
    await due([id]);
    expect(await reconcileOnce(deps)).toMatchObject({ synced: 1, failed: 0 });
  });

  it("keeps running when a whole round fails (the database away), and stops cleanly", async () => {
    const lines: string[] = [];
    let rounds = 0;
    const loop = startReconciler(
      async () => {
        rounds++;
        throw new Error("database unreachable");
      },
      20,
      (l) => lines.push(l),
    );
    await new Promise((r) => setTimeout(r, 150));
    await loop.stop();
    expect(rounds).toBeGreaterThan(2);
    expect(lines[0]).toContain("round failed");
  });

  it("with two instances polls each payment exactly once per round, and a claim is a lease", async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `rc-two-${i}`);
    for (const id of ids) await track(id);
    const second: DirectDb | undefined = db.url ? await openDirect({ driver: "pg", url: db.url }) : undefined;
    try {
      await due(ids);
      const before = new Map(ids.map((id) => [id, stack.detailsCalls(id)]));
      // Slow answers make the two instances' rounds overlap.
      await stack.control.fault({ msn: MSN, endpoint: "details", mode: "latency", latencyMs: 40 });
      const drain = async (d: ReconcilerDeps) => {
        let claimed = 0;
        for (;;) {
          const r = await reconcileOnce(d);
          if (r.claimed === 0) return claimed;
          claimed += r.claimed;
        }
      };
      const [a, b] = await Promise.all([
        drain({ ...deps, batch: 7 }),
        drain({ ...deps, db: second?.prisma ?? db.prisma, batch: 7 }),
      ]);
      expect(a + b).toBe(30);
      if (second) expect(Math.min(a, b)).toBeGreaterThan(0);
      for (const id of ids) expect(stack.detailsCalls(id) - before.get(id)!, id).toBe(1);

      // A claimed row is leased: nobody else can claim it until the lease runs out.
      await due(ids.slice(0, 3));
      expect(await claimDue(db.prisma, new Date(), 10, 60_000)).toHaveLength(3);
      expect(await claimDue(second?.prisma ?? db.prisma, new Date(), 10)).toHaveLength(0);
      expect(await claimDue(db.prisma, new Date(Date.now() + 61_000), 10)).toHaveLength(3);
    } finally {
      await second?.close();
    }
  });
});
