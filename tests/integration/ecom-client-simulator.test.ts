// The eCom client against the simulator over HTTP: every operation, the documented error codes it
// can meet, and every fault-injection mode, with the call log checked along the way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryApiLogSink } from "@/lib/api-log/types";
import { createEcomClient, EcomError, TokenCache, type EcomClient } from "@/lib/ecom";
import { SimControl, type SimUnit } from "@/lib/seed/sim-control";
import { startSimulator, type Simulator } from "@/simulator/server";

let sim: Simulator;
let control: SimControl;
let shop: SimUnit;
let kiosk: SimUnit;
let sink: MemoryApiLogSink;
let client: EcomClient;
let kioskClient: EcomClient;

const make = (u: SimUnit, over: Partial<Parameters<typeof createEcomClient>[0]> = {}) =>
  createEcomClient({
    salesUnit: {
      msn: u.msn,
      environment: "simulator",
      credentials: { clientId: u.clientId, clientSecret: u.clientSecret, subscriptionKey: u.subscriptionKey },
    },
    baseUrl: sim.url,
    sink,
    tokenCache: new TokenCache(),
    sleep: async () => {},
    ...over,
  });

beforeAll(async () => {
  sim = await startSimulator();
  control = new SimControl(sim.url);
  shop = await control.createUnit("223344", "Shop", "reserve");
  kiosk = await control.createUnit("223345", "Kiosk", "direct");
  sink = new MemoryApiLogSink();
  client = make(shop);
  kioskClient = make(kiosk);
});
afterAll(async () => sim.close());

const base = {
  callbackPrefix: "https://shop.example/vipps",
  fallBack: "https://shop.example/done",
  transactionText: "Fjellsko",
};
async function paid(c: EcomClient, orderId: string, amount = 10000) {
  const { url } = await c.initiatePayment({ ...base, orderId, amount });
  await c.approvePaymentIntegrationTest({ orderId, token: new URL(url).searchParams.get("token")! });
}
async function failure(p: Promise<unknown>): Promise<EcomError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof EcomError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

describe("every operation", () => {
  it("initiates, force-approves, reads, captures, refunds and cancels", async () => {
    await paid(client, "op-1", 10000);
    expect((await client.getPaymentDetails("op-1")).transactionSummary).toMatchObject({
      remainingAmountToCapture: 10000,
      bankIdentificationNumber: expect.any(Number),
    });
    expect(
      (await client.capturePayment({ orderId: "op-1", amount: 6000, transactionText: "Sendt", requestId: "op1-c1" }))
        .transactionInfo?.amount,
    ).toBe(6000);
    expect(
      (await client.refundPayment({ orderId: "op-1", amount: 1000, transactionText: "Retur", requestId: "op1-r1" }))
        .transaction?.amount,
    ).toBe(1000);
    await client.cancelPayment({ orderId: "op-1", transactionText: "Rest frigis", shouldReleaseRemainingFunds: true });
    expect((await client.getPaymentDetails("op-1")).transactionSummary).toMatchObject({
      capturedAmount: 6000,
      refundedAmount: 1000,
      remainingAmountToCapture: 0,
      remainingAmountToRefund: 5000,
    });
    const token = await client.fetchAccessToken();
    expect(token.accessToken.split(".")).toHaveLength(3);
    expect(token.expiresInSeconds).toBe(3600);
  });

  it("logs every call, token calls included, with templated paths and masked bodies", async () => {
    const ops = new Set(sink.records.map((r) => r.operation));
    for (const op of ["accessToken", "initiate", "approve", "details", "capture", "refund", "cancel"])
      expect(ops).toContain(op);
    const capture = sink.records.find((r) => r.operation === "capture" && r.requestId === "op1-c1")!;
    expect(capture).toMatchObject({
      msn: shop.msn,
      environment: "simulator",
      method: "POST",
      path: "/ecomm/v2/payments/{orderId}/capture",
      orderId: "op-1",
      httpStatus: 200,
      attempt: 1,
    });
    const everything = JSON.stringify(sink.records);
    expect(everything).not.toContain(shop.clientSecret);
    expect(everything).not.toContain(shop.subscriptionKey);
    expect(everything).not.toMatch(/eyJ[\w-]{20,}\.[\w-]{20,}/); // no access token
  });
});

