// Idempotency, rate limits, the user timeout, callbacks, fault injection, partner keys and
// persistence of the simulator.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateCallbackBody } from "../helpers/openapi";
import { errorCode, SimDriver, simulatorTestBed, type Unit } from "../helpers/sim";

let d: SimDriver;
let shop: Unit;
let kiosk: Unit;
simulatorTestBed((bed) => void ({ d, shop, kiosk } = bed));

describe("X-Request-Id idempotency per (MSN, orderId, endpoint)", () => {
  it("replays the stored response for the same id and body, and moves money once", async () => {
    await d.paid(shop, "idem-1", 10000);
    const a = await d.capture(shop, "idem-1", 3000, "req-1");
    const b = await d.capture(shop, "idem-1", 3000, "req-1");
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect((await d.details(shop, "idem-1")).body.transactionSummary?.capturedAmount).toBe(3000);
  });

  it("refuses the same id with another body (93) and treats a new id as a new capture", async () => {
    await d.paid(shop, "idem-2", 10000);
    await d.capture(shop, "idem-2", 3000, "req-1");
    const conflict = await d.capture(shop, "idem-2", 4000, "req-1");
    expect([conflict.status, errorCode(conflict.body)]).toEqual([400, "93"]);
    expect((await d.capture(shop, "idem-2", 3000, "req-2")).status).toBe(200);
    // The same id on another endpoint is another operation.
    expect((await d.refund(shop, "idem-2", 1000, "req-1")).status).toBe(200);
    expect((await d.details(shop, "idem-2")).body.transactionSummary).toMatchObject({
      capturedAmount: 6000,
      refundedAmount: 1000,
    });
  });

  it("remembers refused requests too: a replayed over-refund stays refused", async () => {
    await d.paid(shop, "idem-3", 1000);
    await d.capture(shop, "idem-3", undefined, "c");
    const first = await d.refund(shop, "idem-3", 5000, "r");
    const again = await d.refund(shop, "idem-3", 5000, "r");
    expect([errorCode(first.body), errorCode(again.body)]).toEqual(["71", "71"]);
  });
});

describe("rate limits per orderId", () => {
  it("allows 5 captures a minute on one orderId, then 429 with Retry-After; other orderIds are unaffected", async () => {
    await d.paid(shop, "rate-1", 100000);
    await d.paid(shop, "rate-2", 100000);
    for (let i = 0; i < 5; i++) expect((await d.capture(shop, "rate-1", 100, `r${i}`)).status).toBe(200);
    const limited = await d.capture(shop, "rate-1", 100, "r5");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await d.capture(shop, "rate-2", 100, "x")).status).toBe(200);
  });

  it("allows 2 initiates a minute for one orderId", async () => {
    expect((await d.initiate(shop, "rate-init")).status).toBe(200);
    expect(errorCode((await d.initiate(shop, "rate-init")).body)).toBe("34");
    expect((await d.initiate(shop, "rate-init")).status).toBe(429);
  });
});

