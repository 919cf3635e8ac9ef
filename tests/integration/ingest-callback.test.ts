// The callback endpoint Vipps calls: each status makes us read /details and store the payment, MSN
// as a number is fine, a repeat changes nothing, an unknown MSN is refused and audit-logged, a
// malformed body is a specific 400 with nothing written, and the simulator's own callbacks work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { remedyFor } from "@/lib/api-errors/remedies";
import { MemoryApiLogSink } from "@/lib/api-log/types";
import { createCallbackHandler, type CallbackDeps } from "@/lib/ingest/callback";
import { resolveHints } from "@/lib/ingest/payment-hints";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { addUnit, serveRoute, simPayment, startStack, type Outcome, type Stack } from "../helpers/ingest";

const kinds = await databaseKinds();
const RESERVE = "412345";
const DIRECT = "412346";

describe.each(kinds)("callback endpoint on %s", (kind) => {
  let db: TestDb;
  let stack: Stack;
  let pending: Promise<void>[] = [];
  let deps: CallbackDeps;
  let POST: ReturnType<typeof createCallbackHandler>;

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    stack = await startStack();
    await addUnit(stack, db.prisma, RESERVE, "reserve");
    await addUnit(stack, db.prisma, DIRECT, "direct");
    deps = {
      db: async () => db.prisma,
      clientFor: (msn) => stack.clientFor(msn),
      schedule: (task) => void pending.push(task()),
      log: () => {},
    };
    POST = createCallbackHandler(deps);
  });
  afterAll(async () => {
    await stack?.close();
    await db?.close();
  });

  const body = (msn: string | number, orderId: string, status: string, extra: Record<string, unknown> = {}) => ({
    merchantSerialNumber: msn,
    orderId,
    transactionInfo: { amount: 10_000, status, timeStamp: "2026-11-21T10:00:00.000Z", transactionId: "5001234567" },
    ...extra,
  });
  async function call(orderId: string, payload: unknown, raw?: string, handler = POST) {
    const res = await handler(
      new Request(`http://app/api/vipps/v2/payments/${orderId}`, {
        method: "POST",
        body: raw ?? JSON.stringify(payload),
        headers: { "content-type": "application/json", authorization: "secret-token-123" },
      }),
      {
        params: Promise.resolve({ orderId }),
      },
    );
    const json = (await res.json()) as { status?: string; error?: string; message?: string };
    await Promise.all(pending);
    pending = [];
    return { status: res.status, json, retryAfter: res.headers.get("retry-after") };
  }
  const payment = (msn: string, orderId: string) =>
    db.prisma.payment.findUnique({ where: { msn_orderId: { msn, orderId } }, include: { events: true } });

  const cases: [string, string, Outcome, string][] = [
    ["RESERVED", RESERVE, "approve", "reserved"],
    ["RESERVE", RESERVE, "approve", "reserved"],
    ["SALE", DIRECT, "approve", "captured"],
    ["CANCELLED", RESERVE, "reject", "cancelled"],
    ["REJECTED", RESERVE, "timeout", "cancelled"],
    ["RESERVE_FAILED", RESERVE, "fail", "failed"],
    ["SALE_FAILED", DIRECT, "fail", "failed"],
  ];
  it.each(cases)("%s: answers 200 at once, then stores what /details says", async (status, msn, outcome, stored) => {
    const orderId = `cb-${status.toLowerCase().replace("_", "-")}`;
    await simPayment(stack, msn, orderId, outcome);
    const res = await call(orderId, body(msn, orderId, status));
    expect(res).toMatchObject({ status: 200, json: { status: "accepted" } });
    const p = await payment(msn, orderId);
    expect(p?.status).toBe(stored);
    expect(p?.events.length).toBeGreaterThanOrEqual(2);
    expect(p?.lastSyncedAt).not.toBeNull();
  });

  it("accepts the MSN as a JSON number, and an Express body with user and shipping details", async () => {
    await simPayment(stack, RESERVE, "cb-number", "approve");
    const express = {
      userDetails: { email: "a@b.no", firstName: "A", lastName: "B", mobileNumber: "91234567", userId: "x==" },
      shippingDetails: { shippingCost: 49, shippingMethod: "Posten" },
    };
    expect((await call("cb-number", body(Number(RESERVE), "cb-number", "RESERVE", express))).status).toBe(200);
    expect((await payment(RESERVE, "cb-number"))?.status).toBe("reserved");
  });

  it("is idempotent: a repeated callback stores no event twice", async () => {
    await simPayment(stack, RESERVE, "cb-repeat", "approve");
    await call("cb-repeat", body(RESERVE, "cb-repeat", "RESERVED"));
    const before = await payment(RESERVE, "cb-repeat");
    for (let i = 0; i < 3; i++)
      expect((await call("cb-repeat", body(RESERVE, "cb-repeat", "RESERVED"))).status).toBe(200);
    const after = await payment(RESERVE, "cb-repeat");
    expect(after?.events.length).toBe(before?.events.length);
    expect(after?.status).toBe("reserved");
    expect(await db.prisma.payment.count({ where: { orderId: "cb-repeat" } })).toBe(1);
  });

  it("refuses an unknown MSN with 404, and logs it without the Authorization header", async () => {
    const res = await call("cb-unknown", body("499999", "cb-unknown", "RESERVED"));
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error: "unknown_msn", message: expect.stringContaining("499999") });
    const audit = await db.prisma.auditLog.findFirst({ where: { action: "callback_refused", orderId: "cb-unknown" } });
    expect(audit).toMatchObject({ msn: "499999", outcome: "refused" });
    const everything = await db.prisma.auditLog.findMany({
      select: { action: true, details: true, msn: true, orderId: true },
    });
    expect(JSON.stringify(everything)).not.toContain("secret-token-123");
    expect(await db.prisma.payment.count({ where: { orderId: "cb-unknown" } })).toBe(0);
  });

  const malformed: [string, string, unknown, string?][] = [
    ["not JSON", "cb-bad-1", undefined, "{not json"],
    ["an empty body", "cb-bad-2", undefined, ""],
    ["an array", "cb-bad-3", [1, 2]],
    ["no transactionInfo", "cb-bad-4", { merchantSerialNumber: RESERVE, orderId: "cb-bad-4" }],
    ["an unknown status", "cb-bad-5", body(RESERVE, "cb-bad-5", "APPROVED")],
    [
      "an amount in kroner",
      "cb-bad-6",
      {
        ...body(RESERVE, "cb-bad-6", "RESERVED"),
        transactionInfo: { amount: 99.5, status: "RESERVED", timeStamp: "2026-11-21T10:00:00Z" },
      },
    ],
    ["a 4-digit MSN", "cb-bad-7", body("1234", "cb-bad-7", "RESERVED")],
    ["another orderId than the path", "cb-bad-8", body(RESERVE, "cb-other", "RESERVED")],
    [
      "a bad timeStamp",
      "cb-bad-9",
      {
        ...body(RESERVE, "cb-bad-9", "RESERVED"),
        transactionInfo: { amount: 100, status: "RESERVED", timeStamp: "yesterday" },
      },
    ],
  ];
  it.each(malformed)(
    "answers 400 with a specific message for %s, and writes nothing",
    async (_label, orderId, payload, raw) => {
      const res = await call(orderId, payload, raw);
      expect(res.status).toBe(400);
      expect(res.json.error).toMatch(/^invalid_|order_id_mismatch/);
      expect(res.json.message?.length).toBeGreaterThan(10);
      expect(await db.prisma.payment.count({ where: { orderId } })).toBe(0);
    },
  );

  it("a flood of callbacks for made-up MSNs writes a few audit rows and one summary, not a row each", async () => {
    const flood = createCallbackHandler({
      ...deps,
      limits: { auditPerWindow: 3, newOrdersPerWindow: 100, windowSeconds: 1 },
    });
    const tag = `fl${Date.now().toString(36)}`;
    const answers = [];
    for (let i = 0; i < 25; i++)
      answers.push(
        (await call(`${tag}-${i}`, body(String(480000 + i), `${tag}-${i}`, "RESERVED"), undefined, flood)).status,
      );
    expect(answers.every((s) => s === 404)).toBe(true);
    expect(
      await db.prisma.auditLog.count({ where: { action: "callback_refused", orderId: { startsWith: tag } } }),
    ).toBe(3);
    // the window ends: one row tells how many were left out, and which MSNs they named
    await expect
      .poll(
        () =>
          db.prisma.auditLog.findFirst({
            where: { action: "callback_refused", orderId: null, msn: null },
            orderBy: { id: "desc" },
          }),
        { timeout: 3000 },
      )
      .toMatchObject({
        outcome: "refused",
        details: {
          reason: "flood",
          suppressed: 22,
          windowSeconds: 1,
          msns: expect.arrayContaining(["480003", "480022"]),
        },
      });
    // it names at most 20 of the MSNs
    const summary = await db.prisma.auditLog.findFirst({
      where: { action: "callback_refused", orderId: null, msn: null },
      orderBy: { id: "desc" },
    });
    expect((summary!.details as { msns: string[] }).msns).toHaveLength(20);
  });

  it("limits callbacks for orderIds it does not hold per sales unit (429 + Retry-After), never those for payments it holds", async () => {
    const limited = createCallbackHandler({
      ...deps,
      limits: { auditPerWindow: 100, newOrdersPerWindow: 4, windowSeconds: 30 },
    });
    await simPayment(stack, RESERVE, "cb-held", "approve");
    expect((await call("cb-held", body(RESERVE, "cb-held", "RESERVED"), undefined, limited)).status).toBe(200);
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push(await call(`cb-new-${i}`, body(RESERVE, `cb-new-${i}`, "RESERVED"), undefined, limited));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429, 429]);
    expect(answers[3]!.json).toMatchObject({ error: "too_many_callbacks", message: expect.stringContaining(RESERVE) });
    expect(Number(answers[3]!.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(answers[3]!.retryAfter)).toBeLessThanOrEqual(30);
    expect(await db.prisma.auditLog.count({ where: { action: "callback_throttled", msn: RESERVE } })).toBe(3);
    // a payment it holds is still read, and another sales unit has its own allowance
    expect((await call("cb-held", body(RESERVE, "cb-held", "RESERVED"), undefined, limited)).status).toBe(200);
    await simPayment(stack, DIRECT, "cb-other-unit", "approve");
    expect((await call("cb-other-unit", body(DIRECT, "cb-other-unit", "SALE"), undefined, limited)).status).toBe(200);
  });

  it("refuses a bad orderId in the path and an oversized body", async () => {
    expect((await call("a".repeat(51), body(RESERVE, "a".repeat(51), "RESERVED"))).json.error).toBe("invalid_order_id");
    expect((await call("has_underscore", body(RESERVE, "has_underscore", "RESERVED"))).status).toBe(400);
    const big = JSON.stringify({ ...body(RESERVE, "cb-big", "RESERVED"), pad: "x".repeat(70_000) });
    expect((await call("cb-big", undefined, big)).status).toBe(413);
  });

  it("plants nothing while Vipps is down: the callback leaves a hint, the payment comes from /details later", async () => {
    // A real payment and a made-up one, both announced while GET /details fails.
    await simPayment(stack, RESERVE, "cb-down", "approve", 20_000);
    await stack.control.fault({ msn: RESERVE, endpoint: "details", mode: "error500", count: 100 });
    const forged = body(RESERVE, "cb-planted", "RESERVED", {});
    (forged.transactionInfo as { amount: number }).amount = 999_999;
    expect((await call("cb-down", body(RESERVE, "cb-down", "RESERVED"))).status).toBe(200);
    expect((await call("cb-planted", forged)).status).toBe(200);

    // No payment row from a callback body: nothing to find in lookup, history or export.
    expect(await payment(RESERVE, "cb-down")).toBeNull();
    expect(await payment(RESERVE, "cb-planted")).toBeNull();
    expect(
      await db.prisma.paymentHint.count({ where: { msn: RESERVE, orderId: { in: ["cb-down", "cb-planted"] } } }),
    ).toBe(2);

    // While Vipps stays down the hints back off and still nothing is created.
    const t0 = new Date();
    const down = await resolveHints({ db: db.prisma, clientFor: (m) => stack.clientFor(m), now: () => t0 });
    expect(down).toMatchObject({ claimed: 2, created: 0, failed: 2 });
    expect(await db.prisma.payment.count({ where: { orderId: { in: ["cb-down", "cb-planted"] } } })).toBe(0);
    const backedOff = await db.prisma.paymentHint.findFirst({ where: { orderId: "cb-down" } });
    expect(backedOff!.attempts).toBe(1);
    expect(backedOff!.nextTryAt.getTime()).toBeGreaterThan(t0.getTime());

    // Vipps is back: the real payment is created from /details (its amount, not the callback's),
    // and the made-up one is dropped and audited.
    await stack.control.clearFaults();
    const later = new Date(t0.getTime() + 10 * 60_000);
    const back = await resolveHints({ db: db.prisma, clientFor: (m) => stack.clientFor(m), now: () => later });
    expect(back).toMatchObject({ created: 1, dropped: 1 });
    expect(await payment(RESERVE, "cb-down")).toMatchObject({ amount: 20_000, status: "reserved" });
    expect(await payment(RESERVE, "cb-planted")).toBeNull();
    expect(await db.prisma.paymentHint.count({ where: { orderId: { in: ["cb-down", "cb-planted"] } } })).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: "callback_unverified", orderId: "cb-planted" } })).toBe(1);

    // With Vipps up, a forged callback is checked at once and leaves nothing behind.
    expect((await call("cb-forged", body(RESERVE, "cb-forged", "RESERVED"))).status).toBe(200);
    expect(await payment(RESERVE, "cb-forged")).toBeNull();
    expect(await db.prisma.paymentHint.count({ where: { orderId: "cb-forged" } })).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: "callback_unverified", orderId: "cb-forged" } })).toBe(1);
  });

  it("a callback flood while /details fails leaves a bounded number of hints and no payment", async () => {
    const flood = createCallbackHandler({
      ...deps,
      maxHintsPerMsn: 10,
      limits: { auditPerWindow: 5, newOrdersPerWindow: 1000, windowSeconds: 60 },
    });
    await stack.control.fault({ msn: DIRECT, endpoint: "details", mode: "error500", count: 10_000 });
    try {
      const tag = `fd${Date.now().toString(36)}`;
      const statuses = new Set<number>();
      for (let i = 0; i < 40; i++) {
        const orderId = `${tag}-${i}`;
        statuses.add((await call(orderId, body(DIRECT, orderId, "SALE"), undefined, flood)).status);
      }
      // Vipps gets its 200 (it would only retry); what we keep is bounded and is never a payment.
      expect([...statuses]).toEqual([200]);
      expect(await db.prisma.paymentHint.count({ where: { msn: DIRECT, orderId: { startsWith: tag } } })).toBe(10);
      expect(await db.prisma.payment.count({ where: { orderId: { startsWith: tag } } })).toBe(0);
      // The overflow is audited, a few rows at most (the rest go into the window's summary).
      expect(
        await db.prisma.auditLog.count({ where: { action: "callback_throttled", orderId: { startsWith: tag } } }),
      ).toBe(5);
    } finally {
      await stack.control.clearFaults();
      await db.prisma.paymentHint.deleteMany({ where: { msn: DIRECT } });
    }
  });

  it("checks the authToken when the sales unit has one: a callback without it is refused and changes nothing", async () => {
    const token = "vipps-callback-token-7f3a";
    await db.prisma.salesUnit.update({
      where: { msn: DIRECT },
      data: { callbackAuthTokenHash: createHash("sha256").update(token).digest("hex") },
    });
    try {
      await simPayment(stack, DIRECT, "cb-tok", "approve");
      const withHeader = async (authorization: string | null) => {
        const res = await POST(
          new Request("http://app/api/vipps/v2/payments/cb-tok", {
            method: "POST",
            body: JSON.stringify(body(DIRECT, "cb-tok", "SALE")),
            headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
          }),
          { params: Promise.resolve({ orderId: "cb-tok" }) },
        );
        await Promise.all(pending);
        pending = [];
        return res.status;
      };
      expect(await withHeader(null)).toBe(401);
      expect(await withHeader("wrong-token")).toBe(401);
      expect(await payment(DIRECT, "cb-tok")).toBeNull();
      expect(await db.prisma.auditLog.count({ where: { action: "callback_refused", orderId: "cb-tok" } })).toBe(2);
      expect(await withHeader(token)).toBe(200);
      expect(await payment(DIRECT, "cb-tok")).not.toBeNull();
    } finally {
      await db.prisma.salesUnit.update({ where: { msn: DIRECT }, data: { callbackAuthTokenHash: null } });
    }
  });

  it("logs each callback of our sales units with our answer (masked), and the refusals with their remedy", async () => {
    const sink = new MemoryApiLogSink();
    const logged = createCallbackHandler({ ...deps, sink });
    await simPayment(stack, RESERVE, "cb-log", "approve");
    const express = body(RESERVE, "cb-log", "RESERVED", { userDetails: { mobileNumber: "91234567", userId: "u1" } });
    expect((await call("cb-log", express, undefined, logged)).status).toBe(200);
    expect((await call("cb-log", body(RESERVE, "cb-log", "RESERVED"), "{not json", logged)).status).toBe(400);
    expect((await call("cb-nobody", body("999999", "cb-nobody", "RESERVED"), undefined, logged)).status).toBe(404);

    await db.prisma.salesUnit.update({
      where: { msn: RESERVE },
      data: { callbackAuthTokenHash: createHash("sha256").update("the-right-token").digest("hex") },
    });
    try {
      expect((await call("cb-log", body(RESERVE, "cb-log", "RESERVED"), undefined, logged)).status).toBe(401);
    } finally {
      await db.prisma.salesUnit.update({ where: { msn: RESERVE }, data: { callbackAuthTokenHash: null } });
    }

    // The unknown MSN is in the audit trail and the unreadable body only in our answer, not the API
    // log: neither names a sales unit to file it under.
    expect(sink.records.map((r) => [r.source, r.operation, r.msn, r.httpStatus, r.errorGroup, r.errorCode])).toEqual([
      ["callback", "callback", RESERVE, 200, null, null],
      ["callback", "callback", RESERVE, 401, "Callback", "unauthorized"],
    ]);
    const [accepted, refused] = sink.records;
    expect(accepted!.requestBody).toMatchObject({ orderId: "cb-log", userDetails: { userId: "u1" } });
    expect(JSON.stringify(accepted!.requestBody)).not.toContain("91234567");
    expect(accepted!.responseBody).toEqual({ status: "accepted" });
    expect(JSON.stringify(sink.records)).not.toContain("secret-token-123");
    expect(remedyFor(refused!).id).toBe("callback.unauthorized");
  });

  it("handles the simulator's real callbacks over HTTP", async () => {
    const server = await serveRoute(/^\/api\/vipps\/v2\/payments\/([^/?]+)$/, POST);
    try {
      await simPayment(stack, RESERVE, "cb-live", "initiated", 25_000, `${server.url}/api/vipps`);
      await stack.control.user(RESERVE, "cb-live", "approve", { awaitCallback: true });
      await Promise.all(pending);
      pending = [];
      const callbacks = (await (await fetch(`${stack.sim.url}/_sim/callbacks`)).json()) as {
        url: string;
        status?: number;
      }[];
      expect(callbacks.find((c) => c.url.endsWith("/cb-live"))?.status).toBe(200);
      expect((await payment(RESERVE, "cb-live"))?.status).toBe("reserved");
    } finally {
      await server.close();
    }
  });
});
