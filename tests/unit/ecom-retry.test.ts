import { describe, expect, it } from "vitest";
import { EcomError } from "@/lib/ecom";
import { detailsBody, paymentBody, stubTestBed, stubClient, type Stub, type StubReply } from "../helpers/ecom-stub";

let stub: Stub;
stubTestBed((s) => (stub = s));

const serverError: StubReply = {
  status: 500,
  body: [{ errorGroup: "VippsError", errorCode: "99", errorMessage: "Internal error", contextId: "c" }],
};
const locked: StubReply = {
  status: 400,
  body: [{ errorGroup: "VippsError", errorCode: "94", errorMessage: "Order locked", contextId: "c" }],
};
const capture = { orderId: "o-1", amount: 1000, transactionText: "Shipped", requestId: "cap-o-1-a" };
// Short client timeouts and slow stub replies make a real timeout in a few hundred milliseconds.
const fast = { timeouts: { capture: 150, initiate: 150, details: 150, cancel: 150 } };

/** The first `failures` calls answer `bad`, the rest `good`. */
function flaky(failures: number, bad: StubReply, good: StubReply) {
  return (_req: unknown, n: number) => (n <= failures ? bad : good);
}

describe("retries: details (a read)", () => {
  it("retries a 500 and succeeds, with growing backoff", async () => {
    stub.on("GET /ecomm/v2/payments/{orderId}/details", flaky(2, serverError, { body: detailsBody("o-1") }));
    const { client, sleeps, sink } = stubClient(stub);
    await expect(client.getPaymentDetails("o-1")).resolves.toMatchObject({ orderId: "o-1" });
    expect(stub.apiRequests()).toHaveLength(3);
    expect(sleeps).toEqual([250, 500]);
    expect(sink.records.filter((r) => r.operation === "details").map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  it("stops after maxAttempts and reports how many were made", async () => {
    stub.on("GET /ecomm/v2/payments/{orderId}/details", () => serverError);
    const { client } = stubClient(stub, { retry: { maxAttempts: 4 } });
    const e = await client.getPaymentDetails("o-1").catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: "vipps", httpStatus: 500, attempts: 4 });
    expect(stub.apiRequests()).toHaveLength(4);
  });

  it("honours Retry-After on 429, but gives up when it asks for too long", async () => {
    const busy = {
      status: 429,
      headers: { "retry-after": "2" },
      body: { statusCode: 429, message: "Rate limit is exceeded." },
    };
    stub.on("GET /ecomm/v2/payments/{orderId}/details", flaky(1, busy, { body: detailsBody("o-1") }));
    const first = stubClient(stub);
    await first.client.getPaymentDetails("o-1");
    expect(first.sleeps).toEqual([2000]);

    stub.on("GET /ecomm/v2/payments/{orderId}/details", () => ({ ...busy, headers: { "retry-after": "60" } }));
    const second = stubClient(stub);
    await expect(second.client.getPaymentDetails("o-1")).rejects.toMatchObject({
      httpStatus: 429,
      retryAfterMs: 60_000,
      attempts: 1,
    });
  });

  it("retries a timeout", async () => {
    stub.on(
      "GET /ecomm/v2/payments/{orderId}/details",
      flaky(1, { body: detailsBody("o-1"), delayMs: 400 }, { body: detailsBody("o-1") }),
    );
    const { client, sink } = stubClient(stub, fast);
    await expect(client.getPaymentDetails("o-1")).resolves.toMatchObject({ orderId: "o-1" });
    const details = sink.records.filter((r) => r.operation === "details");
    expect(details.map((r) => [r.httpStatus, r.networkError])).toEqual([
      [null, "timeout after 150 ms"],
      [200, null],
    ]);
  });

  it("does not retry a 404", async () => {
    stub.on("GET /ecomm/v2/payments/{orderId}/details", () => ({
      status: 404,
      body: [
        {
          errorGroup: "Merchant",
          errorCode: "35",
          errorMessage: "The orderId 'o-1' does not exist for MSN 212345.",
          contextId: "c",
        },
      ],
    }));
    const { client } = stubClient(stub);
    await expect(client.getPaymentDetails("o-1")).rejects.toMatchObject({ errorCode: "35", attempts: 1 });
  });
});

describe("retries: capture and refund (same X-Request-Id only)", () => {
  it("after a timeout, repeats the capture with the same X-Request-Id", async () => {
    stub.on(
      "POST /ecomm/v2/payments/{orderId}/capture",
      flaky(1, { body: paymentBody("o-1"), delayMs: 400 }, { body: paymentBody("o-1") }),
    );
    const { client } = stubClient(stub, fast);
    await expect(client.capturePayment(capture)).resolves.toMatchObject({ transactionInfo: { status: "Captured" } });
    const sent = stub.apiRequests();
    expect(sent).toHaveLength(2);
    expect(sent.map((r) => r.headers["x-request-id"])).toEqual(["cap-o-1-a", "cap-o-1-a"]);
    expect(sent[1]?.body).toEqual(sent[0]?.body);
  });

  it("repeats after VippsError 94 (order locked) and after a 500", async () => {
    const { transactionInfo, ...rest } = paymentBody("o-1");
    const refunded = { body: { ...rest, transaction: { ...transactionInfo, status: "Refund" } } };
    stub.on("POST /ecomm/v2/payments/{orderId}/refund", (_req, n) =>
      n === 1 ? locked : n === 2 ? serverError : refunded,
    );
    const { client } = stubClient(stub);
    await client.refundPayment({ ...capture, requestId: "ref-o-1-a" });
    expect(stub.apiRequests().map((r) => r.headers["x-request-id"])).toEqual(["ref-o-1-a", "ref-o-1-a", "ref-o-1-a"]);
  });

  it("does not repeat a business refusal", async () => {
    stub.on("POST /ecomm/v2/payments/{orderId}/capture", () => ({
      status: 400,
      body: [
        {
          errorGroup: "Payment",
          errorCode: "61",
          errorMessage: "The total capture amount exceeds the reserved amount.",
          contextId: "c",
        },
      ],
    }));
    const { client } = stubClient(stub);
    await expect(client.capturePayment(capture)).rejects.toMatchObject({
      errorCode: "61",
      retryable: false,
      attempts: 1,
    });
    expect(stub.apiRequests()).toHaveLength(1);
  });

  it("marks an unanswered capture as outcome unknown after the last attempt", async () => {
    stub.on("POST /ecomm/v2/payments/{orderId}/capture", () => ({ body: paymentBody("o-1"), delayMs: 400 }));
    const { client } = stubClient(stub, { ...fast, retry: { maxAttempts: 2 } });
    const e = await client.capturePayment(capture).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EcomError);
    expect(e).toMatchObject({ kind: "timeout", outcomeUnknown: true, attempts: 2 });
  });
});