describe("callbacks and the user", () => {
  let received: { url: string; headers: IncomingHttpHeaders; body: unknown }[] = [];
  let base = "";
  let close: () => void = () => {};
  beforeAll(async () => {
    const server = createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        received.push({ url: req.url ?? "", headers: req.headers, body: JSON.parse(raw) });
        if (req.url?.includes("slow")) setTimeout(() => res.end(), 4000);
        else res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  const startPayment = async (u: Unit, orderId: string, prefix = `${base}/cb`) => {
    const r = await d.raw("initiate", "POST", "/ecomm/v2/payments", {
      headers: await d.headers(u),
      body: d.initiateBody(u, orderId, 10000, { callbackPrefix: prefix, authToken: "shop-secret-token" }),
    });
    expect(r.status).toBe(200);
  };

  it("posts one callback per outcome to {callbackPrefix}/v2/payments/{orderId}, with the spec's body and the authToken", async () => {
    received = [];
    await startPayment(shop, "cb-ok");
    await d.control("POST", `/payments/${shop.msn}/cb-ok/approve`, { awaitCallback: true });
    await startPayment(kiosk, "cb-sale");
    await d.control("POST", `/payments/${kiosk.msn}/cb-sale/approve`, { awaitCallback: true });
    await startPayment(shop, "cb-no");
    await d.control("POST", `/payments/${shop.msn}/cb-no/reject`, { awaitCallback: true });
    await startPayment(shop, "cb-card");
    await d.control("POST", `/payments/${shop.msn}/cb-card/fail`, {
      reason: "insufficient_funds",
      awaitCallback: true,
    });
    expect(received.map((r) => r.url)).toEqual([
      "/cb/v2/payments/cb-ok",
      "/cb/v2/payments/cb-sale",
      "/cb/v2/payments/cb-no",
      "/cb/v2/payments/cb-card",
    ]);
    expect(received.map((r) => (r.body as { transactionInfo: { status: string } }).transactionInfo.status)).toEqual([
      "RESERVED",
      "SALE",
      "CANCELLED",
      "REJECTED",
    ]);
    expect(received[0]?.headers.authorization).toBe("shop-secret-token");
    expect((received[3]?.body as { errorInfo: { errorCode: string } }).errorInfo.errorCode).toBe("42");
    for (const r of received) expect((await validateCallbackBody(r.body)).errors).toEqual([]);
  });

  it("can use the guide's RESERVE_FAILED spelling instead (a setting; the spec's enum lacks it)", async () => {
    received = [];
    await d.control("PATCH", "/settings", { failedCallbackStatus: "guide" });
    try {
      await startPayment(shop, "cb-guide");
      await d.control("POST", `/payments/${shop.msn}/cb-guide/fail`, { code: "44", awaitCallback: true });
      expect(received[0]?.body).toMatchObject({
        transactionInfo: { status: "RESERVE_FAILED" },
        errorInfo: { errorCode: "44" },
      });
    } finally {
      await d.control("PATCH", "/settings", { failedCallbackStatus: "spec" });
    }
  });

  it("times the user out after 5 + 5 minutes: CANCEL in the log, a REJECTED callback, and no approve afterwards", async () => {
    received = [];
    await startPayment(shop, "cb-timeout");
    await d.control("POST", "/clock", { advanceSeconds: 601 });
    try {
      await expect.poll(() => received.length).toBe(1);
      expect(received[0]?.body).toMatchObject({ orderId: "cb-timeout", transactionInfo: { status: "REJECTED" } });
      expect((await d.details(shop, "cb-timeout")).body.transactionLogHistory[0]).toMatchObject({
        operation: "CANCEL",
      });
      expect((await d.control("POST", `/payments/${shop.msn}/cb-timeout/approve`)).status).toBe(409);
    } finally {
      await d.control("POST", "/clock", { reset: true });
    }
  });

  it("gives the merchant 3 seconds and does not retry", async () => {
    received = [];
    await startPayment(shop, "cb-slow", `${base}/slow`);
    await d.control("POST", `/payments/${shop.msn}/cb-slow/approve`, { awaitCallback: true });
    const log = (await d.control<{ url: string; error?: string; durationMs: number }[]>("GET", "/callbacks")).body;
    const slow = log.find((c) => c.url.endsWith("/cb-slow"));
    expect(slow?.error).toBe("timeout");
    expect(slow?.durationMs).toBeGreaterThanOrEqual(2900);
    expect(received.filter((r) => r.url.endsWith("/cb-slow"))).toHaveLength(1);
  }, 15_000);
});

describe("fault injection per MSN and endpoint", () => {
  const fault = (body: Record<string, unknown>) => d.control("POST", "/faults", { msn: shop.msn, count: 1, ...body });

  it("answers 500/99, 423/94, 429 and a chosen Vipps error once, then works again", async () => {
    await d.paid(shop, "f-1", 10000);
    for (const [mode, status, code] of [
      ["error500", 500, "99"],
      ["locked94", 423, "94"],
      ["rateLimit429", 429, undefined],
    ] as const) {
      await fault({ endpoint: "capture", mode });
      const r = await d.capture(shop, "f-1", 100, `f-${mode}`);
      expect([r.status, errorCode(r.body)]).toEqual([status, code]);
    }
    await fault({ endpoint: "refund", mode: "vippsError", errorCode: "74" });
    await d.capture(shop, "f-1", 1000, "f-ok");
    expect(errorCode((await d.refund(shop, "f-1", 100, "f-74")).body)).toBe("74");
    expect((await d.capture(shop, "f-1", 100, "f-after")).status).toBe(200);
  });

  it("adds latency, resets the connection, and loses a response after applying the operation", async () => {
    await d.paid(shop, "f-2", 10000);
    await fault({ endpoint: "details", mode: "latency", latencyMs: 300 });
    const started = Date.now();
    expect((await d.details(shop, "f-2")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await fault({ endpoint: "capture", mode: "reset" });
    await expect(d.capture(shop, "f-2", 1000, "reset-1")).rejects.toThrow();
    expect((await d.details(shop, "f-2")).body.transactionSummary?.capturedAmount).toBe(0);
    await fault({ endpoint: "capture", mode: "lostResponse" });
    await expect(d.capture(shop, "f-2", 1000, "lost-1")).rejects.toThrow();
    expect((await d.details(shop, "f-2")).body.transactionSummary?.capturedAmount).toBe(1000);
    // The retry with the same X-Request-Id gets the stored answer and captures nothing more.
    expect((await d.capture(shop, "f-2", 1000, "lost-1")).status).toBe(200);
    expect((await d.details(shop, "f-2")).body.transactionSummary?.capturedAmount).toBe(1000);
  });

  it("only hits the MSN it was set for", async () => {
    await d.control("POST", "/faults", { msn: shop.msn, endpoint: "details", mode: "error500" });
    await d.paid(kiosk, "f-3");
    expect((await d.details(kiosk, "f-3")).status).toBe(200);
    await d.control("DELETE", "/faults");
  });
});

describe("partner keys", () => {
  it("act for the MSNs named in Merchant-Serial-Number and no others", async () => {
    const partner = (
      await d.control<{ clientId: string; clientSecret: string; subscriptionKey: string }>("POST", "/partners", {
        msns: [shop.msn],
      })
    ).body;
    const t = await d.raw<{ access_token: string }>("token", "POST", "/accesstoken/get", {
      headers: {
        client_id: partner.clientId,
        client_secret: partner.clientSecret,
        "Ocp-Apim-Subscription-Key": partner.subscriptionKey,
      },
    });
    await d.paid(shop, "partner-1");
    const h = { Authorization: `Bearer ${t.body.access_token}`, "Ocp-Apim-Subscription-Key": partner.subscriptionKey };
    expect(
      (
        await d.raw("details", "GET", "/ecomm/v2/payments/partner-1/details", {
          headers: { ...h, "Merchant-Serial-Number": shop.msn },
        })
      ).status,
    ).toBe(200);
    expect((await d.raw("details", "GET", "/ecomm/v2/payments/partner-1/details", { headers: h })).status).toBe(403);
    expect(
      (
        await d.raw("details", "GET", "/ecomm/v2/payments/partner-1/details", {
          headers: { ...h, "Merchant-Serial-Number": kiosk.msn },
        })
      ).status,
    ).toBe(403);
  });
});

describe("persistence", () => {
  it("keeps sales units, payments and tokens across a restart", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "sim-")), "state.json");
    const first = await SimDriver.start(file);
    const u = await first.unit("reserve");
    await first.paid(u, "persist-1", 4200);
    const token = await first.token(u);
    await first.close();
    const second = await SimDriver.start(file);
    try {
      const r = await second.raw<{ transactionSummary: { remainingAmountToCapture: number } }>(
        "details",
        "GET",
        "/ecomm/v2/payments/persist-1/details",
        {
          headers: { Authorization: `Bearer ${token}`, "Ocp-Apim-Subscription-Key": u.subscriptionKey },
        },
      );
      expect(r.status).toBe(200);
      expect(r.body.transactionSummary.remainingAmountToCapture).toBe(4200);
    } finally {
      await second.close();
    }
  });
});
