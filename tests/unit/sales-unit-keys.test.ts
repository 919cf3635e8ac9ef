// The shape rules for the keys an admin types in, the one-word cause of a failed connection test,
// and forgetting every cached token of a replaced key set.
import { describe, expect, it } from "vitest";
import { REMEDY_IDS } from "@/lib/api-errors/remedies";
import { TokenCache, tokenCacheKey } from "@/lib/ecom/token-cache";
import nb from "@/lib/i18n/dictionaries/nb";
import { CONNECTION_CAUSES, connectionCause, notFoundNamesOtherMsn } from "@/lib/sales-units/connection-cause";
import { keyProblem, keyProblems, KEY_FIELDS, type KeyProblem } from "@/lib/sales-units/key-format";

// The examples from Vipps' getting-started guide, and what the simulator issues.
const GOOD = {
  clientId: "fb492b5e-7907-4d83-bc20-c7fb60ca35de",
  clientSecret: "Y8Kteew6GE3ZmeycEt6egg==",
  subscriptionKey: "0f14ebcab0eb4b29ae0cb90d91b4a84a",
};

describe("key shapes", () => {
  it("accepts the documented examples and the simulator's keys", () => {
    expect(keyProblems(GOOD)).toEqual({});
    expect(
      keyProblems({
        clientId: "3f2b1c9e-2f7b-4b7e-9a51-1c2d3e4f5a6b",
        clientSecret: "a".repeat(48),
        subscriptionKey: "b".repeat(32),
      }),
    ).toEqual({});
  });

  it("is lenient where Vipps varies: other client_id forms, Base64 keys, odd secret characters", () => {
    expect(keyProblem("clientId", "merchant_app.client-01")).toBeNull();
    expect(keyProblem("subscriptionKey", "AbCd+/==efGH1234ijkl")).toBeNull();
    expect(keyProblem("clientSecret", "x~y.z_A-B!c#D$e%f")).toBeNull();
  });

  it.each<[keyof typeof GOOD, string, KeyProblem]>([
    ["clientId", "", "key_required"],
    ["clientId", " fb492b5e-7907-4d83-bc20-c7fb60ca35de", "key_whitespace"],
    ["clientSecret", "Y8Kteew6GE3ZmeycEt6egg==\n", "key_whitespace"],
    ["subscriptionKey", "0f14ebca b0eb4b29ae0cb90d91b4a84a", "key_whitespace"],
    ["subscriptionKey", "0f14ebcab0eb4b29ae0cb90d91b4a84a\t", "key_whitespace"],
    ["clientSecret", "“Y8Kteew6GE3ZmeycEt6egg==”", "key_invisible"],
    ["clientId", "fb492b5e\u200b-7907-4d83-bc20-c7fb60ca35de", "key_invisible"],
    ["clientSecret", "hemmeligæøå", "key_invisible"],
    ["clientId", "x".repeat(1001), "key_absurd"],
    ["clientId", "abc", "clientId_length"],
    ["clientId", "a".repeat(101), "clientId_length"],
    ["clientId", "fb492b5e/7907", "clientId_charset"],
    ["clientSecret", "short", "clientSecret_length"],
    ["clientSecret", "s".repeat(201), "clientSecret_length"],
    ["subscriptionKey", "0f14ebca", "subscriptionKey_length"],
    ["subscriptionKey", "0f14ebcab0eb4b29ae0cb90d91b4a84a!", "subscriptionKey_charset"],
  ])("%s %j → %s", (field, value, problem) => {
    expect(keyProblems({ ...GOOD, [field]: value })).toEqual({ [field]: problem });
  });

  it("catches a value pasted into two fields, on the later one", () => {
    expect(keyProblems({ ...GOOD, subscriptionKey: GOOD.clientSecret })).toEqual({
      subscriptionKey: "key_same_value",
    });
  });

  it("has a message for every problem in both languages (the en dictionary is typed against nb)", () => {
    const codes = new Set<string>(["key_required", "key_whitespace", "key_invisible", "key_absurd", "key_same_value"]);
    for (const f of KEY_FIELDS) for (const p of ["length", "charset"]) codes.add(`${f}_${p}`);
    for (const code of codes) expect(nb.salesUnitsAdmin.input).toHaveProperty(code);
  });
});

describe("connection test causes", () => {
  it("points at the key the remedy names", () => {
    expect(connectionCause("gateway.401.subscription-key-invalid")).toBe("subscription_key");
    expect(connectionCause("token.invalid-client")).toBe("client_secret");
    expect(connectionCause("token.unauthorized-client")).toBe("client_id");
    expect(connectionCause("gateway.403.msn-mismatch")).toBe("other_msn");
    expect(connectionCause("gateway.403.partner-msn")).toBe("partner_msn");
    expect(connectionCause("vipps.Merchant.37")).toBe("deactivated_at_vipps");
    expect(connectionCause("vipps.Merchant.97")).toBe("not_allowed");
    expect(connectionCause("network.timeout")).toBe("unreachable");
    expect(connectionCause("http.503")).toBe("vipps_error");
    expect(connectionCause("vipps.VippsError.99")).toBe("vipps_error");
    expect(connectionCause("http.400")).toBe("other");
  });

  it("gives every remedy a cause that has words", () => {
    for (const id of REMEDY_IDS) expect(CONNECTION_CAUSES).toContain(connectionCause(id));
    for (const cause of CONNECTION_CAUSES) expect(nb.salesUnitsAdmin.test.causes[cause]).toBeTruthy();
  });

  it("tells Vipps' 'not found' for this MSN from one naming another MSN", () => {
    expect(notFoundNamesOtherMsn("The orderId 'x' does not exist for MSN 212345.", "212345")).toBe(false);
    expect(notFoundNamesOtherMsn("The orderId 'x' does not exist for MSN 654321.", "212345")).toBe(true);
    expect(notFoundNamesOtherMsn("Requested Order not found", "212345")).toBe(false);
  });
});

describe("token cache: forgetting a key set", () => {
  const other = { ...GOOD, clientSecret: "another-secret-value" };
  const token = { accessToken: "t", expiresAt: 10_000, refreshAt: 5_000 };
  const key = (c: typeof GOOD, baseUrl: string, msn?: string) => tokenCacheKey({ ...c, baseUrl, msn });

  it("drops the key set's tokens for every address and MSN, and nothing else", () => {
    const cache = new TokenCache();
    cache.put(key(GOOD, "http://a", "212345"), token);
    cache.put(key(GOOD, "http://b"), token);
    cache.put(key(other, "http://a", "212345"), token);
    expect(cache.holdsTokenFor(GOOD)).toBe(true);
    expect(cache.forgetCredentials(GOOD)).toBe(2);
    expect(cache.holdsTokenFor(GOOD)).toBe(false);
    expect(cache.holdsTokenFor(other)).toBe(true);
  });

  it("does not store a token whose fetch was under way when the keys were forgotten", async () => {
    const cache = new TokenCache();
    let land: (t: typeof token) => void = () => {};
    const k = key(GOOD, "http://a", "212345");
    const pending = cache.get(
      k,
      () => 0,
      () => new Promise((r) => (land = r)),
    );
    cache.forgetCredentials(GOOD);
    land(token);
    await pending;
    expect(cache.holdsTokenFor(GOOD)).toBe(false);
  });

  it("never puts a secret into a cache key", () => {
    const k = key(GOOD, "http://a", "212345");
    for (const v of Object.values(GOOD)) expect(k).not.toContain(v);
  });
});
