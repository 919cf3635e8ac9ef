import { beforeEach, describe, expect, it } from "vitest";
import { EcomError } from "@/lib/ecom";
import { lifetimeOf } from "@/lib/ecom/token-cache";
import { detailsBody, fakeJwt, stubTestBed, stubClient, tokenReply, type Stub } from "../helpers/ecom-stub";

let stub: Stub;
stubTestBed((s) => (stub = s));
beforeEach(() => {
  stub.on("POST /accesstoken/get", (_req, n) => tokenReply(n));
  stub.on("GET /ecomm/v2/payments/{orderId}/details", () => ({ body: detailsBody("o-1") }));
});

const bearer = (i: number) => stub.apiRequests()[i]?.headers.authorization;

describe("access token cache", () => {
  it("reuses one token for many calls", async () => {
    const { client } = stubClient(stub);
    await client.getPaymentDetails("o-1");
    await client.getPaymentDetails("o-1");
    await client.getPaymentDetails("o-1");
    expect(stub.tokenRequests()).toHaveLength(1);
    expect(bearer(2)).toBe(`Bearer ${fakeJwt(1)}`);
  });

  it("shares one in-flight token request among 20 parallel calls", async () => {
    stub.on("POST /accesstoken/get", (_req, n) => ({ ...tokenReply(n), delayMs: 50 }));
    const { client } = stubClient(stub);
    const results = await Promise.all(Array.from({ length: 20 }, () => client.getPaymentDetails("o-1")));
    expect(results).toHaveLength(20);
    expect(stub.tokenRequests()).toHaveLength(1);
    expect(new Set(stub.apiRequests().map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${fakeJwt(1)}`]));
  });

  it("fetches a new token before the old one expires (1 h token: within the last 6 minutes)", async () => {
    let clock = 1_000_000;
    const { client } = stubClient(stub, { now: () => clock });
    await client.getPaymentDetails("o-1");
    clock += 53 * 60_000; // 7 minutes left: still reused
    await client.getPaymentDetails("o-1");
    expect(stub.tokenRequests()).toHaveLength(1);
    clock += 2 * 60_000; // 5 minutes left: refreshed although still valid
    await client.getPaymentDetails("o-1");
    expect(stub.tokenRequests()).toHaveLength(2);
    expect(bearer(2)).toBe(`Bearer ${fakeJwt(2)}`);
  });

  it("keeps using a still-valid token when the early refresh fails", async () => {
    let clock = 0;
    const { client } = stubClient(stub, { now: () => clock });
    await client.getPaymentDetails("o-1");
    stub.on("POST /accesstoken/get", () => ({
      status: 503,
      body: { statusCode: 503, message: "Service unavailable" },
    }));
    clock += 58 * 60_000;
    await client.getPaymentDetails("o-1");
    expect(bearer(1)).toBe(`Bearer ${fakeJwt(1)}`);
    clock += 3 * 60_000; // now expired: the failure surfaces
    await expect(client.getPaymentDetails("o-1")).rejects.toMatchObject({ operation: "accessToken", httpStatus: 503 });
  });

  it("on a 401 drops the token, fetches a new one and repeats the call once", async () => {
    stub.on("GET /ecomm/v2/payments/{orderId}/details", (req) =>
      req.headers.authorization === `Bearer ${fakeJwt(1)}`
        ? { status: 401, body: { statusCode: 401, message: "Access denied due to invalid token" } }
        : { body: detailsBody("o-1") },
    );
    const { client, sink } = stubClient(stub);
    await expect(client.getPaymentDetails("o-1")).resolves.toMatchObject({ orderId: "o-1" });
    expect(stub.tokenRequests()).toHaveLength(2);
    expect(bearer(1)).toBe(`Bearer ${fakeJwt(2)}`);
    expect(sink.records.filter((r) => r.operation === "details").map((r) => [r.attempt, r.httpStatus])).toEqual([
      [1, 401],
      [2, 200],
    ]);
  });

  it("gives up after the second 401 instead of looping", async () => {
    stub.on("GET /ecomm/v2/payments/{orderId}/details", () => ({
      status: 401,
      body: { statusCode: 401, message: "Access denied" },
    }));
    const { client } = stubClient(stub);
    const error = await client.getPaymentDetails("o-1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcomError);
    expect(error).toMatchObject({ kind: "gateway", httpStatus: 401, attempts: 2 });
    expect(stub.apiRequests()).toHaveLength(2);
    expect(stub.tokenRequests()).toHaveLength(2);
  });

  it("fetchAccessToken returns the parsed token (string fields turned into numbers)", async () => {
    const { client } = stubClient(stub);
    const token = await client.fetchAccessToken();
    expect(token).toEqual({
      tokenType: "Bearer",
      accessToken: fakeJwt(1),
      expiresInSeconds: 3600,
      expiresOn: 1_700_003_600,
      notBefore: 1_700_000_000,
    });
    await client.getPaymentDetails("o-1"); // served from the cache filled above
    expect(stub.tokenRequests()).toHaveLength(1);
  });

  it("reports token endpoint errors as kind token, without the secret", async () => {
    stub.on("POST /accesstoken/get", () => ({
      status: 401,
      body: {
        error: "invalid_client",
        error_description: "AADSTS7000215: Invalid client secret provided.",
        error_codes: [7000215],
      },
    }));
    const { client } = stubClient(stub);
    const error = await client.getPaymentDetails("o-1").catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "token",
      operation: "accessToken",
      httpStatus: 401,
      errorCode: "invalid_client",
      retryable: false,
    });
    expect(String((error as Error).message)).not.toContain("s3cr3t");
    expect(stub.apiRequests()).toHaveLength(0);
  });
});

describe("token lifetime", () => {
  const token = (expiresInSeconds: number) => ({
    tokenType: "Bearer",
    accessToken: "t",
    expiresInSeconds,
    expiresOn: undefined,
    notBefore: undefined,
  });

  it("refreshes a 24 h token 2.4 h early and a 1 h token 6 minutes early", () => {
    expect(lifetimeOf(token(86_400), 0)).toEqual({
      accessToken: "t",
      expiresAt: 86_400_000,
      refreshAt: 86_400_000 - 8_640_000,
    });
    expect(lifetimeOf(token(3600), 0).refreshAt).toBe(3_600_000 - 360_000);
  });

  it("still reuses a short simulator token for half its life", () => {
    expect(lifetimeOf(token(60), 1000).refreshAt).toBe(31_000);
  });

  it("falls back to expires_on - not_before when expires_in is 0", () => {
    expect(lifetimeOf({ ...token(0), expiresOn: 1_700_003_600, notBefore: 1_700_000_000 }, 0).expiresAt).toBe(
      3_600_000,
    );
  });
});
