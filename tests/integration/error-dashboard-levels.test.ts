// The dashboard combines rollup levels (whole UTC days, hours at the edges, minutes beyond them) and
// must stay exact: random calls over 65 days (many on day, hour and minute edges) written through
// writeCalls, then every preset and odd custom periods checked against a count of the raw rows in
// JavaScript — tiles now and before, errors per bar, per operation, top errors with first/last seen
// and "new". On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { loadDashboard, type DashboardFilter, type LoadOptions } from "@/lib/api-errors/dashboard";
import { writeCalls } from "@/lib/api-log/rollups";
import { mulberry32 } from "@/lib/random";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { expectRawCounts } from "../helpers/dashboard-raw";
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
    expectRawCounts(await loadDashboard(db.prisma, who, filter, NOW), rows, who, filter);
  });

  // The same windows read whole (nothing kept: the one read that also picks the top errors), and cut
  // where the hours that are over (kept, lib/api-errors/dashboard-cache.ts) meet the rest, at several
  // clocks: the last hour's window, the last day's, a week's. Every way must equal the raw calls.
  const walls: [string, LoadOptions][] = [
    ["read whole", { keep: "off" }],
    ["cut 40 minutes back", { wall: new Date(NOW.getTime() - 40 * 60_000) }],
    ["cut 9 hours back", { wall: new Date(NOW.getTime() - 9 * HOUR) }],
    ["cut 2 days back", { wall: new Date(NOW.getTime() - 2 * DAY - 7 * HOUR - 13 * 60_000) }],
  ];
  it.each(
    walls.flatMap(([how, o]) => cases.map(([name, filter, who]) => [`${name}, ${how}`, filter, who, o] as const)),
  )("%s equals a count of the raw calls", async (_name, filter, who, o) => {
    expectRawCounts(await loadDashboard(db.prisma, who, filter, NOW, o), rows, who, filter);
  });
});