describe("documented errors, typed", () => {
  const codeOf = async (p: Promise<unknown>) => {
    const e = await failure(p);
    return [e.httpStatus, e.errorCode];
  };
  it.each([
    [
      "34 duplicate orderId",
      async () => {
        await client.initiatePayment({ ...base, orderId: "dup", amount: 100 });
        return client.initiatePayment({ ...base, orderId: "dup", amount: 100 });
      },
      [400, "34"],
    ],
    [
      "35 unknown orderId (or another MSN's)",
      async () => {
        await paid(kioskClient, "kiosk-only");
        return client.getPaymentDetails("kiosk-only");
      },
      [404, "35"],
    ],
    [
      "62 capture before approval",
      async () => {
        await client.initiatePayment({ ...base, orderId: "e62", amount: 1000 });
        return client.capturePayment({ orderId: "e62", transactionText: "x", requestId: "e62" });
      },
      [400, "62"],
    ],
    [
      "61 over-capture",
      async () => {
        await paid(client, "e61", 1000);
        return client.capturePayment({ orderId: "e61", amount: 2000, transactionText: "x", requestId: "e61" });
      },
      [400, "61"],
    ],
    [
      "51 cancel after full capture",
      async () => {
        await paid(client, "e51", 1000);
        await client.capturePayment({ orderId: "e51", transactionText: "x", requestId: "e51" });
        return client.cancelPayment({ orderId: "e51", transactionText: "x" });
      },
      [400, "51"],
    ],
    [
      "72 refund of a reservation",
      async () => {
        await paid(client, "e72", 1000);
        return client.refundPayment({ orderId: "e72", amount: 100, transactionText: "x", requestId: "e72" });
      },
      [400, "72"],
    ],
    [
      "73 refund of a cancelled payment",
      async () => {
        await paid(client, "e73", 1000);
        await client.cancelPayment({ orderId: "e73", transactionText: "x" });
        return client.refundPayment({ orderId: "e73", amount: 100, transactionText: "x", requestId: "e73" });
      },
      [400, "73"],
    ],
    [
      "71 over-refund",
      async () => {
        await paid(kioskClient, "e71", 1000);
        return kioskClient.refundPayment({ orderId: "e71", amount: 5000, transactionText: "x", requestId: "e71" });
      },
      [400, "71"],
    ],
    [
      "91 capture of a voided payment",
      async () => {
        await paid(client, "e91", 1000);
        await client.cancelPayment({ orderId: "e91", transactionText: "x" });
        return client.capturePayment({ orderId: "e91", transactionText: "x", requestId: "e91" });
      },
      [400, "91"],
    ],
    [
      "93 same X-Request-Id, another body",
      async () => {
        await paid(client, "e93", 5000);
        await client.capturePayment({ orderId: "e93", amount: 100, transactionText: "x", requestId: "e93" });
        return client.capturePayment({ orderId: "e93", amount: 200, transactionText: "x", requestId: "e93" });
      },
      [400, "93"],
    ],
    [
      "38 skipLandingPage for a sales unit not allowed to",
      async () =>
        client.initiatePayment({
          ...base,
          orderId: "e38",
          amount: 100,
          mobileNumber: "91234567",
          skipLandingPage: true,
        }),
      [400, "38"],
    ],
    [
      "81 unknown phone number",
      async () => client.initiatePayment({ ...base, orderId: "e81", amount: 100, mobileNumber: "00000000" }),
      [400, "81"],
    ],
  ])("%s", async (_name, call, expected) => {
    expect(await codeOf(call())).toEqual(expected);
  });

  it("98 after 180 days and 95 after 365 days on the simulator's clock", async () => {
    await paid(client, "old", 5000);
    await client.capturePayment({ orderId: "old", amount: 1000, transactionText: "x", requestId: "old-c" });
    const later = (days: number) => control.setClock(Date.now() + days * 86_400_000);
    const aged = (days: number) => make(shop, { now: () => Date.now() + days * 86_400_000 });
    try {
      await later(181);
      expect(
        await codeOf(aged(181).capturePayment({ orderId: "old", transactionText: "x", requestId: "old-late" })),
      ).toEqual([400, "98"]);
      await later(366);
      expect(
        await codeOf(
          aged(366).refundPayment({ orderId: "old", amount: 100, transactionText: "x", requestId: "old-r" }),
        ),
      ).toEqual([400, "95"]);
    } finally {
      await control.setClock(Date.now());
    }
  });

  it("a wrong subscription key or secret fails the token call; nothing is sent with a bad token", async () => {
    const wrongKey = make({ ...shop, subscriptionKey: "f".repeat(32) });
    const e = await failure(wrongKey.getPaymentDetails("op-1"));
    expect([e.httpStatus, e.operation]).toEqual([401, "accessToken"]);
    const wrongSecret = make({ ...shop, clientSecret: "nope-nope-nope" });
    const t = await failure(wrongSecret.fetchAccessToken());
    expect([t.kind, t.httpStatus]).toEqual(["token", 401]);
    expect(t.message).not.toContain("nope-nope-nope");
  });

  it("the client refuses what the API would reject, naming the field, before sending anything", async () => {
    const before = sink.records.length;
    for (const [input, field] of [
      [{ ...base, orderId: "x".repeat(51), amount: 100 }, "orderId"],
      [{ ...base, orderId: "ok", amount: 100.5 }, "amount"],
      [{ ...base, orderId: "ok", amount: 99 }, "amount"],
    ] as const) {
      const e = await failure(client.initiatePayment(input));
      expect([e.kind, (e as EcomError & { field?: string }).field]).toEqual(["validation", field]);
    }
    expect(sink.records.length).toBe(before);
  });
});

