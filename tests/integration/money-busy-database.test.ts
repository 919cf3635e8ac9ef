// A database too busy to give a money operation a connection in time (Prisma P2028, "unable to
// start a transaction in the given time"), forced for real: every connection of a small pool (one
// for the embedded PGlite, which runs one transaction at a time) is held by open transactions at the
// moment the engine asks for one. What the person is told, and that money still moves exactly once:
// before the ledger row → "busy, nothing was sent"; after it → pending (or "busy, nothing was sent"
// when the send was never claimed), settled by the reconciler.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, PrismaClient } from "@/generated/prisma/client";
import {
  isTransactionTimeout,
  resolveOpenOperations,
  submitMoneyOperation,
  type MoneyDeps,
  type MoneyRequest,
} from "@/lib/money/engine";
import { applyDetails } from "@/lib/payments/sync/sync";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { expectLedgerMatchesVipps } from "../helpers/money-invariant";
import { actor, addUnit, simPayment, startStack, type Stack } from "../helpers/ingest";

const kinds = await databaseKinds();
const SHOP = "612391";
const POOL = 2;

/** Holds `n` connections in open transactions until released. */
async function holdConnections(prisma: PrismaClient, n: number): Promise<() => Promise<void>> {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const started: Promise<void>[] = [];
  const holders: Promise<unknown>[] = [];
  for (let i = 0; i < n; i++) {
    let ready!: () => void;
    started.push(new Promise<void>((r) => (ready = r)));
    holders.push(
      prisma.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          ready();
          await gate;
        },
        { timeout: 30_000 },
      ),
    );
  }
  await Promise.all(started);
  return async () => {
    open();
    await Promise.allSettled(holders);
  };
}

/** Picks the n-th interactive transaction the engine starts (1 = the ledger row). */
function nth(n: number): (arg: unknown) => boolean {
  let calls = 0;
  return (arg) => typeof arg === "function" && ++calls === n;
}

/**
 * The client, except that the transactions `when` picks find every connection taken (held until
 * that transaction gave up or ran); `fail` makes raw statements it picks fail once with P2028, as a
 * database failing right after Vipps answered would.
 */
