// The kept daily and monthly totals (PaymentDailyTotal, PaymentMonthlyTotal, maintained by triggers on Payment) against a direct
// count, on PGlite and PostgreSQL: after random inserts, updates, status and amount changes, moves
// across Oslo midnight and the summer-time nights, deletes, upserts, raw SQL, and concurrent writers.
// Then the query layer: the history's counts and sums from the kept totals equal those counted from
// the payments, for random sales-unit, status and date filters.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/permissions";
import { openDirect, type DirectDb } from "@/lib/db/direct";
import { mulberry32 } from "@/lib/random";
import { osloDate } from "@/lib/payments/history/dates";
import { parseHistoryParams } from "@/lib/payments/history/params";
import { countHistory, directTotals, keptTotals } from "@/lib/payments/history/totals";
import { PAYMENT_STATUSES } from "@/lib/payments/history/url";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";

const UNITS = ["400001", "400002", "400003"];
const actor = (over: Partial<Actor>): Actor => ({
  id: randomUUID(),
  email: "x@test",
  name: "X",
  role: "finance",
  msns: UNITS.slice(0, 2),
  allSalesUnits: false,
  canViewPayments: true,
  ...over,
});
const scoped = actor({});
const admin = actor({ role: "admin", msns: [], allSalesUnits: true });

/** Instants near Oslo midnights, around both summer-time changes of 2026, and anywhere in March–November. */
const EDGES = [
  "2026-03-28T22:59:59.999Z", // 23:59:59.999 on the 28th (winter time)
  "2026-03-28T23:00:00.000Z", // 00:00 on the 29th
  "2026-03-29T00:59:59.999Z", // just before summer time starts
  "2026-03-29T21:59:59.999Z", // 23:59:59.999 on the 29th (summer time)
  "2026-03-29T22:00:00.000Z", // 00:00 on the 30th
  "2026-10-24T21:59:59.999Z",
  "2026-10-24T22:00:00.000Z", // 00:00 on the 25th (summer time)
  "2026-10-25T00:30:00.000Z", // 02:30 the first time
  "2026-10-25T01:30:00.000Z", // 02:30 the second time
  "2026-10-25T22:59:59.999Z", // 23:59:59.999 on the 25th (winter time)
  "2026-10-25T23:00:00.000Z", // 00:00 on the 26th
].map((s) => new Date(s).getTime());

function generator(seed: number) {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const at = () => new Date(rnd() < 0.5 ? pick(EDGES) + int(-2, 2) : Date.UTC(2026, 2, 1) + int(0, 270 * 86_400_000));
  const fields = () => {
    const amount = int(100, 500_000);
    const captured = rnd() < 0.5 ? int(0, amount) : 0;
    return {
      status: pick(PAYMENT_STATUSES) as PaymentStatus,
      amount,
      reservedAmount: rnd() < 0.7 ? amount : 0,
      capturedAmount: captured,
      refundedAmount: rnd() < 0.3 ? int(0, captured) : 0,
    };
  };
  const payment = () => ({
    id: randomUUID(),
    msn: pick(UNITS),
    orderId: `o-${randomUUID()}`,
    createdAt: at(),
    ...fields(),
  });
  return { rnd, pick, int, at, fields, payment };
}

interface Line {
  key: string;
  count: number;
  amount: number;
  reserved: number;
  captured: number;
  refunded: number;
}

