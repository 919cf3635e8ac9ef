// Pruning the API call log, on PGlite and PostgreSQL: raw calls older than the retention go, newer
// stay (the edge of the cut-off on both sides); rollups older than 13 months go, newer stay; bounded
// batches loop until done, or stop at maxBatches and finish on the next run; two pruners at once
// (on PostgreSQL through two pools, as two app instances) delete each row once and never fail.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { pruneApiLog, rawCutoff, rollupCutoff } from "@/lib/api-log/prune";
import { startPruner } from "@/lib/api-log/prune-start";
import { DERIVED_TABLES, writeCalls } from "@/lib/api-log/rollups";
import { databaseKinds } from "../helpers/databases";
import { useDatabaseWithSecondPool } from "../helpers/second-pool";

const kinds = await databaseKinds();
const NOW = new Date("2026-11-21T10:00:00.000Z");
const CALLS_BEFORE = rawCutoff(NOW, 30).getTime();
const ROLLUPS_BEFORE = rollupCutoff(NOW).getTime();
const DAY = 86_400_000;

const call = (at: number, orderId: string): Prisma.ApiCallLogCreateManyInput => ({
  at: new Date(at),
  msn: "212345",
  environment: "simulator",
  operation: "details",
  method: "GET",
  path: "/ecomm/v2/payments/{orderId}/details",
  orderId,
  httpStatus: 200,
  durationMs: 50,
});

