import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiCallRecord } from "@/lib/api-log/types";
import { detailsBody, fakeJwt, paymentBody, SECRETS, startStub, stubClient, type Stub } from "../helpers/ecom-stub";

let stub: Stub;
beforeAll(async () => {
  stub = await startStub();
  stub.on("GET /ecomm/v2/payments/{orderId}/details", () => ({ body: detailsBody("o-1") }));
  stub.on("POST /ecomm/v2/payments", () => ({
    body: {
      orderId: "o-1",
      url: `https://apitest.vipps.no/dwo-api-application/v1/deeplink/vippsgateway?v=2&token=${fakeJwt(99)}`,
    },
  }));
  stub.on("POST /ecomm/v2/integration-test/payments/{orderId}/approve", () => ({ raw: "" }));
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.requests.length = 0;
});

describe("API call log records", () => {
  it("one record per attempt, the token call included, with a templated path", async () => {
    let clock = 1_700_000_000_000;
    const { client, sink } = stubClient(stub, { now: () => (clock += 5) });
    await client.getPaymentDetails("o-1");
    const [token, details] = sink.records;
    expect(sink.records).toHaveLength(2);
    expect(token).toMatchObject({
      operation: "accessToken",
      method: "POST",
      path: "/accesstoken/get",
      orderId: null,
      httpStatus: 200,
      msn: "212345",
    });
    expect(details).toEqual<ApiCallRecord>({
      at: expect.any(Date) as Date,
      msn: "212345",
      environment: "simulator",
      operation: "details",
      method: "GET",
      path: "/ecomm/v2/payments/{orderId}/details",
      orderId: "o-1",
      httpStatus: 200,
      errorGroup: null,
      errorCode: null,
      errorMessage: null,
      contextId: null,
      networkError: null,
      durationMs: expect.any(Number) as number, // real elapsed time (performance.now), not the injected clock
      attempt: 1,
      requestId: null,
      requestBody: null,
      responseBody: expect.objectContaining({ orderId: "o-1" }) as ApiCallRecord["responseBody"],
    });
  });

  it("records the Vipps error fields and the X-Request-Id of a failed capture", async () => {
    stub.on("POST /ecomm/v2/payments/{orderId}/capture", () => ({
      status: 400,
      body: [{ errorGroup: "Payment", errorCode: "61", errorMessage: "Too much", contextId: "ctx-61" }],
    }));
    const { client, sink } = stubClient(stub);
    await client
      .capturePayment({ orderId: "o-1", amount: 1000, transactionText: "t", requestId: "cap-1" })
      .catch(() => {});
    expect(sink.records.at(-1)).toMatchObject({
      operation: "capture",
      path: "/ecomm/v2/payments/{orderId}/capture",
      httpStatus: 400,
      errorGroup: "Payment",
      errorCode: "61",
      errorMessage: "Too much",
      contextId: "ctx-61",
      requestId: "cap-1",
      requestBody: {
        merchantInfo: { merchantSerialNumber: "212345" },
        transaction: { amount: 1000, transactionText: "t" },
      },
    });
  });

  it("masks secrets, tokens and phone numbers in every logged body", async () => {
    const { client, sink } = stubClient(stub);
    await client.fetchAccessToken();
    await client.initiatePayment({
      orderId: "o-1",
      amount: 20000,
      transactionText: "Socks",
      callbackPrefix: "https://shop.example/cb",
      fallBack: "https://shop.example/done",
      mobileNumber: "91234567",
      authToken: "callback-auth-token-value",
    });
    await client.getPaymentDetails("o-1");
    await client.approvePaymentIntegrationTest({ orderId: "o-1", token: fakeJwt(99), customerPhoneNumber: "98765432" });
    const logged = JSON.stringify(sink.records);
    for (const secret of [
      SECRETS.clientSecret,
      SECRETS.subscriptionKey,
      "eyJ",
      "91234567",
      "98765432",
      "callback-auth-token-value",
    ]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).toContain("******67");
    expect(logged).toContain("******32");
    expect(sink.records[0]?.responseBody).toMatchObject({
      access_token: "[masked]",
      token_type: "Bearer",
      expires_in: "3600",
    });
    const initiate = sink.records.find((r) => r.operation === "initiate");
    expect(initiate?.requestBody).toMatchObject({
      customerInfo: { mobileNumber: "******67" },
      merchantInfo: { authToken: "[masked]" },
    });
    expect(initiate?.responseBody).toMatchObject({ url: expect.stringContaining("token=[masked]") as string });
  });

  it("a sink that throws never breaks the call", async () => {
    stub.on("POST /ecomm/v2/payments/{orderId}/capture", () => ({ body: paymentBody("o-1") }));
    const { client } = stubClient(stub, {
      sink: {
        record: () => {
          throw new Error("disk full");
        },
      },
    });
    await expect(
      client.capturePayment({ orderId: "o-1", transactionText: "t", requestId: "cap-2" }),
    ).resolves.toMatchObject({ orderId: "o-1" });
  });

  it("logs a non-JSON error body as masked text", async () => {
    stub.on("GET /ecomm/v2/payments/{orderId}/details", () => ({
      status: 502,
      raw: `<h1>Bad gateway</h1> Bearer ${fakeJwt(5)}`,
    }));
    const { client, sink } = stubClient(stub, { retry: { maxAttempts: 1 } });
    await client.getPaymentDetails("o-1").catch(() => {});
    expect(sink.records.at(-1)).toMatchObject({
      httpStatus: 502,
      responseBody: "<h1>Bad gateway</h1> Bearer [masked]",
      errorMessage: "details: HTTP 502",
    });
  });
});
