// The demo seed goes through the simulator and the client, and what it leaves in the database is
// what GET /details says: every state, the "charged twice" stories, and the API errors developers
// should see.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rollupSink } from "@/lib/api-log/writer";
import { decrypt } from "@/lib/crypto";
import { createEcomClient, TokenCache } from "@/lib/ecom";
import { applyDetails } from "@/lib/payments/sync/sync";
import { seedApiStory } from "@/lib/seed/api-story-seed";
import { seedDemoPayments } from "@/lib/seed/payments";
import { startSimulator, type Simulator } from "@/simulator/server";
import { migratedDatabase, type TestDb } from "../helpers/databases";

let sim: Simulator;
let db: TestDb;
const key = randomBytes(32);
let result: Awaited<ReturnType<typeof seedDemoPayments>>;

beforeAll(async () => {
  sim = await startSimulator();
  db = await migratedDatabase("pglite");
  const sink = rollupSink(async () => db.prisma, { batchSize: 500 });
  result = await seedDemoPayments({
    simulatorUrl: sim.url,
    prisma: db.prisma,
    sink,
    encryptionKey: key,
    callbackPrefix: "http://127.0.0.1:9/api/vipps",
    count: 400,
  });
  await sink.flush();
}, 120_000);
afterAll(async () => {
  await sim?.close();
  await db?.close();
});

describe("demo seed", () => {
  it("creates four sales units, one direct capture, with working encrypted keys", async () => {
    const units = await db.prisma.salesUnit.findMany({ orderBy: { msn: "asc" } });
    expect(units.map((u) => [u.msn, u.captureType])).toEqual([
      ["212345", "reserve"],
      ["212346", "direct"],
      ["212347", "reserve"],
      ["212348", "reserve"],
    ]);
    const creds = JSON.parse(decrypt(units[0]!.credentialsEncrypted!, key, "212345")) as {
      clientId: string;
      clientSecret: string;
      subscriptionKey: string;
    };
    const client = createEcomClient({
      salesUnit: { msn: "212345", environment: "simulator", credentials: creds },
      baseUrl: sim.url,
      sink: { record: () => {} },
      tokenCache: new TokenCache(),
    });
    expect((await client.getPaymentDetails("DBL-7000")).orderId).toBe("DBL-7000");
  });

  it("leaves payments in every state, spread over 90 days", async () => {
    expect(result.payments).toBeGreaterThanOrEqual(400);
    const byStatus = await db.prisma.payment.groupBy({ by: ["status"], _count: true });
    expect(byStatus.map((s) => s.status).sort()).toEqual([
      "cancelled",
      "captured",
      "failed",
      "initiated",
      "partially_captured",
      "partially_refunded",
      "refunded",
      "reserved",
      "voided",
    ]);
    const span = await db.prisma.payment.aggregate({ _min: { initiatedAt: true }, _max: { initiatedAt: true } });
    const days = (span._max.initiatedAt!.getTime() - span._min.initiatedAt!.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(60);
    expect(days).toBeLessThanOrEqual(90.1);
  });

  it("has releases, repeated captures and refunds, and failed operations in the events", async () => {
    const ev = await db.prisma.paymentEvent.groupBy({ by: ["operation", "operationSuccess"], _count: true });
    const has = (op: string, ok: boolean) => ev.some((e) => e.operation === op && e.operationSuccess === ok);
    for (const op of ["INITIATE", "RESERVE", "SALE", "CAPTURE", "REFUND", "CANCEL", "VOID"])
      expect(has(op, true), op).toBe(true);
    expect(has("CAPTURE", false)).toBe(true);
    expect(has("REFUND", false)).toBe(true);
    expect(has("RESERVE", false)).toBe(true);
    const twoCaptures = await db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT "paymentId" FROM "PaymentEvent" WHERE operation = 'CAPTURE' AND "operationSuccess" GROUP BY "paymentId" HAVING count(*) > 1) t`;
    expect(Number(twoCaptures[0]?.n)).toBeGreaterThan(0);
  });

  it("tells both 'charged twice' stories and reuses an orderId across sales units", async () => {
    const dbl = await db.prisma.payment.findMany({
      where: { orderId: { startsWith: "DBL-7000" } },
      orderBy: { orderId: "asc" },
    });
    expect(dbl.map((p) => p.orderId)).toEqual(["DBL-7000", "DBL-7000-1", "DBL-7000-2"]);
    expect(new Set(dbl.map((p) => p.amount)).size).toBe(1);
    const shared = await db.prisma.payment.findMany({ where: { orderId: "ORD-3100" } });
    expect(shared.map((p) => p.msn).sort()).toEqual(["212345", "212347"]);
  });

  it("leaves the API errors a developer should see in the call log", async () => {
    const rows = await db.prisma.apiCallLog.groupBy({ by: ["httpStatus", "errorCode"], _count: true });
    const seen = rows.map((r) => `${r.httpStatus}/${r.errorCode ?? ""}`);
    for (const want of ["401/", "429/", "404/35", "400/61", "400/71", "500/99"])
      expect(
        seen.some((s) => s.startsWith(want)),
        want,
      ).toBe(true);
    const apiCalls = await db.prisma.apiCallLog.count();
    expect(apiCalls).toBe(result.apiCalls);
    // …and the dashboard's per-minute rollups count every one of them.
    const rolled = await db.prisma.apiCallRollup.aggregate({ _sum: { calls: true } });
    expect(rolled._sum.calls).toBe(apiCalls);
    const spread = await db.prisma.apiCallLog.aggregate({ _min: { at: true } });
    expect(Date.now() - spread._min.at!.getTime()).toBeGreaterThan(60 * 86_400_000);
  });

  it("stores each log entry once, however often details are applied", async () => {
    const creds = JSON.parse(
      decrypt(
        (await db.prisma.salesUnit.findUniqueOrThrow({ where: { msn: "212345" } })).credentialsEncrypted!,
        key,
        "212345",
      ),
    );
    const client = createEcomClient({
      salesUnit: { msn: "212345", environment: "simulator", credentials: creds },
      baseUrl: sim.url,
      sink: { record: () => {} },
      tokenCache: new TokenCache(),
    });
    const details = await client.getPaymentDetails("DBL-7000");
    const before = await db.prisma.paymentEvent.count();
    await applyDetails(db.prisma, "212345", details);
    await applyDetails(db.prisma, "212345", details);
    expect(await db.prisma.paymentEvent.count()).toBe(before);
    const payment = await db.prisma.payment.findUniqueOrThrow({
      where: { msn_orderId: { msn: "212345", orderId: "DBL-7000" } },
      include: { events: true },
    });
    expect(payment.events).toHaveLength(details.transactionLogHistory.length);
    expect(payment.status).toBe("captured");
  });

  // Last: it adds rows the tests above count. What the first start does after the payments (prepare.ts).
  it("adds the 30-day API story beside the calls the seed made, naming seeded payments", async () => {
    const { _max, _count } = await db.prisma.apiCallLog.aggregate({ _max: { id: true }, _count: true });
    const story = await seedApiStory(db.prisma);
    expect(await db.prisma.apiCallLog.count()).toBe(_count + story.calls);
    const rolled = await db.prisma.apiCallRollup.aggregate({ _sum: { calls: true } });
    expect(rolled._sum.calls).toBe(_count + story.calls);
    const linked = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "ApiCallLog" l JOIN "Payment" p ON p."msn" = l."msn" AND p."orderId" = l."orderId"
      WHERE l."id" > ${_max.id}`;
    expect(linked[0]!.n).toBeGreaterThan(100);
  });
});