describe.each(kinds)("pruning the API call log on %s", (kind) => {
  const dbs = useDatabaseWithSecondPool(kind);

  const reset = async (rows: Prisma.ApiCallLogCreateManyInput[]) => {
    await dbs.db.prisma.$executeRaw`DELETE FROM "ApiCallLog"`;
    for (const table of DERIVED_TABLES) await dbs.db.prisma.$executeRaw`DELETE FROM ${Prisma.raw(`"${table}"`)}`;
    await writeCalls(dbs.db.prisma, rows);
  };
  const orderIds = async () =>
    (await dbs.db.prisma.apiCallLog.findMany({ select: { orderId: true }, orderBy: { orderId: "asc" } })).map(
      (r) => r.orderId,
    );
  const minutes = async () =>
    (await dbs.db.prisma.apiCallRollup.findMany({ select: { minute: true }, orderBy: { minute: "asc" } })).map((r) =>
      r.minute.toISOString(),
    );

  it("deletes closed spike alerts older than the rollups; keeps open ones and newer ones", async () => {
    await dbs.db.prisma.$executeRaw`DELETE FROM "SpikeAlert"`;
    const alert = (tag: string, openedAt: number, closedAt: number | null) => ({
      msn: "212345",
      environment: "simulator" as const,
      operation: tag,
      openKey: closedAt === null ? `212345|simulator|${tag}` : null,
      openedAt: new Date(openedAt),
      closedAt: closedAt === null ? null : new Date(closedAt),
      calls: 20,
      errors: 10,
      baselineRate: 0.01,
      baselineCalls: 1000,
      peakRate: 0.5,
      lastRate: 0.5,
    });
    await dbs.db.prisma.spikeAlert.createMany({
      data: [
        alert("closed-old", ROLLUPS_BEFORE - 2 * DAY, ROLLUPS_BEFORE - DAY),
        alert("closed-at-edge", ROLLUPS_BEFORE - DAY, ROLLUPS_BEFORE),
        alert("open-old", ROLLUPS_BEFORE - 2 * DAY, null),
        alert("closed-recent", NOW.getTime() - DAY, NOW.getTime() - 1000),
      ],
    });
    const r = await pruneApiLog(dbs.db.prisma, { now: NOW, retentionDays: 30 });
    expect(r.alerts).toBe(1);
    const left = await dbs.db.prisma.spikeAlert.findMany({
      select: { operation: true },
      orderBy: { operation: "asc" },
    });
    expect(left.map((a) => a.operation)).toEqual(["closed-at-edge", "closed-recent", "open-old"]);
  });

  it("deletes raw calls before the cut-off and rollups before 13 months; keeps the rest", async () => {
    await reset([
      call(NOW.getTime() - 500 * DAY, "rollup-too-old"),
      call(ROLLUPS_BEFORE - 60_000, "rollup-last-minute-out"),
      call(ROLLUPS_BEFORE, "rollup-first-minute-in"),
      call(CALLS_BEFORE - 1, "raw-last-ms-out"),
      call(CALLS_BEFORE, "raw-first-ms-in"),
      call(NOW.getTime() - 30 * DAY, "seeded-30-days-ago"),
      call(NOW.getTime() - 1, "just-now"),
    ]);
    const r = await pruneApiLog(dbs.db.prisma, { now: NOW, retentionDays: 30 });
    // Two minutes, their two hours and their two days; per unit and over all units; and the two hours'
    // versions (every call here was written after its hour was over, so each hour has one).
    expect(r).toMatchObject({ calls: 4, rollups: 14, done: true });
    const versions = await dbs.db.prisma.apiCallVersion.findMany({ select: { hour: true }, orderBy: { hour: "asc" } });
    expect(versions.length).toBe(5);
    expect(versions[0]!.hour.toISOString()).toBe(new Date(ROLLUPS_BEFORE).toISOString());
    expect(await orderIds()).toEqual(["just-now", "raw-first-ms-in", "seeded-30-days-ago"]);
    expect(await minutes()).toEqual([
      new Date(ROLLUPS_BEFORE).toISOString(),
      new Date(CALLS_BEFORE - 60_000).toISOString(),
      new Date(CALLS_BEFORE).toISOString(),
      new Date(NOW.getTime() - 30 * DAY).toISOString(),
      new Date(NOW.getTime() - 60_000).toISOString(),
    ]);
    const hours = await dbs.db.prisma.apiCallRollupHour.findMany({ select: { hour: true }, orderBy: { hour: "asc" } });
    expect(hours[0]!.hour.toISOString()).toBe(new Date(ROLLUPS_BEFORE).toISOString());
    // 13 months back, the hours on both sides of the raw cut-off (midnight), 30 days ago, now.
    expect(hours.length).toBe(5);
    const days = await dbs.db.prisma.apiCallRollupDay.findMany({ select: { day: true }, orderBy: { day: "asc" } });
    // 13 months back, the two days either side of the raw cut-off (30 days ago is in the later one), today.
    expect(days.map((d) => d.day.toISOString())).toEqual(
      [ROLLUPS_BEFORE, CALLS_BEFORE - DAY, CALLS_BEFORE, NOW.getTime() - (NOW.getTime() % DAY)].map((t) =>
        new Date(t).toISOString(),
      ),
    );
    // The levels over all units keep the same times (one unit here).
    for (const [all, unit, time] of [
      ["ApiCallRollupAll", "ApiCallRollup", "minute"],
      ["ApiCallRollupAllHour", "ApiCallRollupHour", "hour"],
      ["ApiCallRollupAllDay", "ApiCallRollupDay", "day"],
    ] as const) {
      const times = (table: string) =>
        dbs.db.prisma.$queryRaw<{ t: Date }[]>`
          SELECT ${Prisma.raw(`"${time}"`)} AS t FROM ${Prisma.raw(`"${table}"`)} ORDER BY 1`;
      expect(await times(all), all).toEqual(await times(unit));
    }
    // A second run finds nothing.
    expect(await pruneApiLog(dbs.db.prisma, { now: NOW, retentionDays: 30 })).toMatchObject({ calls: 0, rollups: 0 });
  });

  it("keeps each error key's first and latest call per unit while its latest call's rollups stay", async () => {
    const error = (at: number, orderId: string, httpStatus: number, errorMessage: string) => ({
      ...call(at, orderId),
      httpStatus,
      errorMessage,
    });
    await reset([
      error(ROLLUPS_BEFORE - 60_000, "gone", 500, "old"),
      error(NOW.getTime() - 500 * DAY, "first", 401, "long ago"),
      error(NOW.getTime() - DAY, "latest", 401, "yesterday"),
    ]);
    await pruneApiLog(dbs.db.prisma, { now: NOW, retentionDays: 30 });
    const seen = await dbs.db.prisma.apiCallErrorSeen.findMany({ orderBy: { httpStatus: "asc" } });
    expect(seen.map((s) => [s.httpStatus, s.firstMinute.getTime(), s.lastAt.getTime(), s.message])).toEqual([
      [401, NOW.getTime() - 500 * DAY, NOW.getTime() - DAY, "yesterday"],
    ]);
  });

  it("loops in bounded batches until done, or leaves the rest for the next run", async () => {
    const old = Array.from({ length: 53 }, (_, i) => call(CALLS_BEFORE - (i + 1) * 1000, `old-${i}`));
    await reset([...old, call(NOW.getTime() - DAY, "new")]);
    const partial = await pruneApiLog(dbs.db.prisma, { now: NOW, retentionDays: 30, batch: 10, maxBatches: 3 });
    expect(partial).toMatchObject({ calls: 30, done: false });
    // Oldest first: what is left are the 23 newest of the old calls.
    const left = await dbs.db.prisma.apiCallLog.aggregate({ _min: { at: true }, _count: true });
    expect(left._count).toBe(24);
    expect(left._min.at!.getTime()).toBe(CALLS_BEFORE - 23_000);
    expect(await pruneApiLog(dbs.db.prisma, { now: NOW, retentionDays: 30, batch: 10 })).toMatchObject({
      calls: 23,
      done: true,
    });
    expect(await orderIds()).toEqual(["new"]);
  });

  it("lets several instances prune at once: every old row deleted once, nothing else", async () => {
    const old = Array.from({ length: 400 }, (_, i) => call(CALLS_BEFORE - 1 - i * 37_000, `old-${i}`));
    await reset([...old, ...Array.from({ length: 20 }, (_, i) => call(NOW.getTime() - i * 3_600_000, `new-${i}`))]);
    const clients = [
      dbs.db.prisma,
      dbs.second?.prisma ?? dbs.db.prisma,
      dbs.db.prisma,
      dbs.second?.prisma ?? dbs.db.prisma,
    ];
    const results = await Promise.all(clients.map((c) => pruneApiLog(c, { now: NOW, retentionDays: 30, batch: 25 })));
    expect(results.reduce((s, r) => s + r.calls, 0)).toBe(400);
    expect(await dbs.db.prisma.apiCallLog.count()).toBe(20);
  });

  it("runs by itself in the loop the app starts, one log line per run with counts only", async () => {
    await reset([call(CALLS_BEFORE - 5_000, "old"), call(NOW.getTime() - DAY, "new")]);
    const lines: string[] = [];
    const loop = startPruner(async () => dbs.db.prisma, {
      retentionDays: 30,
      intervalMs: 3_600_000,
      firstRunMs: 10,
      log: (l) => lines.push(l),
    });
    await new Promise((r) => setTimeout(r, 50));
    await loop.runNow();
    await loop.stop();
    expect(lines[0]).toMatch(/^\[api-log\] pruned 1 call\(s\) before \d{4}-\d\d-\d\d and \d+ rollup row\(s\) before/);
    expect(lines.join("\n")).not.toContain("old");
    expect(await orderIds()).toEqual(["new"]);
  });
});
