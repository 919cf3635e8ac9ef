// The remedy catalogue on errors as our client really logs them: the eCom client against the
// simulator, each failure provoked once, and every logged error record given to remedyFor exactly as
// the API log holds it (status, group, code, message, network error, operation).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remedyFor, type RemedyId } from "@/lib/api-errors/remedies";
import { MemoryApiLogSink, type ApiCallRecord } from "@/lib/api-log/types";
import { createEcomClient, TokenCache, type EcomClient, type EcomClientOptions } from "@/lib/ecom";
import { SimControl, type SimUnit } from "@/lib/seed/sim-control";
import { startSimulator, type Simulator } from "@/simulator/server";

let sim: Simulator;
let control: SimControl;
let shop: SimUnit;
let other: SimUnit;
let sink: MemoryApiLogSink;

const make = (u: SimUnit, over: Partial<EcomClientOptions> = {}): EcomClient =>
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

const base = {
  callbackPrefix: "https://shop.example/vipps",
  fallBack: "https://shop.example/done",
  transactionText: "Fjellsko",
};

beforeAll(async () => {
  sim = await startSimulator();
  control = new SimControl(sim.url);
  shop = await control.createUnit("334455", "Shop", "reserve");
  other = await control.createUnit("334456", "Other", "reserve");
  sink = new MemoryApiLogSink();
});
afterAll(async () => sim.close());

/** Runs a call that must fail and returns the remedy of its last logged attempt. */
async function remedyOfFailure(call: () => Promise<unknown>): Promise<RemedyId> {
  const before = sink.records.length;
  await expect(call()).rejects.toThrow();
  const last: ApiCallRecord | undefined = sink.records.slice(before).at(-1);
  expect(last).toBeDefined();
  return remedyFor(last!).id;
}

async function paid(c: EcomClient, orderId: string, amount = 10000) {
  const { url } = await c.initiatePayment({ ...base, orderId, amount });
  await c.approvePaymentIntegrationTest({ orderId, token: new URL(url).searchParams.get("token")! });
}

describe("remedies for the errors our client logs", () => {
  it("Vipps error codes", async () => {
    const c = make(shop);
    await paid(c, "rem-1", 10000);
    const capture = (amount: number, requestId: string) =>
      c.capturePayment({ orderId: "rem-1", amount, transactionText: "x", requestId });
    expect(await remedyOfFailure(() => capture(20000, "c-too-much"))).toBe("vipps.Payment.61");
    expect(
      await remedyOfFailure(() =>
        c.refundPayment({ orderId: "rem-1", amount: 100, transactionText: "x", requestId: "r-1" }),
      ),
    ).toBe("vipps.Payment.72");
    await capture(1000, "c-ok");
    expect(
      await remedyOfFailure(() =>
        c.refundPayment({ orderId: "rem-1", amount: 5000, transactionText: "x", requestId: "r-2" }),
      ),
    ).toBe("vipps.Payment.71");
    expect(await remedyOfFailure(() => c.initiatePayment({ ...base, orderId: "rem-1", amount: 1000 }))).toBe(
      "vipps.Merchant.34",
    );
    expect(await remedyOfFailure(() => make(other).getPaymentDetails("rem-1"))).toBe("vipps.Merchant.35");
  });

  it("the gateway's 401s, in both body formats, and the token endpoint's", async () => {
    for (const gatewayErrorFormat of ["azure", "apim"]) {
      await control.patchSettings({ gatewayErrorFormat });
      const wrongKey = make({ ...shop, subscriptionKey: "f".repeat(32) });
      expect(await remedyOfFailure(() => wrongKey.getPaymentDetails("rem-1")), gatewayErrorFormat).toBe(
        "gateway.401.subscription-key-invalid",
      );
      // The body's statusCode / responseCode only repeats the status: logged without a code.
      expect(sink.records.at(-1), gatewayErrorFormat).toMatchObject({ httpStatus: 401, errorCode: null });
    }
    await control.patchSettings({ gatewayErrorFormat: "azure" });
    const wrongSecret = make({ ...shop, clientSecret: "nope-nope-nope" });
    expect(await remedyOfFailure(() => wrongSecret.fetchAccessToken())).toBe("token.invalid-client");
  });

  it("429, 500/99, 94 and a reset from fault injection", async () => {
    const c = make(shop);
    await paid(c, "rem-2", 10000);
    const inject = (endpoint: string, mode: string) => control.fault({ msn: shop.msn, endpoint, mode, count: 5 });
    const cases: [string, string, RemedyId][] = [
      ["details", "rateLimit429", "http.429"],
      ["details", "error500", "vipps.VippsError.99"],
      ["capture", "locked94", "vipps.VippsError.94"],
      ["capture", "reset", "network.reset"],
    ];
    for (const [endpoint, mode, id] of cases) {
      await control.clearFaults();
      await inject(endpoint, mode);
      const call =
        endpoint === "details"
          ? () => c.getPaymentDetails("rem-2")
          : () => c.capturePayment({ orderId: "rem-2", amount: 100, transactionText: "x", requestId: `c-${mode}` });
      expect(await remedyOfFailure(call), mode).toBe(id);
    }
    await control.clearFaults();
  });

  it("no error record our client logged got the generic remedy", () => {
    const errors = sink.records.filter((r) => r.networkError !== null || (r.httpStatus ?? 0) >= 400);
    expect(errors.length).toBeGreaterThan(8);
    for (const r of errors)
      expect(remedyFor(r).id, `${r.operation} ${r.httpStatus} ${r.errorMessage}`).not.toBe("generic");
  });
});
