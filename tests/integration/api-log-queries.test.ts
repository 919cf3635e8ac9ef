// The request log (/api-log) on PGlite and PostgreSQL: filters, keyset pages that neither skip nor
// repeat a call (also among calls logged in the same millisecond), the user's sales units only, one
// call with its bodies, the CSV, and the dashboard's chart links: the calls a click opens are exactly
// the calls the clicked segment counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { loadDashboard } from "@/lib/api-errors/dashboard";
import { logCsvHeaderLine, logCsvRow } from "@/lib/api-log/log-csv";
import { keyFilter, parseLogParams, type LogFilter } from "@/lib/api-log/log-filter";
import { getCall, iterateCalls, listCalls, type LogRow } from "@/lib/api-log/log-query";
import { writeCalls } from "@/lib/api-log/rollups";
import { mulberry32 } from "@/lib/random";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { actor } from "../helpers/ingest";

const kinds = await databaseKinds();
const NOW = new Date(Date.UTC(2026, 10, 30, 12, 30, 20));
const OPS = ["capture", "details", "refund", "callback"] as const;
const OUTCOMES: Partial<Prisma.ApiCallLogCreateManyInput>[] = [
  { httpStatus: 200 },
  { httpStatus: 200 },
  { httpStatus: 200 },
  { httpStatus: 400, errorGroup: "Payment", errorCode: "61", errorMessage: "Captured amount exceeds reserved" },
  { httpStatus: 400, errorGroup: "Payment", errorCode: "71" },
  { httpStatus: 401, errorMessage: "Access denied due to invalid subscription key." },
  // The token endpoint's code, without a group.
  { httpStatus: 401, errorCode: "invalid_client", errorMessage: "AADSTS7000215: Invalid client secret provided." },
  { httpStatus: 429 },
  { httpStatus: 500, errorGroup: "VippsError", errorCode: "99" },
  { httpStatus: null, networkError: "timeout after 10000 ms" },
];

/** 600 calls over the last 3 hours in two units (and some without one); every 7th shares a millisecond. */
function rows(): Prisma.ApiCallLogCreateManyInput[] {
  const rnd = mulberry32(42);
  return Array.from({ length: 600 }, (_, i) => {
    const at = new Date(NOW.getTime() - Math.floor(rnd() * 3 * 3_600_000) - (i % 7 === 0 ? 0 : 1));
    const op = OPS[i % OPS.length]!;
    return {
      at: i % 7 === 0 ? new Date(NOW.getTime() - 3_600_000) : at,
      msn: i % 50 === 0 ? null : i % 3 === 0 ? "299999" : "212345",
      environment: i % 5 === 0 ? "production" : "simulator",
      operation: op,
      method: op === "details" ? "GET" : "POST",
      path: `/ecomm/v2/payments/{orderId}/${op}`,
      orderId: `ORD-${i % 40}`,
      durationMs: 20 + (i % 200),
      requestId: `req-${i}`,
      contextId: i % 4 === 0 ? `ctx-${i}` : null,
      source: op === "callback" ? "callback" : i % 2 ? "app" : "shop",
      requestBody: { orderId: `ORD-${i % 40}`, amount: 1000 + i },
      responseBody: i % 9 === 3 ? { errorGroup: "Payment", errorCode: "61" } : { ok: true },
      ...OUTCOMES[Math.floor(rnd() * OUTCOMES.length)],
    };
  });
}

const filter = (over: Partial<LogFilter> = {}): LogFilter => ({ time: { range: "24h" }, ...over });

