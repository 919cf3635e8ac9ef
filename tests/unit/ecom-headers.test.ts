import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MemoryApiLogSink } from "@/lib/api-log/types";
import { createEcomClient, defaultBaseUrl, EcomValidationError, TokenCache } from "@/lib/ecom";
import { env } from "@/lib/env";
import { detailsBody, fakeJwt, paymentBody, SECRETS, startStub, stubClient, type Stub } from "../helpers/ecom-stub";

let stub: Stub;
beforeAll(async () => {
  stub = await startStub();
  stub.on("GET /ecomm/v2/payments/{orderId}/details", () => ({ body: detailsBody("o-1") }));
  stub.on("POST /ecomm/v2/payments/{orderId}/capture", () => ({ body: paymentBody("o-1") }));
  stub.on("POST /ecomm/v2/payments", () => ({ body: { orderId: "o-1", url: "https://x.test/?token=abc" } }));
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.requests.length = 0;
});

describe("eCom client headers", () => {
  it("sends the credentials only to the token call, and no Authorization there", async () => {
    const { client } = stubClient(stub);
    await client.getPaymentDetails("o-1");
    const [token, details] = stub.requests;
    expect(token?.method).toBe("POST");
    expect(token?.headers).toMatchObject({
      client_id: SECRETS.clientId,
      client_secret: SECRETS.clientSecret,
      "ocp-apim-subscription-key": SECRETS.subscriptionKey,
      "merchant-serial-number": "212345",
      "vipps-system-name": "merchant-ops",
    });
    expect(token?.headers.authorization).toBeUndefined();
    expect(details?.headers).toMatchObject({
      authorization: `Bearer ${fakeJwt(1)}`,
      "ocp-apim-subscription-key": SECRETS.subscriptionKey,
      "merchant-serial-number": "212345",
      "vipps-system-name": "merchant-ops",
      "vipps-system-version": "0.1.0",
      "vipps-system-plugin-name": "ops-ecom",
      "vipps-system-plugin-version": "1.0.0",
    });
    expect(details?.headers.client_secret).toBeUndefined();
    // A GET has no body, so no Content-Type and no X-Request-Id.
    expect(details?.headers["content-type"]).toBeUndefined();
    expect(details?.headers["x-request-id"]).toBeUndefined();
  });

  it("sends X-Request-Id and a JSON body with the MSN as a string on capture", async () => {
    const { client } = stubClient(stub);
    await client.capturePayment({ orderId: "o-1", amount: 5000, transactionText: "Shipped", requestId: "cap-o-1-1" });
    const capture = stub.apiRequests()[0];
    expect(capture?.headers["x-request-id"]).toBe("cap-o-1-1");
    expect(capture?.headers["content-type"]).toBe("application/json");
    expect(capture?.body).toEqual({
      merchantInfo: { merchantSerialNumber: "212345" },
      transaction: { amount: 5000, transactionText: "Shipped" },
    });
  });

  it("leaves out amount for a full capture", async () => {
    const { client } = stubClient(stub);
    await client.capturePayment({ orderId: "o-1", transactionText: "All of it", requestId: "cap-full" });
    expect(stub.apiRequests()[0]?.body).toEqual({
      merchantInfo: { merchantSerialNumber: "212345" },
      transaction: { transactionText: "All of it" },
    });
  });

  it("initiates with fallBack (capital B), a string MSN and no unset fields", async () => {
    const { client } = stubClient(stub);
    await client.initiatePayment({
      orderId: "o-1",
      amount: 20000,
      transactionText: "Socks",
      callbackPrefix: "http://127.0.0.1:3000/api/vipps",
      fallBack: "http://localhost:3000/done",
      mobileNumber: "91234567",
    });
    expect(stub.apiRequests()[0]?.body).toEqual({
      customerInfo: { mobileNumber: "91234567" },
      merchantInfo: {
        merchantSerialNumber: "212345",
        callbackPrefix: "http://127.0.0.1:3000/api/vipps",
        fallBack: "http://localhost:3000/done",
      },
      transaction: { orderId: "o-1", amount: 20000, transactionText: "Socks" },
    });
  });

  it("with partner keys: one token without MSN, and Merchant-Serial-Number per sales unit", async () => {
    const { client } = stubClient(stub, { keyMode: "partner" });
    await client.getPaymentDetails("o-1");
    await client.forMsn("298765").getPaymentDetails("o-1");
    expect(stub.tokenRequests()).toHaveLength(1);
    expect(stub.tokenRequests()[0]?.headers["merchant-serial-number"]).toBeUndefined();
    expect(stub.apiRequests().map((r) => r.headers["merchant-serial-number"])).toEqual(["212345", "298765"]);
  });

  it("refuses another MSN with merchant keys", () => {
    const { client } = stubClient(stub);
    expect(() => client.forMsn("298765")).toThrow(EcomValidationError);
    expect(client.forMsn("212345").msn).toBe("212345");
  });
});

describe("eCom client options", () => {
  const base = {
    salesUnit: { msn: "212345", environment: "test" as const, credentials: SECRETS },
    sink: new MemoryApiLogSink(),
    tokenCache: new TokenCache(),
  };

  it.each([
    [{ system: { name: "x".repeat(31), version: "1" } }, "system.name"],
    [{ system: { name: "ops", version: "1", pluginVersion: "v\r\nX-Evil: 1" } }, "system.pluginVersion"],
    [{ salesUnit: { ...base.salesUnit, msn: "1234" } }, "msn"],
    [{ salesUnit: { ...base.salesUnit, msn: 212345 as unknown as string } }, "msn"],
    [{ salesUnit: { ...base.salesUnit, credentials: { ...SECRETS, clientSecret: "" } } }, "credentials.clientSecret"],
    [
      { salesUnit: { ...base.salesUnit, environment: "production" as const }, baseUrl: "http://api.example" },
      "baseUrl",
    ],
  ])("refuses %j (field %s)", (override, field) => {
    try {
      createEcomClient({ ...base, ...override });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EcomValidationError);
      expect((e as EcomValidationError).field).toBe(field);
      expect(String(e)).not.toContain(SECRETS.clientId);
    }
  });

  it("accepts 30-character system headers", () => {
    expect(() =>
      createEcomClient({ ...base, system: { name: "n".repeat(30), version: "v".repeat(30) } }),
    ).not.toThrow();
  });

  it("knows the base URL of each environment", () => {
    expect(defaultBaseUrl("test")).toBe("https://apitest.vipps.no");
    expect(defaultBaseUrl("production")).toBe("https://api.vipps.no");
    expect(defaultBaseUrl("simulator")).toBe(`http://127.0.0.1:${env().simulatorPort}`);
  });
});
