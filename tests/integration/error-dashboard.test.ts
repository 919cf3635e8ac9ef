// The error dashboard's numbers from the rollups, on PGlite and PostgreSQL: tiles against the
// previous period, errors over time by key, per-operation rates and latency, top errors with
// first/last seen and "new", filters, and the user's sales units only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { loadDashboard } from "@/lib/api-errors/dashboard";
import { writeCalls } from "@/lib/api-log/rollups";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { actor } from "../helpers/ingest";

const kinds = await databaseKinds();
const NOW = new Date(Date.UTC(2026, 10, 30, 12, 30, 20));
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

function call(at: Date, over: Partial<Prisma.ApiCallLogCreateManyInput> = {}): Prisma.ApiCallLogCreateManyInput {
  return {
    at,
    msn: "212345",
    environment: "simulator",
    operation: "capture",
    method: "POST",
    path: "/ecomm/v2/payments/{orderId}/capture",
    httpStatus: 200,
    durationMs: 40,
    ...over,
  };
}

describe.each(kinds)("error dashboard on %s", (kind) => {
  let db: TestDb;
  const dev = { ...actor("developer", ["212345"]), canViewPayments: false };
  const admin = actor("admin");

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    const rows = [
      // The last hour: 20 captures, 4 refused with Payment/61, 1 with a 500, 1 timeout; 10 details, 2 with 401.
      ...Array.from({ length: 14 }, (_, i) => call(minutesAgo(i * 3))),
      ...Array.from({ length: 4 }, (_, i) =>
        call(minutesAgo(5 + i), { httpStatus: 400, errorGroup: "Payment", errorCode: "61", durationMs: 120 }),
      ),
      call(minutesAgo(7), { httpStatus: 500, errorGroup: "VippsError", errorCode: "99", durationMs: 900 }),
      call(minutesAgo(8), { httpStatus: null, networkError: "timeout", durationMs: 10_000 }),
      ...Array.from({ length: 8 }, (_, i) => call(minutesAgo(i * 5), { operation: "details", method: "GET" })),
      ...Array.from({ length: 2 }, (_, i) => call(minutesAgo(2 + i), { operation: "details", httpStatus: 401 })),
      // The hour before: 10 captures, one Payment/61 (so 61 is not new), no 401.
      ...Array.from({ length: 9 }, (_, i) => call(minutesAgo(70 + i))),
      call(minutesAgo(75), { httpStatus: 400, errorGroup: "Payment", errorCode: "61" }),
      // Another sales unit, and a call without one: not the developer's.
      ...Array.from({ length: 5 }, (_, i) => call(minutesAgo(i), { msn: "299999", httpStatus: 500 })),
      call(minutesAgo(1), { msn: null, operation: "accessToken", httpStatus: 401 }),
    ];
    await writeCalls(db.prisma, rows);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("tiles for the last hour against the hour before, in the user's units only", async () => {
    const d = await loadDashboard(db.prisma, dev, { range: "1h" }, NOW);
    expect(d.now).toMatchObject({ calls: 30, errors: 8, client: 6, server: 1, network: 1 });
    expect(d.before).toMatchObject({ calls: 10, errors: 1, client: 1, server: 0, network: 0 });
    expect(d.now.p95).toBe(1_600); // the 29th of 30: the 500 that took 900 ms
    const all = await loadDashboard(db.prisma, admin, { range: "1h" }, NOW);
    expect(all.now.calls).toBe(36);
  });

  it("errors over time by key, per operation, and the top errors with 'new'", async () => {
    const d = await loadDashboard(db.prisma, dev, { range: "1h" }, NOW);
    expect(d.series).toHaveLength(60);
    expect(d.keys).toEqual(["Payment/61", "HTTP 401", "network", "VippsError/99"]);
    expect(d.series.reduce((s, b) => s + (b.counts["Payment/61"] ?? 0), 0)).toBe(4);
    const capture = d.operations.find((o) => o.operation === "capture")!;
    expect(capture).toMatchObject({ calls: 20, errors: 6, p50: 50 });
    const top = Object.fromEntries(d.top.map((t) => [`${t.key} ${t.operation}`, t]));
    expect(top["Payment/61 capture"]).toMatchObject({ count: 4, isNew: false, msns: ["212345"] });
    expect(top["Payment/61 capture"]!.share).toBeCloseTo(4 / 20);
    expect(top["HTTP 401 details"]).toMatchObject({ count: 2, isNew: true });
    expect(top["Payment/61 capture"]!.spark.reduce((a, b) => a + b, 0)).toBe(4);
    // Each with its remedy: by group and code where Vipps gave one, by status (and message) where not.
    expect(top["Payment/61 capture"]!.remedy.id).toBe("vipps.Payment.61");
    expect(top["VippsError/99 capture"]!.remedy.id).toBe("vipps.VippsError.99");
    expect(top["network capture"]!.remedy.id).toMatch(/^network\./);
    expect(top["network capture"]!.message).toBe("timeout");
    expect(top["HTTP 401 details"]!.remedy.id).toMatch(/^(http|gateway)\.401/);
  });

  it("filters by operation, sales unit and environment", async () => {
    expect((await loadDashboard(db.prisma, dev, { range: "1h", operation: "details" }, NOW)).now.calls).toBe(10);
    expect((await loadDashboard(db.prisma, admin, { range: "1h", msn: "299999" }, NOW)).now.errors).toBe(5);
    expect((await loadDashboard(db.prisma, dev, { range: "1h", msn: "299999" }, NOW)).now.calls).toBe(0);
    expect((await loadDashboard(db.prisma, dev, { range: "1h", environment: "production" }, NOW)).now.calls).toBe(0);
    const day = await loadDashboard(db.prisma, dev, { range: "24h" }, NOW);
    expect(day.now.calls).toBe(40);
    expect(day.series).toHaveLength(24); // hourly bars
  });

  it("a custom period: whole buckets of a size that keeps the chart readable, and the same span before it", async () => {
    // 12:00–12:20 UTC (the dashboard's custom range comes as instants): 1-minute bars.
    const from = new Date(Date.UTC(2026, 10, 30, 12, 0, 30));
    const to = new Date(Date.UTC(2026, 10, 30, 12, 20, 0));
    const d = await loadDashboard(db.prisma, dev, { range: "custom", from, to }, NOW);
    expect(d.stepMs).toBe(60_000);
    expect([d.from, d.to]).toEqual([new Date(Date.UTC(2026, 10, 30, 12, 0)), to]);
    expect(d.series).toHaveLength(20);
    // Within it: minutes 10–30 ago. 7 captures, 4 × 61 (5–8 min ago are 12:22–12:25: outside), details 10,15,20 min ago.
    const inside = (m: number) => minutesAgo(m) >= d.from && minutesAgo(m) < d.to;
    const captures = Array.from({ length: 14 }, (_, i) => i * 3).filter(inside).length;
    const details = Array.from({ length: 8 }, (_, i) => i * 5).filter(inside).length;
    expect(d.now.calls).toBe(captures + details);
    // 14 days: 8-hour bars at most 120 of them; a year: whole days.
    const fortnight = await loadDashboard(
      db.prisma,
      dev,
      { range: "custom", from: new Date(NOW.getTime() - 14 * 86_400_000), to: NOW },
      NOW,
    );
    expect(fortnight.stepMs).toBe(8 * 3_600_000); // 2-hour bars would be 168
    expect(fortnight.series.length).toBeLessThanOrEqual(120);
    expect(fortnight.now.calls).toBe(40);
    const year = await loadDashboard(
      db.prisma,
      dev,
      { range: "custom", from: new Date(NOW.getTime() - 365 * 86_400_000), to: NOW },
      NOW,
    );
    expect(year.stepMs).toBe(86_400_000);
    expect(year.now.calls).toBe(40);
  });

  it("a code-less error's message: the latest call's in the range, in the user's units and filters", async () => {
    // 500 days back, out of every other test's periods.
    const at = (minute: number, second = 0) =>
      new Date(NOW.getTime() - 500 * 86_400_000 + minute * 60_000 + second * 1000);
    const refused = (when: Date, msn: string, errorMessage: string, environment: "simulator" | "test" = "simulator") =>
      call(when, { msn, environment, operation: "cancel", httpStatus: 403, errorMessage });
    await writeCalls(db.prisma, [
      refused(at(10), "212345", "Merchant Not Allowed for Ecommerce Payment"),
      refused(at(20, 5), "212345", "Access denied due to invalid subscription key."),
      // The same minute, later: another unit's, then a test-environment call of the developer's unit.
      refused(at(20, 30), "299999", "Merchant Serial Number does not match the subscription key"),
      refused(at(20, 40), "212345", "Unauthorized", "test"),
      call(at(15), { msn: "212345", operation: "cancel", httpStatus: null, networkError: "socket hang up" }),
    ]);
    const period = { range: "custom" as const, from: at(0), to: at(60) };
    const messageOf = async (who: typeof dev, filter: { environment?: "simulator"; msn?: string } = {}) => {
      const d = await loadDashboard(db.prisma, who, { ...period, ...filter }, NOW);
      return Object.fromEntries(d.top.map((t) => [t.key, t.message]));
    };
    expect(await messageOf(dev)).toEqual({ "HTTP 403": "Unauthorized", network: "socket hang up" });
    expect((await messageOf(dev, { environment: "simulator" }))["HTTP 403"]).toBe(
      "Access denied due to invalid subscription key.",
    );
    expect((await messageOf(admin, { environment: "simulator" }))["HTTP 403"]).toBe(
      "Merchant Serial Number does not match the subscription key",
    );
    expect((await messageOf(admin, { environment: "simulator", msn: "212345" }))["HTTP 403"]).toBe(
      "Access denied due to invalid subscription key.",
    );
  });
});