/** The totals as kept, daily ("d|…") and monthly ("m|…"; zero rows left out). */
async function kept(prisma: PrismaClient): Promise<Line[]> {
  const line = (
    key: string,
    r: { count: number; amount: bigint; reserved: bigint; captured: bigint; refunded: bigint },
  ) => ({
    key,
    count: r.count,
    amount: Number(r.amount),
    reserved: Number(r.reserved),
    captured: Number(r.captured),
    refunded: Number(r.refunded),
  });
  const [days, months] = await Promise.all([
    prisma.paymentDailyTotal.findMany(),
    prisma.paymentMonthlyTotal.findMany(),
  ]);
  return [
    ...days.map((r) => line(`d|${r.msn}|${r.status}|${r.day.toISOString().slice(0, 10)}`, r)),
    ...months.map((r) => line(`m|${r.msn}|${r.status}|${r.month.toISOString().slice(0, 7)}`, r)),
  ]
    .filter((l) => l.count !== 0 || l.amount !== 0 || l.reserved !== 0 || l.captured !== 0 || l.refunded !== 0)
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The same counted from the payments, the Oslo day and month computed in JavaScript (not by the database). */
async function counted(prisma: PrismaClient): Promise<Line[]> {
  const rows = await prisma.payment.findMany({
    select: {
      msn: true,
      status: true,
      createdAt: true,
      amount: true,
      reservedAmount: true,
      capturedAmount: true,
      refundedAmount: true,
    },
  });
  const by = new Map<string, Line>();
  for (const r of rows) {
    const day = osloDate(r.createdAt);
    for (const key of [`d|${r.msn}|${r.status}|${day}`, `m|${r.msn}|${r.status}|${day.slice(0, 7)}`]) {
      const l = by.get(key) ?? { key, count: 0, amount: 0, reserved: 0, captured: 0, refunded: 0 };
      l.count += 1;
      l.amount += r.amount;
      l.reserved += r.reservedAmount;
      l.captured += r.capturedAmount;
      l.refunded += r.refundedAmount;
      by.set(key, l);
    }
  }
  return [...by.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** One random change through one of the ways the app (or a person with psql) writes payments. */
async function randomChange(prisma: PrismaClient, g: ReturnType<typeof generator>, ids: string[]): Promise<void> {
  const id = g.pick(ids);
  switch (g.int(0, 9)) {
    case 0:
      ids.push((await prisma.payment.create({ data: g.payment() })).id);
      return;
    case 1: {
      const rows = Array.from({ length: g.int(1, 20) }, () => g.payment());
      await prisma.payment.createMany({ data: rows });
      ids.push(...rows.map((r) => r.id));
      return;
    }
    case 2:
      // What sync does: status and amounts from /details.
      await prisma.payment.updateMany({ where: { id }, data: g.fields() });
      return;
    case 3:
      await prisma.payment.updateMany({ where: { id }, data: { status: g.pick(PAYMENT_STATUSES) } });
      return;
    case 4:
      // Across a day edge.
      await prisma.payment.updateMany({ where: { id }, data: { createdAt: g.at() } });
      return;
    case 5: {
      const p = g.payment();
      await prisma.payment.upsert({
        where: { id: g.rnd() < 0.5 ? id : p.id },
        create: p,
        update: g.fields(),
      });
      if (!ids.includes(p.id)) ids.push(p.id);
      return;
    }
    // The two bulk updates below lock their rows in id order first, as a bulk writer must: two
    // UPDATEs of overlapping rows that take them in different orders (one plan along msn, the
    // other along status) deadlock each other whatever the triggers do, and that is not what this
    // test is about. The app itself changes payments one at a time, or leases them with SKIP LOCKED.
    case 6:
      // Columns the totals do not count (the reconciler's leases, a callback's hint): nothing changes.
      await prisma.$executeRawUnsafe(
        `UPDATE "Payment" SET "nextPollAt" = now() WHERE id IN (SELECT id FROM "Payment" WHERE msn = $1 ORDER BY id FOR UPDATE)`,
        g.pick(UNITS),
      );
      return;
    case 7:
      await prisma.$executeRawUnsafe(
        `UPDATE "Payment" SET "capturedAmount" = "capturedAmount" + 100, status = 'captured'
         WHERE id IN (SELECT id FROM "Payment" WHERE msn = $1 AND status = 'reserved' ORDER BY id FOR UPDATE)`,
        g.pick(UNITS),
      );
      return;
    case 8:
      await prisma.payment.deleteMany({ where: { id } });
      return;
    default:
      // Another sales unit.
      await prisma.payment.updateMany({ where: { id }, data: { msn: g.pick(UNITS) } });
  }
}

const kinds = await databaseKinds();

describe.each(kinds)("kept daily totals on %s", (kind) => {
  let db: TestDb;
  const extra: DirectDb[] = [];
  const ids: string[] = [];

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    await db.prisma.salesUnit.createMany({
      data: UNITS.map((msn) => ({ msn, name: `Unit ${msn}`, environment: "simulator" as const })),
    });
    // More connections for concurrent writers (PostgreSQL; PGlite has one and runs them in turn).
    if (db.url) for (let i = 0; i < 2; i++) extra.push(await openDirect({ driver: "pg", url: db.url }));
  }, 60_000);
  afterAll(async () => {
    for (const e of extra) await e.close();
    await db?.close();
  });

  it("the migration's backfill counts what was there (rebuild equals the kept totals)", async () => {
    const g = generator(1);
    const rows = Array.from({ length: 200 }, () => g.payment());
    await db.prisma.payment.createMany({ data: rows });
    ids.push(...rows.map((r) => r.id));
    const before = await kept(db.prisma);
    expect(before).toEqual(await counted(db.prisma));
    await db.prisma.$executeRawUnsafe(`SELECT payment_daily_totals_rebuild()`);
    expect(await kept(db.prisma)).toEqual(before);
  });

  it("follows 400 random changes one by one", async () => {
    const g = generator(2);
    for (let i = 0; i < 400; i++) {
      await randomChange(db.prisma, g, ids);
      if (i % 100 === 99) expect(await kept(db.prisma)).toEqual(await counted(db.prisma));
    }
    expect(await kept(db.prisma)).toEqual(await counted(db.prisma));
  }, 120_000);

  it("follows concurrent writers, including syncs in transactions and hot counters of one day", async () => {
    const clients = [db.prisma, ...extra.map((e) => e.prisma)];
    const hot = new Date("2026-03-28T23:00:00.000Z");
    // allSettled: a failing writer must not leave the others running into the next test.
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, async (_, w) => {
        const g = generator(100 + w);
        const prisma = clients[w % clients.length]!;
        for (let i = 0; i < 25; i++) {
          if (i % 3 === 0) {
            // A sync as lib/payments/sync does it: one upsert and the payment's events in one
            // transaction; many writers on one unit and day, so they meet on the same totals rows.
            const p = { ...g.payment(), msn: UNITS[0]!, createdAt: hot };
            const existing = g.rnd() < 0.5 ? g.pick(ids) : null;
            await prisma.$transaction(async (tx) => {
              const { id } = await tx.payment.upsert({
                where: { id: existing ?? p.id },
                create: p,
                update: { status: g.pick(PAYMENT_STATUSES), capturedAmount: g.int(0, 1000) },
                select: { id: true },
              });
              await tx.paymentEvent.create({
                data: {
                  paymentId: id,
                  fingerprint: randomUUID().replace(/-/g, ""),
                  operation: "RESERVE",
                  amount: 1,
                  operationSuccess: true,
                  timeStamp: new Date(),
                },
              });
            });
            ids.push(p.id);
          } else await randomChange(prisma, g, ids);
        }
      }),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await kept(db.prisma)).toEqual(await counted(db.prisma));
  }, 120_000);

  it("a rolled-back change leaves the totals as they were", async () => {
    const before = await kept(db.prisma);
    const g = generator(3);
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.payment.createMany({ data: Array.from({ length: 5 }, () => g.payment()) });
        await tx.payment.updateMany({ where: { msn: UNITS[1] }, data: { status: "refunded" } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await kept(db.prisma)).toEqual(before);
  });

  it("history counts and sums from the kept totals equal a direct count, for random filters", async () => {
    const g = generator(4);
    const units = (a: Actor) => (a.allSalesUnits ? UNITS : a.msns);
    for (let i = 0; i < 60; i++) {
      const who = g.rnd() < 0.5 ? admin : scoped;
      const raw: Record<string, string | string[]> = {};
      if (g.rnd() < 0.5) raw.msn = g.pick(units(who));
      if (g.rnd() < 0.5) raw.status = Array.from({ length: g.int(1, 3) }, () => g.pick(PAYMENT_STATUSES));
      if (g.rnd() < 0.6) {
        const a = osloDate(g.at());
        const b = osloDate(g.at());
        if (g.rnd() < 0.8) raw.from = a < b ? a : b;
        if (g.rnd() < 0.8) raw.to = a < b ? b : a;
      }
      const now = new Date(g.pick(EDGES));
      if (g.rnd() < 0.2) raw.range = g.pick(["today", "7d", "30d", "month"]);
      const parsed = parseHistoryParams(raw, Buffer.alloc(32), { msns: [...units(who)], now });
      expect(parsed.problems).toEqual([]);
      const f = parsed.query.filters;
      expect(await keptTotals(db.prisma, who, f)).toEqual(await directTotals(db.prisma, who, f));
      const viaKept = await countHistory(who, f, { client: db.prisma });
      const viaRows = await countHistory(who, f, { client: db.prisma, direct: true });
      expect(viaKept.source).toBe("kept");
      expect({ ...viaKept, source: "direct" }).toEqual(viaRows);
    }
    // The scope: the finance user's totals never include the third unit.
    const all = await countHistory(
      scoped,
      parseHistoryParams({}, Buffer.alloc(32), { msns: scoped.msns, now: new Date() }).query.filters,
      {
        client: db.prisma,
      },
    );
    const third = await db.prisma.payment.count({ where: { msn: UNITS[2] } });
    expect(third).toBeGreaterThan(0);
    expect(all.total.n).toBe(await db.prisma.payment.count({ where: { msn: { in: [...scoped.msns] } } }));
  }, 120_000);

  it("TRUNCATE empties the totals with the payments", async () => {
    await db.prisma.$executeRawUnsafe(`TRUNCATE "Payment" CASCADE`);
    expect(await kept(db.prisma)).toEqual([]);
    expect(await db.prisma.paymentDailyTotal.count()).toBe(0);
    expect(await db.prisma.paymentMonthlyTotal.count()).toBe(0);
  });
});
