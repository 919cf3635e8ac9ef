// The home page's "needs attention" on a real database (PGlite, and PostgreSQL when reachable):
// each item counts what it says, within the user's sales units, and only for roles that act on it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { readAttention } from "@/lib/home/attention";
import { listUnsettled } from "@/lib/money/panel";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";

const A = "110001";
const B = "110002";
const NOW = new Date("2026-11-30T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const actor = (role: Actor["role"], over: Partial<Actor> = {}): Actor => ({
  id: randomUUID(),
  email: `${role}@test`,
  name: role,
  role,
  msns: [A],
  allSalesUnits: false,
  canViewPayments: role !== "developer",
  ...over,
});
const finance = actor("finance");
const support = actor("support");
const developer = actor("developer");
const admin = actor("admin", { msns: [], allSalesUnits: true });

const kinds = await databaseKinds();

describe.each(kinds)("needs attention on %s", (kind) => {
  let db: TestDb;
  const payment = (msn: string, orderId: string, over: Record<string, unknown>) => ({
    id: randomUUID(),
    msn,
    orderId,
    amount: 10_000,
    status: "reserved" as const,
    reservedAmount: 10_000,
    remainingToCapture: 10_000,
    createdAt: ago(DAY),
    reservedAt: ago(DAY),
    ...over,
  });
  const ops: { paymentId: string; msn: string; orderId: string; state: string; createdById: string | null }[] = [];

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    const p = db.prisma;
    await p.salesUnit.createMany({
      data: [A, B].map((msn) => ({ msn, name: `Unit ${msn}`, environment: "simulator" as const })),
    });
    const rows = [
      // Guarantee ends in 20 hours (A, twice; B once: out of the finance user's scope).
      payment(A, "END-1", { guaranteeEndsAt: new Date(NOW.getTime() + 20 * HOUR), remainingToCapture: 4_000 }),
      payment(A, "END-2", { guaranteeEndsAt: new Date(NOW.getTime() + 40 * HOUR) }),
      payment(B, "END-3", { guaranteeEndsAt: new Date(NOW.getTime() + 10 * HOUR) }),
      // Ends in 3 days: not yet. Ended already: no longer "ending".
      payment(A, "LATER", { guaranteeEndsAt: new Date(NOW.getTime() + 3 * DAY) }),
      // Reserved 100 days ago (past half of 180), and 200 days ago (past the limit: nothing to do).
      payment(A, "OLD-1", { reservedAt: ago(100 * DAY), createdAt: ago(100 * DAY) }),
      payment(A, "OLD-2", { reservedAt: ago(200 * DAY), createdAt: ago(200 * DAY) }),
      // Captured in full: nothing left, never listed.
      payment(A, "DONE", {
        status: "captured",
        remainingToCapture: 0,
        capturedAmount: 10_000,
        guaranteeEndsAt: new Date(NOW.getTime() + 5 * HOUR),
      }),
      // Reserved yesterday, with and without a callback.
      payment(A, "CB-YES", {}),
      payment(A, "CB-NO", {}),
    ];
    await p.payment.createMany({ data: rows });
    const id = (orderId: string) => rows.find((r) => r.orderId === orderId)!.id;
    ops.push(
      { paymentId: id("END-1"), msn: A, orderId: "END-1", state: "pending", createdById: null },
      { paymentId: id("END-2"), msn: A, orderId: "END-2", state: "awaiting_approval", createdById: randomUUID() },
      { paymentId: id("OLD-1"), msn: A, orderId: "OLD-1", state: "awaiting_approval", createdById: finance.id },
      { paymentId: id("END-3"), msn: B, orderId: "END-3", state: "unknown", createdById: null },
    );
    await p.moneyOperation.createMany({
      data: ops.map((o, i) => ({
        ...o,
        state: o.state as "pending",
        kind: "refund" as const,
        amount: 1_000 * (i + 1),
        idempotencyKey: `k-${i}-${randomUUID()}`,
        xRequestId: `x-${i}-${randomUUID().slice(0, 20)}`,
        requestHash: "0".repeat(64),
      })),
    });
    const call = (orderId: string | null, at: Date) => ({
      at,
      msn: A,
      environment: "simulator" as const,
      operation: "callback",
      method: "POST",
      path: "/api/vipps/v2/payments/{orderId}",
      orderId,
      httpStatus: 200,
      durationMs: 3,
      source: "callback" as const,
    });
    await p.apiCallLog.createMany({ data: [call("CB-YES", ago(DAY - 60_000)), call("SOMETHING-ELSE", ago(3 * DAY))] });
    await p.spikeAlert.createMany({
      data: [A, B].map((msn) => ({
        msn,
        environment: "simulator" as const,
        operation: "capture",
        openedAt: ago(HOUR),
        calls: 100,
        errors: 40,
        baselineRate: 0.01,
        baselineCalls: 1000,
        peakRate: 0.4,
        lastRate: 0.4,
      })),
    });
  });
  afterAll(async () => db?.close());

  const byKind = async (who: Actor) =>
    Object.fromEntries((await readAttention(db.prisma, who, NOW)).map((i) => [i.kind, i]));

  it("gives finance the reservations at risk and the money operations, in their sales units", async () => {
    const got = await byKind(finance);
    expect(Object.keys(got).sort()).toEqual([
      "awaiting_approval",
      "guarantee_ending",
      "half_limit",
      "money_unresolved",
    ]);
    expect(got.guarantee_ending).toMatchObject({ count: 2, amount: 14_000, href: "/finance?horizon=48h" });
    expect(got.guarantee_ending!.examples.map((e) => e.orderId).sort()).toEqual(["END-1", "END-2"]);
    expect(got.half_limit).toMatchObject({ count: 1, examples: [{ msn: A, orderId: "OLD-1" }] });
    // B's unknown operation is outside the scope; the pending one in A counts.
    expect(got.money_unresolved).toMatchObject({ count: 1, amount: 1_000 });
    // Their own request is not theirs to approve.
    expect(got.awaiting_approval).toMatchObject({ count: 1, examples: [{ msn: A, orderId: "END-2" }] });
  });

  it("links the unresolved operations to a list on /finance that holds the same ones, in scope", async () => {
    for (const who of [finance, admin]) {
      const item = (await byKind(who)).money_unresolved!;
      expect(item.href).toBe("/finance#unsettled");
      const listed = await listUnsettled(db.prisma, who);
      expect(listed).toHaveLength(item.count);
      expect(listed.reduce((sum, o) => sum + (o.amount ?? 0), 0)).toBe(item.amount);
      if (!who.allSalesUnits) expect(listed.every((o) => who.msns.includes(o.msn))).toBe(true);
    }
    await expect(listUnsettled(db.prisma, support)).rejects.toThrow();
  });

  it("gives support nothing to act on, and developers the spikes and the missing callbacks", async () => {
    expect(await readAttention(db.prisma, support, NOW)).toEqual([]);
    const dev = await byKind(developer);
    expect(Object.keys(dev).sort()).toEqual(["missing_callbacks", "spikes"]);
    expect(dev.spikes).toMatchObject({ count: 1, amount: null, href: "/errors" });
    // Every reserved payment of the last 7 days in A without a callback (A does get callbacks).
    expect(dev.missing_callbacks!.examples.map((e) => e.orderId)).not.toContain("CB-YES");
    const expected = await db.prisma.payment.count({
      where: { msn: A, reservedAt: { gt: ago(7 * DAY), lt: ago(10 * 60_000) }, orderId: { not: "CB-YES" } },
    });
    expect(dev.missing_callbacks!.count).toBe(expected);
  });

  it("gives an admin everything across all sales units", async () => {
    const got = await byKind(admin);
    expect(got.guarantee_ending!.count).toBe(3);
    expect(got.money_unresolved!.count).toBe(2);
    expect(got.awaiting_approval!.count).toBe(2);
    expect(got.spikes!.count).toBe(2);
    // B has never had a callback: not counted as missing there.
    expect(got.missing_callbacks!.count).toBe((await byKind(developer)).missing_callbacks!.count);
  });
});
