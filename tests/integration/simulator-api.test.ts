// The simulator against the eCom v2 contract: tokens, validation, the state machine and its
// summary arithmetic, over HTTP, every response checked against swagger.yaml.
import { describe, expect, it } from "vitest";
import { errorCode, type SimDriver, simulatorTestBed, type Unit } from "../helpers/sim";

let d: SimDriver;
let shop: Unit;
let kiosk: Unit;
simulatorTestBed((bed) => void ({ d, shop, kiosk } = bed));

describe("access token", () => {
  it("returns string-valued fields and a 1-hour token for test keys, 24 hours for production keys", async () => {
    const r = await d.raw<Record<string, unknown>>("token", "POST", "/accesstoken/get", {
      headers: {
        client_id: shop.clientId,
        client_secret: shop.clientSecret,
        "Ocp-Apim-Subscription-Key": shop.subscriptionKey,
      },
    });
    expect(r.status).toBe(200);
    for (const v of Object.values(r.body)) expect(typeof v).toBe("string");
    expect(r.body.expires_in).toBe("3600");
    expect(String(r.body.access_token).length).toBeGreaterThan(1000);
    const prod = await d.unit("reserve", "production");
    const p = await d.raw<Record<string, string>>("token", "POST", "/accessToken/get", {
      headers: {
        client_id: prod.clientId,
        client_secret: prod.clientSecret,
        "Ocp-Apim-Subscription-Key": prod.subscriptionKey,
      },
    });
    expect(p.body.expires_in).toBe("86400");
  });

  it("refuses a wrong secret (token error) and a wrong subscription key (gateway error)", async () => {
    const wrongSecret = await d.raw<{ error: string }>("token", "POST", "/accesstoken/get", {
      headers: { client_id: shop.clientId, client_secret: "nope", "Ocp-Apim-Subscription-Key": shop.subscriptionKey },
    });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.error).toBe("invalid_client");
    const wrongKey = await d.raw("token", "POST", "/accesstoken/get", {
      headers: {
        client_id: shop.clientId,
        client_secret: shop.clientSecret,
        "Ocp-Apim-Subscription-Key": "0".repeat(32),
      },
    });
    expect(wrongKey.status).toBe(401);
  });

  it("refuses API calls without 'Bearer' (case-sensitive), with another unit's subscription key, or with an unknown token", async () => {
    const token = await d.token(shop);
    const path = "/ecomm/v2/payments/x/details";
    expect(
      (
        await d.raw("details", "GET", path, {
          headers: { Authorization: `bearer ${token}`, "Ocp-Apim-Subscription-Key": shop.subscriptionKey },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await d.raw("details", "GET", path, {
          headers: { Authorization: `Bearer ${token}`, "Ocp-Apim-Subscription-Key": kiosk.subscriptionKey },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await d.raw("details", "GET", path, {
          headers: { Authorization: "Bearer forged", "Ocp-Apim-Subscription-Key": shop.subscriptionKey },
        })
      ).status,
    ).toBe(401);
  });
});

describe("initiate validation, as the real API", () => {
  const post = async (body: unknown) =>
    d.raw("initiate", "POST", "/ecomm/v2/payments", { headers: await d.headers(shop), body });
  it.each([
    [
      "MSN as a number → 500",
      (b: ReturnType<SimDriver["initiateBody"]>) => ({
        ...b,
        merchantInfo: { ...b.merchantInfo, merchantSerialNumber: Number(shop.msn) },
      }),
      500,
      "99",
    ],
    [
      "decimal amount → 500",
      (b: ReturnType<SimDriver["initiateBody"]>) => ({ ...b, transaction: { ...b.transaction, amount: 100.5 } }),
      500,
      "99",
    ],
    [
      "fallback miscased → 500",
      (b: ReturnType<SimDriver["initiateBody"]>) => ({
        ...b,
        merchantInfo: {
          merchantSerialNumber: shop.msn,
          callbackPrefix: "https://shop.example/v",
          fallback: "https://shop.example/d",
        },
      }),
      500,
      "99",
    ],
    [
      "amount below 100 øre → 400",
      (b: ReturnType<SimDriver["initiateBody"]>) => ({ ...b, transaction: { ...b.transaction, amount: 99 } }),
      400,
      "amount",
    ],
    [
      "orderId of 51 characters → 400",
      (b: ReturnType<SimDriver["initiateBody"]>) => ({
        ...b,
        transaction: { ...b.transaction, orderId: "a".repeat(51) },
      }),
      400,
      "orderId",
    ],
    [
      "orderId with other characters → 400",
      (b: ReturnType<SimDriver["initiateBody"]>) => ({ ...b, transaction: { ...b.transaction, orderId: "order_1" } }),
      400,
      "orderId",
    ],
    [
      "transactionText over 100 → 400",
      (b: ReturnType<SimDriver["initiateBody"]>) => ({
        ...b,
        transaction: { ...b.transaction, transactionText: "x".repeat(101) },
      }),
      400,
      "transactionText",
    ],
    [
      "http callback to a public host → 400",
      (b: ReturnType<SimDriver["initiateBody"]>) => ({
        ...b,
        merchantInfo: { ...b.merchantInfo, callbackPrefix: "http://shop.example/v" },
      }),
      400,
      "callbackPrefix",
    ],
    [
      "unknown phone number → 81",
      (b: ReturnType<SimDriver["initiateBody"]>) => ({ ...b, customerInfo: { mobileNumber: "12345" } }),
      400,
      "81",
    ],
  ])("%s", async (_name, mutate, status, code) => {
    const r = await post(mutate(d.initiateBody(shop, `val-${Math.random().toString(36).slice(2, 10)}`)));
    expect(r.status).toBe(status);
    expect(errorCode(r.body)).toBe(code);
  });

  it("accepts a custom-scheme fallBack, fixes +47 phone numbers, ignores unknown fields, and refuses a duplicate orderId with 34", async () => {
    const body = {
      ...d.initiateBody(shop, "dup-1", 100, { fallBack: "myshop://done" }),
      customerInfo: { mobileNumber: "+47 912 34 567" },
      extra: true,
    };
    const first = await post(body);
    expect(first.status).toBe(200);
    expect((first.body as { url: string }).url).toContain("token=");
    const again = await post(body);
    expect(again.status).toBe(400);
    expect(errorCode(again.body)).toBe("34");
  });

  it("keeps orderIds per MSN: the same orderId in another sales unit is fine, but its keys cannot read it (404/35)", async () => {
    expect((await d.initiate(shop, "shared-1")).status).toBe(200);
    expect((await d.initiate(kiosk, "shared-1")).status).toBe(200);
    await d.approve(shop, "shared-1");
    const other = await d.initiate(kiosk, "only-in-kiosk");
    expect(other.status).toBe(200);
    const r = await d.raw("details", "GET", "/ecomm/v2/payments/only-in-kiosk/details", {
      headers: await d.headers(shop),
    });
    expect(r.status).toBe(404);
    expect(errorCode(r.body)).toBe("35");
  });

  it("answers the deprecated status endpoint with 404", async () => {
    expect(
      (await d.raw("status", "GET", "/ecomm/v2/payments/shared-1/status", { headers: await d.headers(shop) })).status,
    ).toBe(404);
  });
});

describe("details", () => {
  it("has no transactionSummary until the user acts, then one with the card's BIN; the log is newest first", async () => {
    await d.initiate(shop, "det-1", 25000);
    const before = await d.details(shop, "det-1");
    expect(before.body.transactionSummary).toBeUndefined();
    expect(before.body.transactionLogHistory.map((e) => e.operation)).toEqual(["INITIATE"]);
    await d.approve(shop, "det-1", 545454);
    const after = await d.details(shop, "det-1");
    expect(after.body.transactionSummary).toEqual({
      capturedAmount: 0,
      remainingAmountToCapture: 25000,
      refundedAmount: 0,
      remainingAmountToRefund: 0,
      bankIdentificationNumber: 545454,
    });
    const [reserve, initiate] = after.body.transactionLogHistory;
    expect([reserve?.operation, initiate?.operation]).toEqual(["RESERVE", "INITIATE"]);
    expect(reserve?.transactionId).toBe(initiate?.transactionId);
    const capture = await d.capture(shop, "det-1", 1000, "cap-bin");
    expect(JSON.stringify(capture.body)).not.toContain("bankIdentificationNumber");
  });
});
