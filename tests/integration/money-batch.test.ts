// The capture queue and its batches, against the simulator over HTTP, on PGlite and PostgreSQL: the
// queue's order and filters, a batch captured in the background (one ledger operation per payment,
// one failure not stopping the rest, 429 honoured, unknown outcomes resolved), the guards at creation
// (same key, changed amounts, release confirmation, payments already queued), a creator who lost the
// right, and two workers (instances) on one batch. Invariant: each payment moves once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBatch, readBatch, runBatchRound, type BatchWorkerDeps } from "@/lib/money/batch";
import { resolveOpenOperations } from "@/lib/money/engine";
import { readCaptureQueue } from "@/lib/money/queue";
import { actorOf, actorUserInclude } from "@/lib/auth/actor-of";
import type { Actor } from "@/lib/auth/permissions";
import { openDirect } from "@/lib/db/direct";
import { applyDetails } from "@/lib/payments/sync/sync";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { addUnit, simPayment, startStack, type Stack, detailsDownAfterCapture } from "../helpers/ingest";

const kinds = await databaseKinds();
const SHOP = "622345";
const KIOSK = "622346";
const DAY = 86_400_000;

describe.each(kinds)("capture queue and batches on %s", (kind) => {
  let db: TestDb;
  let stack: Stack;
  let deps: BatchWorkerDeps;
  let finance: Actor;
  let shopOnly: Actor;

  async function user(name: string, role: "finance" | "support", msns: string[]): Promise<Actor> {
    const units = await db.prisma.salesUnit.findMany({ where: { msn: { in: msns } } });
    const u = await db.prisma.user.create({
      data: {
        email: `${randomUUID()}@test.example`,
        name,
        role,
        passwordHash: "x",
        salesUnits: { create: units.map((s) => ({ salesUnitId: s.id })) },
      },
      include: actorUserInclude,
    });
    return actorOf(u);
  }

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    stack = await startStack();
    await addUnit(stack, db.prisma, SHOP, "reserve");
    await addUnit(stack, db.prisma, KIOSK, "reserve");
    deps = { db: db.prisma, clientFor: (msn) => stack.clientFor(msn), concurrency: 3 };
    finance = await user("Kari Økonomi", "finance", [SHOP, KIOSK]);
    shopOnly = await user("Per Butikk", "finance", [SHOP]);
  });
  afterAll(async () => {
    await stack?.close();
    await db?.close();
  });

  let n = 0;
  async function reserved(amount: number, msn = SHOP, bin?: number) {
    const orderId = `q-${kind}-${++n}-${Date.now().toString(36)}`;
    await simPayment(stack, msn, orderId, "initiated", amount);
    await stack.control.user(msn, orderId, "approve", bin ? { bin } : {});
    await applyDetails(db.prisma, msn, await (await stack.clientFor(msn)).getPaymentDetails(orderId));
    return orderId;
  }
  const summary = async (orderId: string, msn = SHOP) =>
    (await (await stack.clientFor(msn)).getPaymentDetails(orderId)).transactionSummary!;
  const remaining = async (orderId: string, msn = SHOP) =>
    (await db.prisma.payment.findUniqueOrThrow({ where: { msn_orderId: { msn, orderId } } })).remainingToCapture;
  const item = async (orderId: string, msn = SHOP) => ({ msn, orderId, amount: await remaining(orderId, msn) });
  /** Runs worker rounds until nothing is due (at most `max` rounds). */
  async function drain(d: BatchWorkerDeps = deps, max = 50) {
    for (let i = 0; i < max; i++) if ((await runBatchRound(d)) === 0) return;
  }
  /** Captures at Vipps for an orderId, from its log: each of our request ids at most once. */
  async function capturedOnce(orderId: string, msn = SHOP) {
    const log = (await (await stack.clientFor(msn)).getPaymentDetails(orderId)).transactionLogHistory;
    const captures = log.filter((e) => e.operation === "CAPTURE" && e.operationSuccess);
    const ops = await db.prisma.moneyOperation.findMany({ where: { msn, orderId, state: "succeeded" } });
    expect(captures.reduce((s, e) => s + e.amount, 0)).toBe(ops.reduce((s, o) => s + (o.amount ?? 0), 0));
    const ids = captures.map((e) => e.requestId);
    expect(new Set(ids).size).toBe(ids.length);
    return captures.length;
  }

  it("lists what waits for capture, most urgent first, within the user's units, with sums", async () => {
    const now = new Date();
    const visa = await reserved(30_000, SHOP, 492560); // Visa: 7 days
    const master = await reserved(20_000, SHOP, 545454); // Mastercard: 30 days
    const kiosk = await reserved(10_000, KIOSK, 492560);
    // Make the Visa reservation 6 days old (its hold ends within 48 h) and the Mastercard one 170
    // days old (its hold is long gone; the 180-day limit is 10 days away).
    const set = async (orderId: string, msn: string, reservedAt: Date, guaranteeEndsAt: Date) =>
      db.prisma.payment.update({ where: { msn_orderId: { msn, orderId } }, data: { reservedAt, guaranteeEndsAt } });
    await set(visa, SHOP, new Date(now.getTime() - 6 * DAY), new Date(now.getTime() + DAY));
    await set(master, SHOP, new Date(now.getTime() - 170 * DAY), new Date(now.getTime() - 140 * DAY));

    const all = await readCaptureQueue(db.prisma, finance, { horizon: "all" }, now);
    const mine = all.rows.filter((r) => [visa, master, kiosk].includes(r.orderId)).map((r) => r.orderId);
    expect(mine).toEqual([visa, kiosk, master]);
    expect(all.rows.find((r) => r.orderId === visa)).toMatchObject({
      deadlineKind: "guarantee",
      remainingToCapture: 30_000,
    });
    expect(all.rows.find((r) => r.orderId === master)).toMatchObject({ deadlineKind: "limit" });
    expect(all.total).toBe(all.rows.reduce((s, r) => s + r.remainingToCapture, 0));

    const soon = await readCaptureQueue(db.prisma, finance, { horizon: "48h" }, now);
    expect(soon.rows.map((r) => r.orderId)).toContain(visa);
    expect(soon.rows.map((r) => r.orderId)).not.toContain(master);
    const tenDays = await readCaptureQueue(db.prisma, finance, { horizon: "30d" }, now);
    expect(tenDays.rows.map((r) => r.orderId)).toContain(master);

    // Scope: a user of SHOP only never sees KIOSK, even by asking for it.
    const shop = await readCaptureQueue(db.prisma, shopOnly, { horizon: "all" }, now);
    expect(shop.rows.some((r) => r.msn === KIOSK)).toBe(false);
    expect(await readCaptureQueue(db.prisma, shopOnly, { horizon: "all", msn: KIOSK }, now)).toEqual({
      rows: [],
      count: 0,
      total: 0,
    });
    // Past 180 days nothing can be captured: not in the queue.
    await set(master, SHOP, new Date(now.getTime() - 181 * DAY), new Date(now.getTime() - 151 * DAY));
    const later = await readCaptureQueue(db.prisma, finance, { horizon: "all" }, now);
    expect(later.rows.map((r) => r.orderId)).not.toContain(master);
  });

  it("captures a batch in the background: one failure and a 429 do not stop the rest", async () => {
    const orders = await Promise.all([reserved(11_000), reserved(12_000), reserved(13_000), reserved(14_000, KIOSK)]);
    const items = await Promise.all(orders.map((o, i) => item(o, i === 3 ? KIOSK : SHOP)));
    const created = await createBatch(deps, finance, { kind: "capture", idempotencyKey: randomUUID(), items });
    expect(created.outcome).toBe("created");
    const batchId = (created as { batchId: string }).batchId;
    // Meanwhile someone captures part of the second payment on its own page: its item must not
    // capture more than remains, and is refused on the fresh check.
    await (
      await stack.clientFor(SHOP)
    ).capturePayment({ orderId: orders[1]!, amount: 5_000, transactionText: "x", requestId: randomUUID() });
    // The third meets a 429 once: retried after Retry-After with a new key, captured once.
    await stack.control.fault({ msn: SHOP, endpoint: "capture", mode: "rateLimit429", count: 1 });

    let shift = 0;
    const later: BatchWorkerDeps = { ...deps, now: () => new Date(Date.now() + shift) };
    await drain(later);
    shift = 5 * 60_000; // past the Retry-After
    await drain(later);
    await stack.control.clearFaults();

    const view = (await readBatch(db.prisma, finance, batchId))!;
    const byOrder = Object.fromEntries(view.items.map((i) => [i.orderId, i]));
    expect(byOrder[orders[0]!]).toMatchObject({ state: "succeeded", transactionId: expect.any(String) });
    expect(byOrder[orders[1]!]).toMatchObject({ state: "failed", code: "above_remaining" });
    expect(byOrder[orders[3]!]).toMatchObject({ state: "succeeded" });
    expect(view.counts.succeeded + view.counts.failed).toBe(4);
    expect(view.finishedAt).not.toBeNull();
    expect(view.moved).toBe(view.items.filter((i) => i.state === "succeeded").reduce((s, i) => s + i.amount, 0));
    expect((await summary(orders[0]!)).capturedAmount).toBe(11_000);
    expect((await summary(orders[1]!)).capturedAmount).toBe(5_000);
    expect((await summary(orders[3]!, KIOSK)).capturedAmount).toBe(14_000);
    const third = byOrder[orders[2]!]!;
    // Whichever capture met the 429, every payment moved at most once, and the ledger agrees.
    expect(third.state).toBe("succeeded");
    expect((await summary(orders[2]!)).capturedAmount).toBe(13_000);
    // The one that met the 429 was tried again with a new key, once the wait had passed.
    expect(view.items.filter((i) => i.tries === 1 && i.state === "succeeded")).toHaveLength(1);
    // (The second's 5,000 was captured outside the batch, on its own page: not in this ledger.)
    for (const i of [0, 2, 3]) expect(await capturedOnce(orders[i]!, i === 3 ? KIOSK : SHOP)).toBe(1);
    expect(
      await db.prisma.auditLog.count({
        where: { action: "money_batch_finished", details: { path: ["batchId"], equals: batchId } },
      }),
    ).toBe(1);
  });

  it("refuses at creation: a key reused for other payments, duplicates, changed amounts, a wrong release total, payments already queued", async () => {
    const [a, b] = await Promise.all([reserved(20_000), reserved(21_000)]);
    const key = randomUUID();
    const first = await createBatch(deps, finance, { kind: "capture", idempotencyKey: key, items: [await item(a)] });
    // The same click again: the same batch, nothing new.
    expect(await createBatch(deps, finance, { kind: "capture", idempotencyKey: key, items: [await item(a)] })).toEqual({
      outcome: "existing",
      batchId: (first as { batchId: string }).batchId,
    });
    expect(
      await createBatch(deps, finance, { kind: "capture", idempotencyKey: key, items: [await item(b)] }),
    ).toMatchObject({
      outcome: "refused",
      refusal: { code: "key_reused" },
    });
    expect(
      await createBatch(deps, finance, {
        kind: "capture",
        idempotencyKey: randomUUID(),
        items: [await item(b), await item(b)],
      }),
    ).toMatchObject({ outcome: "refused", refusal: { code: "duplicate", orderId: b } });
    expect(
      await createBatch(deps, finance, {
        kind: "capture",
        idempotencyKey: randomUUID(),
        items: [{ msn: SHOP, orderId: b, amount: 20_999 }],
      }),
    ).toMatchObject({ outcome: "refused", refusal: { code: "changed", orderId: b } });
    // a is in an unfinished batch: not queued twice.
    expect(
      await createBatch(deps, finance, {
        kind: "capture",
        idempotencyKey: randomUUID(),
        items: [await item(a), await item(b)],
      }),
    ).toMatchObject({ outcome: "refused", refusal: { code: "busy", orderId: a } });
    expect(
      await createBatch(deps, finance, {
        kind: "release",
        idempotencyKey: randomUUID(),
        items: [await item(b)],
        confirmTotal: 100,
      }),
    ).toMatchObject({ outcome: "refused", refusal: { code: "confirm_mismatch", total: 21_000 } });
    // Outside the user's units: as if it did not exist.
    await expect(
      createBatch(deps, shopOnly, {
        kind: "capture",
        idempotencyKey: randomUUID(),
        items: [{ msn: KIOSK, orderId: a, amount: 1 }],
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await drain();
    expect((await summary(a)).capturedAmount).toBe(20_000);
    expect((await summary(b)).capturedAmount).toBe(0);
  });

  it("releases: cancel where nothing was captured, release the rest after a partial capture", async () => {
    const [whole, part] = await Promise.all([reserved(30_000), reserved(40_000)]);
    await (
      await stack.clientFor(SHOP)
    ).capturePayment({ orderId: part, amount: 10_000, transactionText: "x", requestId: randomUUID() });
    await applyDetails(db.prisma, SHOP, await (await stack.clientFor(SHOP)).getPaymentDetails(part));
    const items = [await item(whole), await item(part)];
    const created = await createBatch(deps, finance, {
      kind: "release",
      idempotencyKey: randomUUID(),
      items,
      confirmTotal: 30_000 + 30_000,
    });
    await drain();
    const view = (await readBatch(db.prisma, finance, (created as { batchId: string }).batchId))!;
    expect(view.items.map((i) => [i.orderId, i.kind, i.state]).sort()).toEqual(
      [
        [whole, "cancel", "succeeded"],
        [part, "release", "succeeded"],
      ].sort(),
    );
    expect(await summary(whole)).toMatchObject({ capturedAmount: 0, remainingAmountToCapture: 0 });
    expect(await summary(part)).toMatchObject({ capturedAmount: 10_000, remainingAmountToCapture: 0 });
  });

  it("an unknown outcome waits as pending and is resolved, never guessed", async () => {
    const orderId = await reserved(25_000);
    const created = await createBatch(deps, finance, {
      kind: "capture",
      idempotencyKey: randomUUID(),
      items: [await item(orderId)],
    });
    const batchId = (created as { batchId: string }).batchId;
    // The capture is applied but every answer is lost, and /details goes down right after it was
    // sent, so the outcome cannot be read either.
    await stack.control.fault({ msn: SHOP, endpoint: "capture", mode: "lostResponse", count: 10 });
    const blindClient = detailsDownAfterCapture(await stack.clientFor(SHOP));
    const blind: BatchWorkerDeps = { ...deps, clientFor: async () => blindClient };
    await runBatchRound(blind);
    await stack.control.clearFaults();
    expect((await readBatch(db.prisma, finance, batchId))!.items[0]).toMatchObject({ state: "pending" });
    expect((await readBatch(db.prisma, finance, batchId))!.finishedAt).toBeNull();
    // The reconciler finds our request id in the log; the batch item follows.
    await resolveOpenOperations(deps);
    let shift = 0;
    const later: BatchWorkerDeps = { ...deps, now: () => new Date(Date.now() + shift) };
    shift = 60_000;
    await drain(later);
    const view = (await readBatch(db.prisma, finance, batchId))!;
    expect(view.items[0]).toMatchObject({ state: "succeeded" });
    expect(view.finishedAt).not.toBeNull();
    expect(await capturedOnce(orderId)).toBe(1);
  });

  it("a creator who lost the right moves nothing", async () => {
    const kari2 = await user("Kari To", "finance", [SHOP]);
    const orderId = await reserved(15_000);
    await createBatch(deps, kari2, { kind: "capture", idempotencyKey: randomUUID(), items: [await item(orderId)] });
    await db.prisma.user.update({ where: { id: kari2.id }, data: { active: false } });
    await drain();
    expect(await db.prisma.moneyBatchItem.findFirst({ where: { orderId } })).toMatchObject({
      state: "failed",
      code: "not_allowed",
    });
    expect((await summary(orderId)).capturedAmount).toBe(0);
  });

  it("two workers (instances) on one batch: each payment captured once", async () => {
    const orders = await Promise.all(Array.from({ length: 8 }, (_, i) => reserved(10_000 + i * 100)));
    const created = await createBatch(deps, finance, {
      kind: "capture",
      idempotencyKey: randomUUID(),
      items: await Promise.all(orders.map((o) => item(o))),
    });
    // A second pool on PostgreSQL is a second instance; on PGlite, a second worker in this process.
    const second = kind === "postgres" && db.url ? await openDirect({ driver: "pg", url: db.url }) : null;
    const otherDeps: BatchWorkerDeps = { ...deps, db: second?.prisma ?? db.prisma };
    // A short lease: the other worker also takes over items whose claim ran out mid-call.
    await stack.control.fault({ msn: SHOP, endpoint: "capture", mode: "latency", latencyMs: 300, count: 3 });
    await Promise.all([drain({ ...deps, leaseMs: 100 }), drain({ ...otherDeps, leaseMs: 100 })]);
    await stack.control.clearFaults();
    let shift = 0;
    await drain({ ...deps, now: () => new Date(Date.now() + shift) });
    shift = 60_000;
    await drain({ ...deps, now: () => new Date(Date.now() + shift) });
    await second?.close();
    const view = (await readBatch(db.prisma, finance, (created as { batchId: string }).batchId))!;
    expect(view.counts.succeeded).toBe(8);
    for (const o of orders) expect(await capturedOnce(o)).toBe(1);
    expect(await db.prisma.moneyOperation.count({ where: { orderId: { in: orders } } })).toBe(8);
  });
});