describe("retries: initiate and cancel", () => {
  const initiate = {
    orderId: "o-2",
    amount: 1000,
    transactionText: "Socks",
    callbackPrefix: "https://s.example/cb",
    fallBack: "https://s.example/done",
  };

  it("never repeats initiate after a 500", async () => {
    stub.on("POST /ecomm/v2/payments", () => serverError);
    const { client, sleeps } = stubClient(stub);
    await expect(client.initiatePayment(initiate)).rejects.toMatchObject({ httpStatus: 500, attempts: 1 });
    expect(stub.apiRequests()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("never repeats initiate after a timeout, and says the outcome is unknown", async () => {
    stub.on("POST /ecomm/v2/payments", () => ({ body: { orderId: "o-2", url: "https://x" }, delayMs: 400 }));
    const { client } = stubClient(stub, fast);
    await expect(client.initiatePayment(initiate)).rejects.toMatchObject({
      kind: "timeout",
      outcomeUnknown: true,
      attempts: 1,
    });
    expect(stub.apiRequests()).toHaveLength(1);
  });

  it("repeats cancel only when it has an X-Request-Id", async () => {
    const cancelled = {
      body: { ...paymentBody("o-1"), transactionInfo: { ...paymentBody("o-1").transactionInfo, status: "Cancelled" } },
    };
    stub.on("PUT /ecomm/v2/payments/{orderId}/cancel", flaky(1, serverError, cancelled));
    const without = stubClient(stub);
    await expect(
      without.client.cancelPayment({ orderId: "o-1", transactionText: "Out of stock" }),
    ).rejects.toMatchObject({ attempts: 1 });
    expect(stub.apiRequests()).toHaveLength(1);

    stub.requests.length = 0;
    stub.on("PUT /ecomm/v2/payments/{orderId}/cancel", flaky(1, serverError, cancelled));
    const withKey = stubClient(stub);
    await withKey.client.cancelPayment({
      orderId: "o-1",
      transactionText: "Out of stock",
      requestId: "can-o-1",
      shouldReleaseRemainingFunds: true,
    });
    expect(stub.apiRequests().map((r) => r.headers["x-request-id"])).toEqual(["can-o-1", "can-o-1"]);
    expect(stub.apiRequests()[0]?.body).toMatchObject({
      shouldReleaseRemainingFunds: true,
      transaction: { transactionText: "Out of stock" },
    });
  });
});
