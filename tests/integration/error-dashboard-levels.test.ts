// The dashboard combines rollup levels (whole UTC days, hours at the edges, minutes beyond them) and
// must stay exact: random calls over 65 days (many on day, hour and minute edges) written through
// writeCalls, then every preset and odd custom periods checked against a count of the raw rows in
// JavaScript — tiles now and before, errors per bar, per operation, top errors with first/last seen
// and "new". On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { loadDashboard, type DashboardFilter } from "@/lib/api-errors/dashboard";
import { latencyBucket, LATENCY_BUCKETS, minuteOf, quantileFromBuckets, writeCalls } from "@/lib/api-log/rollups";
import { mulberry32 } from "@/lib/random";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { actor } from "../helpers/ingest";

const kinds = await databaseKinds();
const NOW = new Date(Date.UTC(2026, 10, 30, 12, 30, 20));
const DAY = 86_400_000;
const HOUR = 3_600_000;

const r = mulberry32(77);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function randomAt(): number {
  const start = NOW.getTime() - 65 * DAY;
  const t = start + Math.floor(r() * (NOW.getTime() - start));
  // Half on an edge: the last or first millisecond of a UTC day or an hour, or of a minute.
  const edge = pick([0, 0, DAY, HOUR, 60_000]);
  if (edge === 0) return t;
  const at = Math.floor(t / edge) * edge;
  return pick([at, at - 1, at + 59_999]);
}

const rows: Prisma.ApiCallLogCreateManyInput[] = Array.from({ length: 1500 }, () => {
  const status = pick([200, 200, 200, 200, 400, 401, 429, 500, 503, null]);
  const vipps = status === 400 || status === 500;
  return {
    at: new Date(Math.min(randomAt(), NOW.getTime())),
    msn: pick(["212345", "212346", "299999"]),
    environment: pick(["test", "production"] as const),
    operation: pick(["capture", "details", "refund"]),
    method: "POST",
    path: "/p",
    httpStatus: status,
    errorGroup: vipps ? pick(["Payment", "VippsError"]) : null,
    errorCode: vipps ? pick(["61", "99"]) : null,
    // Code-less errors' messages, which the top errors show: several per key, some at the same time.
    errorMessage: status !== null && !vipps && status >= 400 ? pick(["Unauthorized", "Forbidden", "", null]) : null,
    networkError: status === null ? pick(["timeout", "socket hang up"]) : null,
    durationMs: Math.floor(r() * 3000),
  };
});

const atOf = (x: Prisma.ApiCallLogCreateManyInput) => new Date(x.at!).getTime();
const isError = (x: Prisma.ApiCallLogCreateManyInput) => x.httpStatus === null || x.httpStatus! >= 400;

function totals(xs: Prisma.ApiCallLogCreateManyInput[]) {
  const buckets = new Array<number>(LATENCY_BUCKETS).fill(0);
  for (const x of xs) buckets[latencyBucket(x.durationMs)]!++;
  const status = (f: (s: number | null) => boolean) => xs.filter((x) => f(x.httpStatus ?? null)).length;
  return {
    calls: xs.length,
    errors: xs.filter(isError).length,
    client: status((s) => s !== null && s >= 400 && s < 500),
    server: status((s) => s !== null && s >= 500),
    network: status((s) => s === null),
    p95: quantileFromBuckets(buckets, 0.95),
  };
}

