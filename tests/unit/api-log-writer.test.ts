import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskJson } from "@/lib/api-log/mask";
import type { ApiCallRecord } from "@/lib/api-log/types";
import { DbApiLogSink, toRow, type ApiLogDb } from "@/lib/api-log/writer";
import type { Prisma } from "@/generated/prisma/client";
import { migratedDatabase, type TestDb } from "../helpers/databases";

function rec(orderId: string, extra: Partial<ApiCallRecord> = {}): ApiCallRecord {
  return {
    at: new Date("2024-05-01T10:00:00.000Z"),
    msn: "212345",
    environment: "test",
    operation: "capture",
    method: "POST",
    path: "/ecomm/v2/payments/{orderId}/capture",
    orderId,
    httpStatus: 200,
    errorGroup: null,
    errorCode: null,
    errorMessage: null,
    contextId: null,
    networkError: null,
    durationMs: 12,
    attempt: 1,
    requestId: `cap-${orderId}`,
    requestBody: maskJson({ transaction: { amount: 1000, transactionText: "t" } }),
    responseBody: null,
    ...extra,
  };
}

/** A stand-in database whose createMany can be made to fail. */
function fakeDb() {
  const batches: Prisma.ApiCallLogCreateManyInput[][] = [];
  const state = { down: false };
  const db: ApiLogDb = {
    apiCallLog: {
      createMany: async ({ data }) => {
        // Prisma's messages can quote the rows; the writer must not repeat them.
        if (state.down)
          throw Object.assign(new Error(`Invalid invocation: ${JSON.stringify(data)}`), { code: "P1001" });
        batches.push(data);
        return { count: data.length };
      },
    },
  };
  return { db, batches, state };
}

describe("DbApiLogSink batching", () => {
  it("writes in batches of at most batchSize, and flush waits for all of them", async () => {
    const { db, batches } = fakeDb();
    const sink = new DbApiLogSink(async () => db, { batchSize: 3, flushIntervalMs: 60_000 });
    for (let i = 0; i < 7; i++) sink.record(rec(`o-${i}`));
    await sink.flush();
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(batches.flat().map((r) => r.orderId)).toEqual(["o-0", "o-1", "o-2", "o-3", "o-4", "o-5", "o-6"]);
    expect(sink.stats()).toEqual({ buffered: 0, written: 7, dropped: 0, failedWrites: 0 });
  });

  it("writes a lone record by itself after the flush interval", async () => {
    const { db, batches } = fakeDb();
    const sink = new DbApiLogSink(async () => db, { flushIntervalMs: 20 });
    sink.record(rec("o-1"));
    expect(batches).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 150));
    expect(batches).toHaveLength(1);
  });
});

describe("DbApiLogSink when the database fails", () => {
  it("never throws, reports once with a count and no body, and catches up afterwards", async () => {
    const { db, batches, state } = fakeDb();
    const reports: string[] = [];
    const sink = new DbApiLogSink(async () => db, { flushIntervalMs: 60_000, report: (m) => reports.push(m) });
    state.down = true;
    for (let i = 0; i < 5; i++)
      sink.record(rec(`o-${i}`, { requestBody: maskJson({ note: "body-text-never-reported" }) }));
    await expect(sink.flush()).resolves.toBeUndefined();
    sink.record(rec("o-5"));
    await sink.flush();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/could not write 5 API call record/);
    expect(reports[0]).toContain("P1001");
    expect(reports.join()).not.toContain("body-text-never-reported");
    expect(sink.stats()).toMatchObject({ buffered: 6, written: 0, failedWrites: 2 });

    state.down = false;
    await sink.flush();
    expect(batches.flat()).toHaveLength(6);
    expect(reports[1]).toMatch(/writing again/);
  });

  it("survives a database that cannot even be opened", async () => {
    const reports: string[] = [];
    const sink = new DbApiLogSink(() => Promise.reject(new Error("ECONNREFUSED")), { report: (m) => reports.push(m) });
    expect(() => sink.record(rec("o-1"))).not.toThrow();
    await expect(sink.flush()).resolves.toBeUndefined();
    expect(reports).toHaveLength(1);
  });

  it("keeps at most maxBuffered records, dropping the oldest", async () => {
    const { db, batches, state } = fakeDb();
    const sink = new DbApiLogSink(async () => db, { maxBuffered: 3, flushIntervalMs: 60_000, report: () => {} });
    state.down = true;
    for (let i = 0; i < 5; i++) sink.record(rec(`o-${i}`));
    await sink.flush();
    expect(sink.stats()).toMatchObject({ buffered: 3, dropped: 2 });
    state.down = false;
    await sink.flush();
    expect(batches.flat().map((r) => r.orderId)).toEqual(["o-2", "o-3", "o-4"]);
  });

  it("drops a record that failed maxTries writes, so it cannot block the queue", async () => {
    const { db, state } = fakeDb();
    const sink = new DbApiLogSink(async () => db, { maxTries: 2, flushIntervalMs: 60_000, report: () => {} });
    state.down = true;
    sink.record(rec("o-1"));
    await sink.flush();
    expect(sink.stats().buffered).toBe(1);
    await sink.flush();
    expect(sink.stats()).toMatchObject({ buffered: 0, dropped: 1 });
  });
});

