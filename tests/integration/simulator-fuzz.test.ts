// Nothing a client sends can crash the simulator: random JSON bodies and headers on every Vipps
// path get an answer from the API's set of statuses, and the server keeps serving.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimDriver, type Unit } from "../helpers/sim";

let d: SimDriver;
let shop: Unit;
beforeAll(async () => {
  d = await SimDriver.start();
  shop = await d.unit("reserve");
  // Rate limits would answer most of the storm with 429 and hide the validation paths.
  await d.control("PATCH", "/settings", { rateLimitsEnabled: false });
  await d.paid(shop, "fuzz-paid", 100000);
});
afterAll(async () => d.close());

const ROUTES: [string, string][] = [
  ["POST", "/ecomm/v2/payments"],
  ["GET", "/ecomm/v2/payments/fuzz-paid/details"],
  ["POST", "/ecomm/v2/payments/fuzz-paid/capture"],
  ["PUT", "/ecomm/v2/payments/fuzz-paid/cancel"],
  ["POST", "/ecomm/v2/payments/fuzz-paid/refund"],
  ["POST", "/ecomm/v2/integration-test/payments/fuzz-paid/approve"],
  ["POST", "/accesstoken/get"],
];
const ALLOWED = new Set([200, 400, 401, 403, 404, 409, 423, 429, 500]);

const headerValue = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constant(""),
  fc.string({ minLength: 41, maxLength: 80 }),
);
const anyJson = (msn: string) =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.record({
      merchantInfo: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({ merchantSerialNumber: fc.oneof(fc.constant(msn), fc.integer(), fc.string()) }),
      ),
      transaction: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({
          amount: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
          transactionText: fc.oneof(fc.string({ maxLength: 120 }), fc.integer()),
          orderId: fc.string({ maxLength: 60 }),
        }),
      ),
      shouldReleaseRemainingFunds: fc.jsonValue({ maxDepth: 1 }),
    }),
  );

describe("fuzz", () => {
  it("answers random bodies and headers on every path with a status the API uses, never crashing", async () => {
    const auth = await d.headers(shop);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        anyJson(shop.msn),
        fc.boolean(),
        fc.record(
          { "X-Request-Id": headerValue, "Merchant-Serial-Number": fc.oneof(fc.constant(shop.msn), headerValue) },
          { requiredKeys: [] },
        ),
        fc.boolean(),
        async ([method, path], body, validAuth, extra, rawGarbage) => {
          const headers: Record<string, string> = { "content-type": "application/json", ...(validAuth ? auth : {}) };
          for (const [k, v] of Object.entries(extra)) if (/^[\x20-\x7e]*$/.test(v)) headers[k] = v;
          const res = await fetch(`${d.sim.url}${path}`, {
            method,
            headers,
            body: method === "GET" ? undefined : rawGarbage ? '{"unterminated' : JSON.stringify(body),
          });
          const text = await res.text();
          expect(ALLOWED.has(res.status), `${res.status} ${text}`).toBe(true);
          if (text) JSON.parse(text);
        },
      ),
      { numRuns: 400 },
    );
    expect((await d.control("GET", "/health")).status).toBe(200);
    // The paid payment still obeys the rules after the storm.
    const det = await d.details(shop, "fuzz-paid");
    const s = det.body.transactionSummary!;
    expect(s.capturedAmount).toBeLessThanOrEqual(100000);
    expect(s.refundedAmount).toBeLessThanOrEqual(s.capturedAmount);
  }, 120_000);

  it("refuses bodies over 1 MB and malformed JSON with 400", async () => {
    const big = await fetch(`${d.sim.url}/ecomm/v2/payments`, {
      method: "POST",
      headers: await d.headers(shop),
      body: "x".repeat(1_100_000),
    });
    expect(big.status).toBe(400);
    const bad = await fetch(`${d.sim.url}/ecomm/v2/payments`, {
      method: "POST",
      headers: await d.headers(shop),
      body: "{nope",
    });
    expect(bad.status).toBe(400);
  });
});
