// POST /api/v1/api-calls on PGlite and PostgreSQL: the shop's own Vipps calls with its API key —
// per-record results, the key's scope, masking on arrival, rollups kept, and whole refusals (1,001
// records, an oversized or malformed body) that write nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiCallsHandler, operationOfPath } from "@/lib/api-log/ingest-calls";
import { createApiKey } from "@/lib/ingest/api-keys";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { actor } from "../helpers/ingest";

const kinds = await databaseKinds();
const SHOP = "532345";
const OTHER = "532346";
const NOW = new Date(Date.UTC(2026, 10, 30, 12, 0, 0));

const call = (over: Record<string, unknown> = {}) => ({
  at: "2026-11-30T11:59:00Z",
  msn: SHOP,
  environment: "production",
  method: "POST",
  path: "/ecomm/v2/payments/ORDER-1/capture",
  httpStatus: 400,
  errorGroup: "Payment",
  errorCode: "61",
  errorMessage: "Captured amount exceeds the reserved amount",
  contextId: "ctx-1",
  durationMs: 120,
  requestId: "req-1",
  orderId: "ORDER-1",
  ...over,
});

describe.each(kinds)("POST /api/v1/api-calls on %s", (kind) => {
  let db: TestDb;
  let key: string;
  let POST: (r: Request) => Promise<Response>;

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    for (const msn of [SHOP, OTHER])
      await db.prisma.salesUnit.create({ data: { msn, name: `Unit ${msn}`, environment: "production" } });
    key = (await createApiKey(db.prisma, actor("admin"), { name: "Shop", allSalesUnits: false, msns: [SHOP] })).key;
    POST = createApiCallsHandler({ db: async () => db.prisma, now: () => NOW });
  });
  afterAll(async () => {
    await db?.close();
  });

  async function send(body: unknown, raw?: string) {
    const res = await POST(
      new Request("http://app/api/v1/api-calls", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: raw ?? JSON.stringify(body),
      }),
    );
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  it("stores good records, refuses bad ones one by one, masks bodies, keeps the rollups", async () => {
    const before = await db.prisma.apiCallLog.count();
    const res = await send({
      calls: [
        call({
          requestBody: { amount: 99_999, transactionText: "x", client_secret: "s3cr3t-value" },
          responseBody: [{ errorGroup: "Payment", errorCode: "61", access_token: "eyJhbGciOiJIUzI1NiJ9.e30.abc" }],
        }),
        call({ msn: OTHER }), // outside the key's scope
        call({ at: "2026-12-01T12:00:00Z" }), // the future
        call({ at: "2024-01-01T00:00:00Z" }), // years back
        call({ httpStatus: 700 }),
        call({ httpStatus: undefined }), // neither status nor network error
        call({
          httpStatus: undefined,
          networkError: "timeout after 10 s",
          errorGroup: undefined,
          errorCode: undefined,
        }),
        call({ path: "/somewhere/else" }),
        call({ extra: true }),
        "not an object",
      ],
    });
    expect(res.status).toBe(200);
    const results = res.json.results as { index: number; status: string; error?: string }[];
    expect(results.map((r) => r.status)).toEqual([
      "stored",
      "refused",
      "refused",
      "refused",
      "refused",
      "refused",
      "stored",
      "refused",
      "refused",
      "refused",
    ]);
    expect(results[1]!.error).toMatch(/^msn: 532346 is not a sales unit this key may send for/);
    expect(results[2]!.error).toBe("at: in the future");
    expect(results[3]!.error).toMatch(/older than the 30 days/);
    expect(results[4]!.error).toMatch(/^httpStatus: 100–599/);
    expect(results[5]!.error).toMatch(/either httpStatus or networkError/);
    expect(results[7]!.error).toMatch(/^path: not an eCom API path/);
    expect(results[8]!.error).toMatch(/extra/);
    expect(res.json.summary).toEqual({ stored: 2, refused: 8 });

    const rows = await db.prisma.apiCallLog.findMany({ where: { msn: SHOP }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(before + 2);
    const [capture, timeout] = rows.slice(-2);
    expect(capture).toMatchObject({
      operation: "capture",
      path: "/ecomm/v2/payments/{orderId}/capture",
      httpStatus: 400,
    });
    const bodies = JSON.stringify([capture!.requestBody, capture!.responseBody]);
    expect(bodies).not.toContain("s3cr3t-value");
    expect(bodies).not.toContain("eyJhbGciOiJIUzI1NiJ9");
    expect(bodies).toContain("99999"); // amounts are not secrets
    expect(timeout).toMatchObject({ httpStatus: null, networkError: "timeout after 10 s" });
    const rolled = await db.prisma.apiCallRollup.aggregate({ _sum: { calls: true }, where: { msn: SHOP } });
    expect(rolled._sum.calls).toBe(rows.length);
  });

  it("refuses a whole request it cannot read, and 1,001 records, writing nothing", async () => {
    const before = await db.prisma.apiCallLog.count();
    expect((await send({ calls: Array.from({ length: 1001 }, () => call()) })).json.error).toBe("too_many_calls");
    expect((await send({}, "{not json")).json.error).toBe("invalid_json");
    expect((await send({ calls: "x" })).json.error).toBe("invalid_body");
    expect((await send({ calls: [] })).json.error).toBe("no_calls");
    const big = await send({}, JSON.stringify({ calls: [call({ responseBody: "x".repeat(5 * 1024 * 1024) })] }));
    expect(big.status).toBe(413);
    expect(await db.prisma.apiCallLog.count()).toBe(before);
  });

  it("names the operation from a path as our own client logs it", () => {
    expect(operationOfPath("POST", "/ecomm/v2/payments")).toEqual({
      operation: "initiate",
      template: "/ecomm/v2/payments",
    });
    expect(operationOfPath("GET", "/ecomm/v2/payments/abc-1/details")?.template).toBe(
      "/ecomm/v2/payments/{orderId}/details",
    );
    expect(operationOfPath("POST", "/accesstoken/get")?.operation).toBe("accessToken");
    expect(operationOfPath("GET", "/ecomm/v2/payments")).toBeNull();
  });
});
