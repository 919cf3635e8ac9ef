// The error dashboard keeps what it summed for hours that are over (lib/api-errors/dashboard-cache.ts)
// and must never show a kept sum that a later write changed: calls arriving late (into hours that are
// over) bump the hours' versions (writeCalls), and the next read sums those hours again. Also: a kept
// read is really kept (a change that bypasses writeCalls is not seen), and two instances — two
// clients, each with its own kept sums — agree. On PGlite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { loadDashboard, type Dashboard, type DashboardFilter } from "@/lib/api-errors/dashboard";
import { writeCalls } from "@/lib/api-log/rollups";
import { mulberry32 } from "@/lib/random";
import { expectRawCounts } from "../helpers/dashboard-raw";
import { databaseKinds, type TestDb } from "../helpers/databases";
import { useDatabaseWithSecondPool } from "../helpers/second-pool";
import { actor } from "../helpers/ingest";

const kinds = await databaseKinds();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// The real clock: which hours a writer counts as over is its own clock's business (never a test's).
const NOW = new Date();

const r = mulberry32(2026);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const call = (at: number): Prisma.ApiCallLogCreateManyInput => {
  const status = pick([200, 200, 200, 400, 401, 500, null]);
  const vipps = status === 400 || status === 500;
  return {
    at: new Date(at),
    msn: pick(["212345", "212346", "299999"]),
    environment: "production",
    operation: pick(["capture", "refund"]),
    method: "POST",
    path: "/p",
    httpStatus: status,
    errorGroup: vipps ? "Payment" : null,
    errorCode: vipps ? pick(["61", "99"]) : null,
    errorMessage: status === 401 ? pick(["Unauthorized", "Forbidden"]) : null,
    networkError: status === null ? "timeout" : null,
    durationMs: Math.floor(r() * 2000),
  };
};
const within = (from: number, to: number) => from + Math.floor(r() * (to - from));

const filters: DashboardFilter[] = [{ range: "1h" }, { range: "24h" }, { range: "7d" }, { range: "30d" }];
const dev = { ...actor("developer", ["212345", "212346"]), canViewPayments: false };
const admin = actor("admin");
const views = filters.flatMap((f) => [[f.range, f, dev] as const, [f.range, f, admin] as const]);

/** Everything a user sees, without the time it was read. */
const shown = (d: Dashboard) => ({ ...d, readAt: undefined });

describe.each(kinds)("the error dashboard's kept sums on %s", (kind) => {
  const dbs = useDatabaseWithSecondPool(kind);
  let db: TestDb;
  // A second instance (PostgreSQL): its own client, its own kept sums.
  const other = () => dbs.second?.prisma ?? db.prisma;
  const rows: Prisma.ApiCallLogCreateManyInput[] = [];
  const write = async (xs: Prisma.ApiCallLogCreateManyInput[]) => {
    rows.push(...xs);
    for (let i = 0; i < xs.length; i += 100) await writeCalls(db.prisma, xs.slice(i, i + 100));
  };

  beforeAll(async () => {
    db = dbs.db;
    // 40 days up to now, a tenth of them in the last two hours (the part read every time).
    await write(
      Array.from({ length: 1200 }, (_, i) =>
        call(
          i % 10 === 0
            ? within(NOW.getTime() - 2 * HOUR, NOW.getTime())
            : within(NOW.getTime() - 40 * DAY, NOW.getTime()),
        ),
      ),
    );
  });

  it.each(views)("%s: a kept read equals a whole read and the raw calls", async (_n, filter, who) => {
    const first = await loadDashboard(db.prisma, who, filter, NOW, { wall: NOW });
    const again = await loadDashboard(db.prisma, who, filter, NOW, { wall: NOW });
    const whole = await loadDashboard(db.prisma, who, filter, NOW, { keep: "off" });
    expect(shown(again)).toEqual(shown(whole));
    expect(shown(first)).toEqual(shown(whole));
    expectRawCounts(again, rows, who, filter);
  });

  it.each(views)(
    "%s: calls arriving late for hours that are over are shown at the next read",
    async (_n, filter, who) => {
      await loadDashboard(db.prisma, who, filter, NOW, { wall: NOW }); // kept
      const span = { "1h": HOUR, "24h": DAY, "7d": 7 * DAY, "30d": 30 * DAY }[filter.range as "1h"];
      // Late: into the window's hours that are over (the clock's last hour and more back), and now.
      await write([
        ...Array.from({ length: 40 }, () => call(within(NOW.getTime() - span + 60_000, NOW.getTime() - 70 * 60_000))),
        call(NOW.getTime() - 1000),
      ]);
      const later = await loadDashboard(db.prisma, who, filter, NOW, { wall: NOW });
      expectRawCounts(later, rows, who, filter);
      expect(shown(later)).toEqual(shown(await loadDashboard(db.prisma, who, filter, NOW, { keep: "off" })));
      // The other instance, which kept nothing yet, and once it has: the same.
      expect(shown(await loadDashboard(other(), who, filter, NOW, { wall: NOW }))).toEqual(shown(later));
    },
  );

  it("keeps what it summed: a change that bypasses writeCalls (no version) is not seen until one moves", async () => {
    const filter: DashboardFilter = { range: "30d" };
    const before = await loadDashboard(db.prisma, admin, filter, NOW, { wall: NOW });
    // Ten more calls in an old day's rollups, behind writeCalls' back: no raw call, no version.
    const day = new Date(Math.floor((NOW.getTime() - 10 * DAY) / DAY) * DAY);
    const changed = await db.prisma.$executeRaw`
      UPDATE "ApiCallRollupAllDay" SET "calls" = "calls" + 10
      WHERE "day" = ${day} AND "operation" = 'capture' AND "httpStatus" = 200 AND "environment" = 'production'`;
    expect(changed).toBe(1);
    const kept = await loadDashboard(db.prisma, admin, filter, NOW, { wall: NOW });
    expect(kept.now.calls).toBe(before.now.calls);
    expect((await loadDashboard(db.prisma, admin, filter, NOW, { keep: "off" })).now.calls).toBe(before.now.calls + 10);
    // One late call for that day (through writeCalls) moves its version: both changes are seen.
    await write([{ ...call(day.getTime() + 5 * HOUR), httpStatus: 200, errorGroup: null, errorCode: null }]);
    const moved = await loadDashboard(db.prisma, admin, filter, NOW, { wall: NOW });
    expect(moved.now.calls).toBe(before.now.calls + 11);
    await db.prisma.$executeRaw`
      UPDATE "ApiCallRollupAllDay" SET "calls" = "calls" - 10
      WHERE "day" = ${day} AND "operation" = 'capture' AND "httpStatus" = 200 AND "environment" = 'production'`;
  });
});
