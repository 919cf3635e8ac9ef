import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EcomValidationError, type EcomClient } from "@/lib/ecom";
import { startStub, stubClient, type Stub } from "../helpers/ecom-stub";

let stub: Stub;
let fetchCalls = 0;
beforeAll(async () => {
  stub = await startStub();
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.requests.length = 0;
  fetchCalls = 0;
});

function client(environment: "simulator" | "test" | "production" = "simulator"): EcomClient {
  return stubClient(stub, {
    salesUnit: {
      msn: "212345",
      environment,
      credentials: { clientId: "id", clientSecret: "secret", subscriptionKey: "key" },
    },
    // https is required for production base URLs; the call never gets that far anyway.
    baseUrl: environment === "production" ? "https://127.0.0.1:9" : stub.url,
    fetch: (input, init) => {
      fetchCalls += 1;
      return fetch(input, init);
    },
  }).client;
}

const good = {
  orderId: "order-1",
  amount: 20000,
  transactionText: "Socks",
  callbackPrefix: "https://shop.example/vipps",
  fallBack: "https://shop.example/done",
};

async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await call.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(EcomValidationError);
  expect(fetchCalls).toBe(0);
  expect(stub.requests).toHaveLength(0);
  return (error as EcomValidationError).field;
}

const text = (n: number) => "x".repeat(n);

describe("client-side validation sends nothing", () => {
  it.each([
    [{ amount: 199.5 }, "amount"],
    [{ amount: 99 }, "amount"],
    [{ amount: "20000" }, "amount"],
    [{ amount: Number.NaN }, "amount"],
    [{ amount: 2 ** 53 }, "amount"],
    [{ orderId: text(51) }, "orderId"],
    [{ orderId: "order_1" }, "orderId"],
    [{ orderId: "ordre-ø" }, "orderId"],
    [{ orderId: "" }, "orderId"],
    [{ transactionText: text(101) }, "transactionText"],
    [{ transactionText: "   " }, "transactionText"],
    [{ callbackPrefix: "http://shop.example/vipps" }, "callbackPrefix"],
    [{ callbackPrefix: `https://shop.example/${text(250)}` }, "callbackPrefix"],
    [{ fallBack: "javascript:alert(1)" }, "fallBack"],
    [{ fallBack: "not a url" }, "fallBack"],
    [{ mobileNumber: "+4791234567" }, "mobileNumber"],
    [{ mobileNumber: "9123456" }, "mobileNumber"],
    [{ paymentType: "eComm Express Payment" }, "consentRemovalPrefix"],
    [{ skipLandingPage: true }, "mobileNumber"],
    [{ scope: ["name", "shoeSize"] }, "scope"],
  ])("initiate refuses %j (field %s)", async (override, field) => {
    expect(await refusal(client().initiatePayment({ ...good, ...override } as typeof good))).toBe(field);
  });

  it("accepts the edges: amount 100, 50-character orderId, 100-character text, custom-scheme fallBack", async () => {
    stub.on("POST /ecomm/v2/payments", () => ({ body: { orderId: text(50), url: "https://x" } }));
    await client().initiatePayment({
      ...good,
      amount: 100,
      orderId: "A-".repeat(25),
      transactionText: text(100),
      fallBack: "myapp://done",
    });
    expect(stub.apiRequests()).toHaveLength(1);
  });

  it("allows http://localhost callbacks only for the simulator", async () => {
    const local = { ...good, callbackPrefix: "http://localhost:3000/cb", fallBack: "http://127.0.0.1:3000/done" };
    expect(await refusal(client("test").initiatePayment(local))).toBe("callbackPrefix");
    expect(await refusal(client("test").initiatePayment({ ...local, callbackPrefix: good.callbackPrefix }))).toBe(
      "fallBack",
    );
  });

  it.each([
    [{ amount: 0 }, "amount"],
    [{ amount: -100 }, "amount"],
    [{ amount: 10.5 }, "amount"],
    [{ requestId: text(41) }, "requestId"],
    [{ requestId: "" }, "requestId"],
    [{ requestId: "has space" }, "requestId"],
    [{ requestId: undefined }, "requestId"],
    [{ transactionText: undefined }, "transactionText"],
    [{ orderId: "a/b" }, "orderId"],
  ])("capture and refund refuse %j (field %s)", async (override, field) => {
    const input = { orderId: "order-1", amount: 1000, transactionText: "Shipped", requestId: "req-1", ...override } as {
      orderId: string;
      transactionText: string;
      requestId: string;
    };
    expect(await refusal(client().capturePayment(input))).toBe(field);
    expect(await refusal(client().refundPayment(input))).toBe(field);
  });

  it("cancel refuses a long text and a bad optional X-Request-Id", async () => {
    expect(await refusal(client().cancelPayment({ orderId: "order-1", transactionText: text(101) }))).toBe(
      "transactionText",
    );
    expect(
      await refusal(client().cancelPayment({ orderId: "order-1", transactionText: "t", requestId: text(41) })),
    ).toBe("requestId");
  });

  it("details refuses a bad orderId", async () => {
    expect(await refusal(client().getPaymentDetails("../admin"))).toBe("orderId");
  });

  it("force-approve is refused in production and checks the phone number", async () => {
    expect(await refusal(client("production").approvePaymentIntegrationTest({ orderId: "order-1", token: "t" }))).toBe(
      "environment",
    );
    expect(
      await refusal(
        client().approvePaymentIntegrationTest({ orderId: "order-1", token: "t", customerPhoneNumber: "12" }),
      ),
    ).toBe("customerPhoneNumber");
  });

  it("names the field in the message without echoing the value", async () => {
    const error: unknown = await client()
      .initiatePayment({ ...good, mobileNumber: "4798765432" })
      .catch((e: unknown) => e);
    if (!(error instanceof EcomValidationError)) throw new Error("expected a validation error");
    expect(error.message).toMatch(/mobileNumber/);
    expect(error.message).not.toContain("4798765432");
    expect(error).toMatchObject({ kind: "validation", retryable: false, outcomeUnknown: false, attempts: 0 });
  });
});