function busyAt(
  prisma: PrismaClient,
  connections: number,
  opts: { when?: (arg: unknown) => boolean; fail?: (sql: string) => boolean },
) {
  const seen = { congested: 0, failed: 0 };
  const db = new Proxy(prisma, {
    get(target, prop) {
      if (prop === "$transaction") {
        return async (arg: never, options: never) => {
          if (!opts.when?.(arg)) return target.$transaction(arg, options);
          seen.congested++;
          const release = await holdConnections(target, connections);
          try {
            return await target.$transaction(arg, options);
          } finally {
            await release();
          }
        };
      }
      if (prop === "$queryRaw") {
        return (strings: TemplateStringsArray, ...values: unknown[]) => {
          if (opts.fail?.(strings.join("?")) && seen.failed === 0) {
            seen.failed++;
            throw new Prisma.PrismaClientKnownRequestError("Unable to start a transaction in the given time.", {
              code: "P2028",
              clientVersion: Prisma.prismaVersion.client,
            });
          }
          return target.$queryRaw(strings, ...values);
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db, seen };
}

describe.each(kinds)("money operations on a busy database (%s)", (kind) => {
  let db: TestDb;
  let small: PrismaClient;
  let stack: Stack;
  let deps: MoneyDeps;
  const finance = { ...actor("finance", [SHOP]), name: "Kari Økonomi" };
  const connections = kind === "postgres" ? POOL : 1;

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    // PostgreSQL: a pool of two, so two open transactions fill it. PGlite has one connection.
    small =
      kind === "postgres"
        ? new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url!, max: POOL }) })
        : db.prisma;
    stack = await startStack();
    await addUnit(stack, db.prisma, SHOP, "reserve");
    deps = { db: small, clientFor: (msn) => stack.clientFor(msn), transaction: { maxWait: 300 } };
  });
  afterAll(async () => {
    await stack?.close();
    if (small !== db?.prisma) await small?.$disconnect();
    await db?.close();
  });

  let n = 0;
  async function reserved(amount = 100_000) {
    const orderId = `busy-${kind}-${++n}-${Date.now().toString(36)}`;
    await simPayment(stack, SHOP, orderId, "approve", amount);
    await applyDetails(db.prisma, SHOP, await (await stack.clientFor(SHOP)).getPaymentDetails(orderId));
    return orderId;
  }
  const details = async (orderId: string) => (await stack.clientFor(SHOP)).getPaymentDetails(orderId);
  const req = (orderId: string, over: Partial<MoneyRequest>): MoneyRequest => ({
    msn: SHOP,
    orderId,
    kind: "capture",
    amount: "all",
    idempotencyKey: randomUUID(),
    ...over,
  });
  const ledgerMatchesVipps = async (orderId: string) =>
    expectLedgerMatchesVipps(db.prisma, await stack.clientFor(SHOP), SHOP, orderId);

  it("the held connections really time a transaction out (P2028)", async () => {
    const release = await holdConnections(small, connections);
    try {
      const err = await small.$transaction(async () => 1, { maxWait: 200 }).catch((e: unknown) => e);
      expect(isTransactionTimeout(err)).toBe(true);
    } finally {
      await release();
    }
  });

  it("no connection for the ledger row: 'busy, nothing was sent', nothing written; the same key later captures once", async () => {
    const orderId = await reserved(100_000);
    const key = randomUUID();
    // The ledger row is written in the engine's first transaction.
    const busy = busyAt(small, connections, { when: nth(1) });
    const r = await submitMoneyOperation({ ...deps, db: busy.db }, finance, req(orderId, { idempotencyKey: key }));
    expect(busy.seen.congested).toBe(1);
    expect(r).toEqual({ outcome: "refused", refusal: { code: "db_busy" } });
    expect(await db.prisma.moneyOperation.count({ where: { orderId } })).toBe(0);
    expect(await db.prisma.paymentLock.count({ where: { payment: { orderId } } })).toBe(0);
    expect((await details(orderId)).transactionSummary).toMatchObject({ capturedAmount: 0 });
    const refused = await db.prisma.auditLog.findFirst({ where: { orderId, action: "money_refused" } });
    expect(refused?.details).toMatchObject({ reason: "db_busy" });

    // Trying again once the database has room: captured, once.
    const again = await submitMoneyOperation(deps, finance, req(orderId, { idempotencyKey: key }));
    expect(again).toMatchObject({ outcome: "succeeded", operation: { amount: 100_000 } });
    await ledgerMatchesVipps(orderId);
  });

  it("no connection after the ledger row, before sending: 'busy, nothing was sent', the payment free again", async () => {
    const orderId = await reserved(100_000);
    await submitMoneyOperation(deps, finance, req(orderId, { kind: "capture", amount: 100_000 }));
    await db.prisma.salesUnit.update({ where: { msn: SHOP }, data: { approvalThresholdOre: 20_000 } });
    try {
      // A refund over the threshold is parked for approval in an interactive transaction: it finds
      // every connection taken, after the ledger row and lock were written.
      // (The first transaction wrote the ledger row and lock; the second parks it.)
      const busy = busyAt(small, connections, { when: nth(2) });
      const r = await submitMoneyOperation(
        { ...deps, db: busy.db },
        finance,
        req(orderId, { kind: "refund", amount: 50_000, reason: "goodwill" }),
      );
      expect(busy.seen.congested).toBe(1);
      expect(r).toMatchObject({ outcome: "refused", refusal: { code: "db_busy" }, operation: { state: "failed" } });
      expect(await db.prisma.paymentLock.count({ where: { payment: { orderId } } })).toBe(0);
      expect((await details(orderId)).transactionSummary).toMatchObject({ refundedAmount: 0 });
      await ledgerMatchesVipps(orderId);
    } finally {
      await db.prisma.salesUnit.update({ where: { msn: SHOP }, data: { approvalThresholdOre: null } });
    }
  });

  it("the database fails right after Vipps captured: shown pending, never an error; the reconciler books it once", async () => {
    const orderId = await reserved(100_000);
    // The statement recording the outcome fails (once); the fallback finds the send claimed.
    const busy = busyAt(small, connections, { fail: (sql) => sql.includes("WITH settled") });
    const r = await submitMoneyOperation({ ...deps, db: busy.db }, finance, req(orderId, { amount: 40_000 }));
    expect(busy.seen.failed).toBe(1);
    expect(r).toMatchObject({ outcome: "pending", operation: { amount: 40_000 } });
    // Money moved at Vipps; the ledger row stays pending with the payment locked until it is settled.
    expect((await details(orderId)).transactionSummary).toMatchObject({ capturedAmount: 40_000 });
    const op = await db.prisma.moneyOperation.findFirstOrThrow({ where: { orderId } });
    expect(op).toMatchObject({ state: "pending", attempts: 1 });
    expect(await db.prisma.paymentLock.count({ where: { payment: { orderId } } })).toBe(1);

    const later = { ...deps, now: () => new Date(Date.now() + 10 * 60_000) };
    await resolveOpenOperations(later);
    expect(await db.prisma.moneyOperation.findUniqueOrThrow({ where: { id: op.id } })).toMatchObject({
      state: "succeeded",
    });
    await ledgerMatchesVipps(orderId);
    // The same key again answers the booked result and sends nothing.
    const again = await submitMoneyOperation(
      deps,
      finance,
      req(orderId, { amount: 40_000, idempotencyKey: op.idempotencyKey }),
    );
    expect(again).toMatchObject({ outcome: "succeeded" });
    await ledgerMatchesVipps(orderId);
  });
});