describe("fault injection and safe retries", () => {
  const inject = (endpoint: string, mode: string, extra: Record<string, unknown> = {}) =>
    control.fault({ msn: shop.msn, endpoint, mode, count: 1, ...extra });
  const captured = async (orderId: string) =>
    (await client.getPaymentDetails(orderId)).transactionSummary?.capturedAmount;

  it("retries details after a 500 and after a 429", async () => {
    await paid(client, "flt-1");
    await inject("details", "error500");
    expect((await client.getPaymentDetails("flt-1")).orderId).toBe("flt-1");
    await inject("details", "rateLimit429");
    expect((await client.getPaymentDetails("flt-1")).orderId).toBe("flt-1");
    const tries = sink.records.filter((r) => r.operation === "details" && r.orderId === "flt-1").slice(-4);
    expect(tries.map((r) => [r.httpStatus, r.attempt])).toEqual([
      [500, 1],
      [200, 2],
      [429, 1],
      [200, 2],
    ]);
  });

  it("retries a capture with the same X-Request-Id after 94, a reset and a lost response, and captures once", async () => {
    await paid(client, "flt-2", 10000);
    for (const [mode, id] of [
      ["locked94", "c-94"],
      ["reset", "c-reset"],
      ["lostResponse", "c-lost"],
      ["error500", "c-500"],
    ] as const) {
      await inject("capture", mode);
      await client.capturePayment({ orderId: "flt-2", amount: 1000, transactionText: "x", requestId: id });
      const attempts = sink.records.filter((r) => r.requestId === id);
      expect(attempts.length, mode).toBe(2);
      expect(new Set(attempts.map((r) => r.requestId))).toEqual(new Set([id]));
    }
    expect(await captured("flt-2")).toBe(4000);
  });

  it("gives up on a capture that keeps timing out, saying the outcome is unknown", async () => {
    await paid(client, "flt-3");
    const slow = make(shop, { timeouts: { capture: 200 } });
    await control.fault({ msn: shop.msn, endpoint: "capture", mode: "latency", latencyMs: 600, count: 3 });
    const e = await failure(
      slow.capturePayment({ orderId: "flt-3", amount: 1000, transactionText: "x", requestId: "c-slow" }),
    );
    expect([e.kind, e.outcomeUnknown]).toEqual(["timeout", true]);
    await control.clearFaults();
    // The same key later gets the stored answer: the first attempt did capture.
    await new Promise((r) => setTimeout(r, 700));
    await client.capturePayment({ orderId: "flt-3", amount: 1000, transactionText: "x", requestId: "c-slow" });
    expect(await captured("flt-3")).toBe(1000);
  });

  it("never retries an initiate", async () => {
    await inject("initiate", "error500");
    const e = await failure(client.initiatePayment({ ...base, orderId: "flt-4", amount: 1000 }));
    expect(e.httpStatus).toBe(500);
    expect(sink.records.filter((r) => r.operation === "initiate" && r.httpStatus === 500)).toHaveLength(1);
  });

  it("surfaces a chosen Vipps error (74: not enough money in the settlement account) without retrying", async () => {
    await paid(kioskClient, "flt-5");
    await control.fault({ msn: kiosk.msn, endpoint: "refund", mode: "vippsError", errorCode: "74", count: 1 });
    const e = await failure(
      kioskClient.refundPayment({ orderId: "flt-5", amount: 100, transactionText: "x", requestId: "r-74" }),
    );
    expect([e.httpStatus, e.errorGroup, e.errorCode]).toEqual([400, "Payment", "74"]);
    expect(sink.records.filter((r) => r.requestId === "r-74")).toHaveLength(1);
  });
});
