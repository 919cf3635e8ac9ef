// The simulator's answers to wrong keys, as Vipps' gateway and token service give them (the FAQ's
// "Why do I get HTTP 401", "unauthorized_client", error 37), and its control to deactivate a sales
// unit at "Vipps". Every Vipps-path response is checked against the specs.
import { describe, expect, it } from "vitest";
import { errorCode, type SimDriver, simulatorTestBed, type Unit } from "../helpers/sim";

let d: SimDriver;
let shop: Unit;
let kiosk: Unit;
simulatorTestBed((bed) => void ({ d, shop, kiosk } = bed));

const token = (headers: Record<string, string>) =>
  d.raw<Record<string, unknown>>("token", "POST", "/accesstoken/get", { headers });

describe("the token endpoint and wrong keys", () => {
  it("a missing subscription key: the gateway's 401 saying it is missing", async () => {
    const r = await token({ client_id: shop.clientId, client_secret: shop.clientSecret });
    expect(r.status).toBe(401);
    expect(JSON.stringify(r.body)).toMatch(/missing subscription key/);
  });

  it("an unknown subscription key: the gateway's 401, before the client is looked at", async () => {
    const r = await token({ client_id: "nobody", client_secret: "x", "Ocp-Apim-Subscription-Key": "0".repeat(32) });
    expect(r.status).toBe(401);
    expect(JSON.stringify(r.body)).toMatch(/invalid subscription key/);
  });

  it("an unknown client_id with a valid subscription key: the token service's 400 unauthorized_client", async () => {
    const r = await token({
      client_id: "00000000-0000-4000-8000-000000000000",
      client_secret: shop.clientSecret,
      "Ocp-Apim-Subscription-Key": shop.subscriptionKey,
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe("unauthorized_client");
    expect(r.body.error_description).toMatch(/^AADSTS700016: Application with identifier/);
    expect(r.body.error_codes).toEqual([700016]);
  });

  it("another unit's subscription key with this client: 401 invalid subscription key", async () => {
    const r = await token({
      client_id: shop.clientId,
      client_secret: shop.clientSecret,
      "Ocp-Apim-Subscription-Key": kiosk.subscriptionKey,
    });
    expect(r.status).toBe(401);
    expect(JSON.stringify(r.body)).toMatch(/invalid subscription key/);
  });

  it("a wrong secret: 401 invalid_client with its own AADSTS code", async () => {
    const r = await token({
      client_id: shop.clientId,
      client_secret: "wrong-secret",
      "Ocp-Apim-Subscription-Key": shop.subscriptionKey,
    });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe("invalid_client");
    expect(r.body.error_codes).toEqual([7000215]);
  });
});

describe("a sales unit deactivated at Vipps", () => {
  it("answers Merchant/37 to its calls until reactivated; its keys still give a token", async () => {
    const u = await d.unit("reserve");
    await d.paid(u, "deact-1");
    expect((await d.control("PATCH", `/sales-units/${u.msn}`, { active: false })).status).toBe(200);
    const r = await d.details(u, "deact-1");
    expect(r.status).toBe(403);
    expect(errorCode(r.body)).toBe("37");
    expect((await d.control("PATCH", `/sales-units/${u.msn}`, { active: true })).status).toBe(200);
    expect((await d.details(u, "deact-1")).status).toBe(200);
  });

  it("the controls: read one unit, refuse a bad change, 404 for an unknown MSN", async () => {
    expect((await d.control<Unit>("GET", `/sales-units/${shop.msn}`)).body.clientId).toBe(shop.clientId);
    expect((await d.control("PATCH", `/sales-units/${shop.msn}`, { active: "no" })).status).toBe(400);
    expect((await d.control("GET", "/sales-units/999999")).status).toBe(404);
  });
});