describe.each(kinds)("request log on %s", (kind) => {
  let db: TestDb;
  let all: Prisma.ApiCallLogCreateManyInput[];
  const dev = { ...actor("developer", ["212345"]), canViewPayments: false };
  const admin = actor("admin");

  async function walk(who: typeof dev, f: LogFilter, limit = 37): Promise<LogRow[]> {
    const seen: LogRow[] = [];
    let after: string | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await listCalls(db.prisma, who, f, { after }, NOW, limit);
      seen.push(...page.rows);
      if (!page.older) return seen;
      after = page.older;
    }
    throw new Error("paging did not end");
  }
  const expected = (pred: (r: Prisma.ApiCallLogCreateManyInput) => boolean, msns: (string | null)[] | null) =>
    all.filter((r) => (msns === null || msns.includes(r.msn ?? null)) && pred(r)).length;

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    all = rows();
    await writeCalls(db.prisma, all);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("pages through every call of the scope once, newest first, and back again", async () => {
    const seen = await walk(dev, filter());
    expect(seen.length).toBe(expected(() => true, ["212345"]));
    expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      expect(a.at > b.at || (a.at.getTime() === b.at.getTime() && a.id > b.id)).toBe(true);
    }
    // From the third page, "newer" leads back to exactly the second.
    const p1 = await listCalls(db.prisma, dev, filter(), {}, NOW, 37);
    const p2 = await listCalls(db.prisma, dev, filter(), { after: p1.older! }, NOW, 37);
    const p3 = await listCalls(db.prisma, dev, filter(), { after: p2.older! }, NOW, 37);
    const back = await listCalls(db.prisma, dev, filter(), { before: p3.newer! }, NOW, 37);
    expect(back.rows.map((r) => r.id)).toEqual(p2.rows.map((r) => r.id));
    expect(p1.newer).toBeNull();
    const back1 = await listCalls(db.prisma, dev, filter(), { before: p2.newer! }, NOW, 37);
    expect(back1.rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
    expect(back1.newer).toBeNull();
  });

  it("filters by status class, one status, group and code, source, environment, operation and ids", async () => {
    const dev1 = ["212345"];
    const cases: [Partial<LogFilter>, (r: Prisma.ApiCallLogCreateManyInput) => boolean][] = [
      [{ status: "errors" }, (r) => r.httpStatus == null || r.httpStatus >= 400],
      [{ status: "2xx" }, (r) => r.httpStatus === 200],
      [{ status: "4xx" }, (r) => r.httpStatus != null && r.httpStatus >= 400 && r.httpStatus < 500],
      [{ status: "5xx" }, (r) => r.httpStatus === 500],
      [{ status: "network" }, (r) => r.httpStatus == null],
      [{ status: 429 }, (r) => r.httpStatus === 429],
      [{ errorGroup: "Payment", errorCode: "61" }, (r) => r.errorCode === "61"],
      [{ source: "callback" }, (r) => r.source === "callback"],
      [
        { environment: "production", operation: "refund" },
        (r) => r.environment === "production" && r.operation === "refund",
      ],
      [{ orderId: "ORD-7" }, (r) => r.orderId === "ORD-7"],
      [{ requestId: "req-13" }, (r) => r.requestId === "req-13"],
      [{ contextId: "ctx-16" }, (r) => r.contextId === "ctx-16"],
    ];
    for (const [over, pred] of cases) {
      expect((await walk(dev, filter(over), 500)).length, JSON.stringify(over)).toBe(expected(pred, dev1));
    }
    // A custom period: the hour that holds the calls logged in one millisecond, and nothing after.
    const from = new Date(NOW.getTime() - 3_600_000);
    const to = new Date(NOW.getTime() - 1_800_000);
    const custom = await walk(dev, filter({ time: { range: "custom", from, to } }), 500);
    expect(custom.length).toBe(expected((r) => new Date(r.at!) >= from && new Date(r.at!) < to, dev1));
  });

  it("keeps to the user's sales units: admins see calls without one, a developer never sees another unit's", async () => {
    expect((await walk(admin, filter(), 500)).length).toBe(all.length);
    const other = all.findIndex((r) => r.msn === "299999");
    const page = await listCalls(db.prisma, dev, filter({ msn: "299999" }), {}, NOW);
    expect(page.rows).toEqual([]);
    const otherRow = await db.prisma.apiCallLog.findFirst({ where: { requestId: `req-${other}` } });
    expect(await getCall(db.prisma, dev, otherRow!.id.toString())).toBeNull();
    expect((await getCall(db.prisma, admin, otherRow!.id.toString()))?.requestBody).toEqual({
      orderId: `ORD-${other % 40}`,
      amount: 1000 + other,
    });
    expect(await getCall(db.prisma, admin, "not-a-number")).toBeNull();
    expect(await getCall(db.prisma, admin, "99999999999")).toBeNull();
  });

  it("a click on a chart segment opens exactly the calls the segment counted", async () => {
    const d = await loadDashboard(db.prisma, dev, { range: "24h" }, NOW);
    let checked = 0;
    for (const bucket of d.series) {
      for (const [key, count] of Object.entries(bucket.counts)) {
        const from = new Date(bucket.at);
        const to = new Date(from.getTime() + d.stepMs);
        const f = filter({ time: { range: "custom", from, to }, ...keyFilter(d.keyParts[key]) });
        expect((await walk(dev, f, 500)).length, `${key} at ${from.toISOString()}`).toBe(count);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("exports the filtered list as CSV, every call once", async () => {
    const lines: string[] = [logCsvHeaderLine()];
    for await (const batch of iterateCalls(db.prisma, dev, filter({ status: "errors" }), NOW, 50)) {
      lines.push(...batch.map(logCsvRow));
    }
    expect(lines.length - 1).toBe(expected((r) => r.httpStatus == null || r.httpStatus >= 400, ["212345"]));
    expect(lines[0]).toBe(
      "at_utc,at_oslo,source,msn,environment,operation,method,path,order_id,http_status,error_group,error_code,error_message,network_error,context_id,request_id,duration_ms,attempt\r\n",
    );
    expect(lines.some((l) => l.includes(",Payment,61,Captured amount exceeds reserved,"))).toBe(true);
  });
});

describe("request log filters from the URL", () => {
  const now = NOW;
  it("reads every filter and writes none it did not get", () => {
    const { filter, errors } = parseLogParams(
      { range: "7d", msn: "212345", op: "capture", status: "429", group: "Payment", code: "61", order: "ORD-1" },
      now,
    );
    expect(errors).toEqual([]);
    expect(filter).toEqual({
      time: { range: "7d" },
      msn: "212345",
      operation: "capture",
      status: 429,
      errorGroup: "Payment",
      errorCode: "61",
      orderId: "ORD-1",
    });
  });

  it("says what it left out: a period that ends before it starts or spans years, bad values", () => {
    const bad = parseLogParams(
      {
        range: "custom",
        from: "2026-11-30T12:00",
        to: "2026-11-29T12:00",
        msn: "12ab",
        status: "abc",
        ctx: "x".repeat(101),
      },
      now,
    );
    expect(bad.errors).toEqual([
      { field: "range", error: "from_after_to" },
      { field: "status", error: "invalid" },
      { field: "msn", error: "invalid" },
      { field: "ctx", error: "invalid" },
    ]);
    expect(bad.filter).toEqual({ time: { range: "24h" } });
    expect(parseLogParams({ range: "custom", from: "2020-01-01T00:00", to: "2026-11-30T00:00" }, now).errors).toEqual([
      { field: "range", error: "too_long" },
    ]);
    expect(parseLogParams({ range: "custom", from: "2026-02-30T00:00" }, now).errors).toEqual([
      { field: "range", error: "invalid_from" },
    ]);
    // Oslo time from the form (winter: UTC+1); ISO 8601 from links.
    const custom = parseLogParams({ range: "custom", from: "2026-11-30T10:00", to: "2026-11-30T13:00:00.000Z" }, now);
    expect(custom.filter.time).toEqual({
      range: "custom",
      from: new Date("2026-11-30T09:00:00.000Z"),
      to: new Date("2026-11-30T13:00:00.000Z"),
    });
  });
});