describe("toRow", () => {
  it("drops a code that only repeats the HTTP status, and keeps every other code", () => {
    const code = (over: Partial<ApiCallRecord>) => toRow(rec("o", over)).errorCode;
    expect(code({ httpStatus: 401, errorGroup: null, errorCode: "401" })).toBeNull();
    expect(code({ httpStatus: 429, errorGroup: null, errorCode: "429" })).toBeNull();
    expect(code({ httpStatus: 401, errorGroup: null, errorCode: "invalid_client" })).toBe("invalid_client");
    expect(code({ httpStatus: 403, errorGroup: null, errorCode: "401" })).toBe("401");
    expect(code({ httpStatus: 400, errorGroup: "Payment", errorCode: "400" })).toBe("400");
  });
});

describe("DbApiLogSink on PGlite", () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await migratedDatabase("pglite");
  });
  afterAll(() => testDb?.close());

  it("stores rows in ApiCallLog with every column mapped, cut to the column sizes", async () => {
    const sink = new DbApiLogSink(async () => testDb.prisma, { batchSize: 2 });
    sink.record(rec("o-1", { responseBody: maskJson({ orderId: "o-1", transactionInfo: { amount: 1000 } }) }));
    sink.record(
      rec("o-2", {
        environment: "simulator",
        httpStatus: 400,
        errorGroup: "InvalidRequest",
        errorCode: "merchantInfo.callbackPrefix.".repeat(3),
        errorMessage: "bad\u0000value",
        contextId: "ctx-1",
        attempt: 2,
      }),
    );
    sink.record(
      rec("o-3", {
        httpStatus: null,
        networkError: "timeout after 15000 ms",
        operation: "accessToken",
        orderId: null,
        msn: null,
      }),
    );
    await sink.flush();
    const rows = await testDb.prisma.apiCallLog.findMany({ orderBy: { id: "asc" } });
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      msn: "212345",
      environment: "test",
      operation: "capture",
      method: "POST",
      path: "/ecomm/v2/payments/{orderId}/capture",
      orderId: "o-1",
      httpStatus: 200,
      durationMs: 12,
      attempt: 1,
      requestId: "cap-o-1",
      requestBody: { transaction: { amount: 1000, transactionText: "t" } },
      responseBody: { orderId: "o-1", transactionInfo: { amount: 1000 } },
    });
    expect(rows[0]?.at.toISOString()).toBe("2024-05-01T10:00:00.000Z");
    expect(rows[1]).toMatchObject({
      environment: "simulator",
      errorGroup: "InvalidRequest",
      contextId: "ctx-1",
      attempt: 2,
      errorMessage: "bad\uFFFDvalue",
    });
    expect(rows[1]?.errorCode).toHaveLength(40);
    expect(rows[2]).toMatchObject({
      msn: null,
      orderId: null,
      httpStatus: null,
      networkError: "timeout after 15000 ms",
      responseBody: null,
    });
  });
});
