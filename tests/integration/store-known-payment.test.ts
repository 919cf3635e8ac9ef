// storeKnownPayment (the money engine's copy of a payment after an operation) writes, in one raw
// statement, exactly the row and log entries syncDetails writes through Prisma: after it, syncDetails
// with the same /details finds nothing changed and nothing new. Entries are stored once however
// often it runs, and an unknown payment id writes nothing at all.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeKnownPayment, syncDetails } from "@/lib/payments/sync/sync";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { addUnit, simPayment, startStack, type Stack } from "../helpers/ingest";

const kinds = await databaseKinds();
const MSN = "713345";

describe.each(kinds)("storeKnownPayment on %s", (kind) => {
  let db: TestDb;
  let stack: Stack;

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    stack = await startStack();
    await addUnit(stack, db.prisma, MSN);
  });
  afterAll(async () => {
    await stack?.close();
    await db?.close();
  });

  const row = (orderId: string) =>
    db.prisma.payment.findUniqueOrThrow({
      where: { msn_orderId: { msn: MSN, orderId } },
      omit: { updatedAt: true },
      include: { events: { orderBy: { fingerprint: "asc" }, omit: { id: true, createdAt: true } } },
    });

  it("writes what syncDetails would: afterwards syncDetails finds nothing changed", async () => {
    await simPayment(stack, MSN, "skp-1", "approve");
    const client = await stack.clientFor(MSN);
    const before = await syncDetails(db.prisma, MSN, await client.getPaymentDetails("skp-1"));
    await client.capturePayment({ orderId: "skp-1", amount: 400, transactionText: "Part", requestId: "skp-cap-1" });
    const details = await client.getPaymentDetails("skp-1");
    const now = new Date(Date.now() + 60_000);

    await storeKnownPayment(db.prisma, before.paymentId, details, now);
    const stored = await row("skp-1");
    expect(stored).toMatchObject({ status: "partially_captured", capturedAmount: 400, pollAttempts: 0 });
    expect(stored.lastSyncedAt).toEqual(now);
    expect(stored.events.map((e) => e.operation).sort()).toEqual(["CAPTURE", "INITIATE", "RESERVE"]);

    const again = await syncDetails(db.prisma, MSN, details, { now });
    expect(again).toMatchObject({ created: false, changed: false, newEvents: 0 });
    expect(await row("skp-1")).toEqual(stored);
  });

  it("stores each log entry once however often it runs, and nothing for an unknown payment", async () => {
    const p = await row("skp-1");
    const details = await (await stack.clientFor(MSN)).getPaymentDetails("skp-1");
    await storeKnownPayment(db.prisma, p.id, details);
    await storeKnownPayment(db.prisma, p.id, details);
    expect(await db.prisma.paymentEvent.count({ where: { paymentId: p.id } })).toBe(p.events.length);

    const events = await db.prisma.paymentEvent.count();
    await storeKnownPayment(db.prisma, randomUUID(), details);
    expect(await db.prisma.paymentEvent.count()).toBe(events);
  });
});
