// The home page's figures for today and the last 7 days come from the kept daily totals: they equal
// a direct count over the payments, by Oslo calendar day, within the user's sales units.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/permissions";
import { readFigures } from "@/lib/home/figures";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";

const A = "120001";
const B = "120002";
// 00:30 in Oslo on 1 December: "today" began 30 minutes ago, at 23:00 UTC the day before.
const NOW = new Date("2026-11-30T23:30:00Z");
const HOUR = 3_600_000;
const STATUSES: PaymentStatus[] = ["reserved", "partially_captured", "captured", "refunded", "failed", "cancelled"];

const actor = (over: Partial<Actor>): Actor => ({
  id: randomUUID(),
  email: "x@test",
  name: "X",
  role: "support",
  msns: [A],
  allSalesUnits: false,
  canViewPayments: true,
  ...over,
});

const kinds = await databaseKinds();

describe.each(kinds)("home figures on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await migratedDatabase(kind);
    await db.prisma.salesUnit.createMany({
      data: [A, B].map((msn) => ({ msn, name: `Unit ${msn}`, environment: "simulator" as const })),
    });
    // Payments every 3 hours over 9 days, both units, every status, some partly captured or refunded.
    const rows = Array.from({ length: 9 * 8 * 2 }, (_, i) => {
      const status = STATUSES[i % STATUSES.length]!;
      const amount = 1_000 + (i % 7) * 250;
      const captured =
        status === "captured" || status === "refunded" ? amount : status === "partially_captured" ? 500 : 0;
      return {
        msn: i % 2 ? B : A,
        orderId: `FIG-${i}`,
        status,
        amount,
        reservedAmount: status === "failed" || status === "cancelled" ? 0 : amount,
        capturedAmount: captured,
        refundedAmount: status === "refunded" ? amount : 0,
        createdAt: new Date(NOW.getTime() - Math.floor(i / 2) * 3 * HOUR - 10 * 60_000),
      };
    });
    await db.prisma.payment.createMany({ data: rows });
  });
  afterAll(async () => db?.close());

  async function direct(msns: string[], from: Date) {
    const rows = await db.prisma.payment.findMany({
      where: { msn: { in: msns }, createdAt: { gte: from, lte: NOW } },
    });
    return {
      count: rows.length,
      amount: rows.reduce((s, r) => s + r.amount, 0),
      awaiting: rows
        .filter((r) => r.status === "reserved" || r.status === "partially_captured")
        .reduce((s, r) => s + r.reservedAmount - r.capturedAmount, 0),
      failed: rows.filter((r) => r.status === "failed").length,
      refunded: rows.reduce((s, r) => s + r.refundedAmount, 0),
    };
  }

  it("equals a direct count for today and the last 7 Oslo days, in the user's sales units", async () => {
    const todayStart = new Date("2026-11-30T23:00:00Z");
    const weekStart = new Date("2026-11-24T23:00:00Z"); // 25 Nov 00:00 Oslo: 7 days ending 1 Dec
    const mine = await readFigures(db.prisma, actor({}), NOW);
    expect(mine.range).toEqual({ today: "2026-12-01", week: { from: "2026-11-25", to: "2026-12-01" } });
    expect(mine.today).toEqual(await direct([A], todayStart));
    expect(mine.week).toEqual(await direct([A], weekStart));
    expect(mine.week.count).toBeGreaterThan(mine.today.count);
    const all = await readFigures(db.prisma, actor({ role: "admin", msns: [], allSalesUnits: true }), NOW);
    expect(all.week).toEqual(await direct([A, B], weekStart));
  });

  it("follows a payment that changes status (the totals are kept as payments change)", async () => {
    const before = await readFigures(db.prisma, actor({}), NOW);
    const p = await db.prisma.payment.findFirstOrThrow({
      where: { msn: A, status: "reserved", createdAt: { gte: new Date("2026-11-24T23:00:00Z") } },
    });
    await db.prisma.payment.update({
      where: { id: p.id },
      data: { status: "refunded", capturedAmount: p.amount, refundedAmount: p.amount },
    });
    const after = await readFigures(db.prisma, actor({}), NOW);
    expect(after.week.awaiting).toBe(before.week.awaiting - p.reservedAmount);
    expect(after.week.refunded).toBe(before.week.refunded + p.amount);
    expect(after.week.count).toBe(before.week.count);
  });
});