describe.each(kinds)("error dashboard across rollup levels on %s", (kind) => {
  let db: TestDb;
  const dev = { ...actor("developer", ["212345", "212346"]), canViewPayments: false };
  // An admin's view reads the levels summed over all units (lib/api-log/rollups.ts), a developer's the
  // per-unit levels: both must equal the raw calls.
  const admin = actor("admin");

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    for (let i = 0; i < rows.length; i += 100) await writeCalls(db.prisma, rows.slice(i, i + 100));
  });
  afterAll(async () => {
    await db?.close();
  });

  const filters: [string, DashboardFilter][] = [
    ["1h", { range: "1h" }],
    ["24h", { range: "24h" }],
    ["7d", { range: "7d" }],
    ["30d", { range: "30d" }],
    ["30d production", { range: "30d", environment: "production" }],
    ["custom 10 days", { range: "custom", from: new Date(NOW.getTime() - 10 * DAY - 3 * HOUR), to: NOW }],
    ["custom 100 days", { range: "custom", from: new Date(NOW.getTime() - 100 * DAY), to: NOW }],
    // Ended in the past: units and errors with calls after the period too.
    [
      "custom in the past",
      {
        range: "custom",
        from: new Date(NOW.getTime() - 20 * DAY - 5 * HOUR),
        to: new Date(NOW.getTime() - 5 * DAY - 3 * HOUR),
      },
    ],
    ["custom 3 hours", { range: "custom", from: new Date(NOW.getTime() - 3 * HOUR - 17 * 60_000), to: NOW }],
  ];

  const cases = filters.flatMap(([name, filter]) => [
    [`${name} (developer)`, filter, dev] as const,
    [`${name} (admin)`, filter, admin] as const,
  ]);

  it.each(cases)("%s equals a count of the raw calls", async (_name, filter, who) => {
    const d = await loadDashboard(db.prisma, who, filter, NOW);
    const mine = rows.filter(
      (x) =>
        (who.allSalesUnits || who.msns.includes(x.msn!)) &&
        (!filter.environment || x.environment === filter.environment),
    );
    const [from, to] = [d.from.getTime(), d.to.getTime()];
    const inRange = mine.filter((x) => atOf(x) >= from && atOf(x) < to);
    const before = mine.filter((x) => atOf(x) >= 2 * from - to && atOf(x) < from);
    expect(d.now, "now").toEqual(totals(inRange));
    expect(d.before, "before").toEqual(totals(before));

    const perBar = d.series.map((b) => Object.values(b.counts).reduce((s, n) => s + n, 0));
    const wantBars = d.series.map(() => 0);
    for (const x of inRange.filter(isError)) wantBars[Math.floor((atOf(x) - from) / d.stepMs)]!++;
    expect(perBar, "errors per bar").toEqual(wantBars);

    for (const o of d.operations) {
      const xs = inRange.filter((x) => x.operation === o.operation);
      expect({ calls: o.calls, errors: o.errors }, o.operation).toEqual({
        calls: xs.length,
        errors: xs.filter(isError).length,
      });
    }
    expect(d.operations.reduce((s, o) => s + o.calls, 0)).toBe(inRange.length);

    for (const t of d.top) {
      const same = (x: Prisma.ApiCallLogCreateManyInput) =>
        (x.httpStatus ?? 0) === t.httpStatus &&
        (x.errorGroup ?? "") === t.errorGroup &&
        (x.errorCode ?? "") === t.errorCode &&
        x.operation === t.operation;
      const xs = inRange.filter(same).map(atOf);
      const label = `${t.key} ${t.operation}`;
      expect(t.count, label).toBe(xs.length);
      expect(t.msns, `${label} units`).toEqual([...new Set(inRange.filter(same).map((x) => x.msn!))].sort());
      expect(t.firstSeen.getTime(), `${label} first`).toBe(minuteOf(new Date(Math.min(...xs))).getTime());
      expect(t.lastSeen.getTime(), `${label} last`).toBe(minuteOf(new Date(Math.max(...xs))).getTime() + 60_000);
      expect(t.isNew, `${label} new`).toBe(!mine.some((x) => same(x) && atOf(x) < from));
      // A code-less error's latest message in the range (of calls at the same time, the greatest).
      const messageOf = (x: Prisma.ApiCallLogCreateManyInput) => x.errorMessage ?? x.networkError ?? null;
      const latest = inRange
        .filter(same)
        .sort(
          (a, b) =>
            atOf(b) - atOf(a) ||
            ((messageOf(b) ?? "") > (messageOf(a) ?? "") ? 1 : (messageOf(b) ?? "") < (messageOf(a) ?? "") ? -1 : 0),
        )[0]!;
      expect(t.message, `${label} message`).toBe(t.errorGroup && t.errorCode ? null : messageOf(latest));
    }
  });
});
