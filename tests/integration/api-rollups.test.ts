// The rollups (per minute, hour and UTC day; per sales unit and summed over all) equal the raw rows: random calls (minute edges, latency-bucket edges, nulls,
// out-of-order times) written in random batches by concurrent writers (on PostgreSQL also through a
// second pool, as a second app instance), then every aggregate compared with a direct count over
// ApiCallLog. On PGlite and PostgreSQL.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import {
  LATENCY_BOUNDS_MS,
  latencyBucket,
  quantileFromBuckets,
  DERIVED_TABLES,
  ROLLUP_LEVELS,
  writeCalls,
} from "@/lib/api-log/rollups";
import { MIGRATIONS_DIR } from "@/lib/db/migrations";
import { mulberry32 } from "@/lib/random";
import { databaseKinds } from "../helpers/databases";
import { useDatabaseWithSecondPool } from "../helpers/second-pool";

const kinds = await databaseKinds();
const RUNS = Number(process.env.ROLLUP_PROPERTY_RUNS ?? 12);

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const BASE = Date.UTC(2026, 10, 30, 12, 0, 0);
const EDGE_DURATIONS = [0, ...LATENCY_BOUNDS_MS.flatMap((b) => [b, b + 1]), 40_000];

function randomRow(r: () => number): Prisma.ApiCallLogCreateManyInput {
  // A few minutes on both sides of three hour edges and of two UTC midnights (BASE is noon), so
  // minutes, hours and days all get shared and split.
  const minute = pick(r, [-721, -720, -61, -60, -1, 0, 1, 2, 3, 4, 5, 58, 59, 60, 61, 119, 719, 720, 721]);
  // Minute edges: the first and the last millisecond of a minute, and anything between.
  const offset = pick(r, [0, 59_999, 30_000, Math.floor(r() * 60_000)]);
  const status = pick(r, [200, 200, 200, 400, 401, 402, 429, 500, null]);
  const vipps = status !== null && status >= 400 && status !== 429;
  return {
    at: new Date(BASE + minute * 60_000 + offset),
    msn: pick(r, ["212345", "212346", null]),
    environment: pick(r, ["simulator", "test", "production"] as const),
    operation: pick(r, ["capture", "refund", "details", "initiate"]),
    method: "POST",
    path: "/ecomm/v2/payments/{orderId}/capture",
    httpStatus: status,
    errorGroup: vipps ? pick(r, ["Payment", "VippsError", "Merchant"]) : null,
    errorCode: vipps ? pick(r, ["61", "99", "41", null]) : null,
    // Messages that tie on time (minute edges) and differ only in case or by a missing one.
    errorMessage:
      status !== null && status >= 400 ? pick(r, ["Unauthorized", "unauthorized", "Ø-feil", "", null]) : null,
    networkError: status === null ? pick(r, ["timeout", "socket hang up"]) : null,
    durationMs: r() < 0.5 ? pick(r, EDGE_DURATIONS) : Math.floor(r() * 20_000),
  };
}

describe.each(kinds)("API call rollups on %s", (kind) => {
  const dbs = useDatabaseWithSecondPool(kind);

  /** Every aggregate the dashboard reads, from the raw rows. */
  const direct = () =>
    dbs.db.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT date_trunc('minute', "at") AS minute, coalesce("msn", '') AS msn, "environment"::text AS environment,
        "operation", coalesce("httpStatus", 0) AS "httpStatus", coalesce("errorGroup", '') AS "errorGroup",
        coalesce("errorCode", '') AS "errorCode", count(*)::int AS calls, sum("durationMs")::bigint AS "durationSumMs",
        array_agg("durationMs" ORDER BY "durationMs") AS durations
      FROM "ApiCallLog" GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`;
  const rollups = () =>
    dbs.db.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT "minute", "msn", "environment"::text AS environment, "operation", "httpStatus", "errorGroup", "errorCode",
        "calls", "durationSumMs", ARRAY["l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11"] AS buckets
      FROM "ApiCallRollup" ORDER BY 1, 2, 3, 4, 5, 6, 7`;

  /** The hourly and daily levels, from the raw rows (hours and days in UTC, as the rollups keep them). */
  const directLevel = (unit: "hour" | "day") =>
    dbs.db.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT date_trunc(${unit}, "at", 'UTC') AS time, coalesce("msn", '') AS msn, "environment"::text AS environment,
        "operation", coalesce("httpStatus", 0) AS "httpStatus", coalesce("errorGroup", '') AS "errorGroup",
        coalesce("errorCode", '') AS "errorCode", count(*)::int AS calls, sum("durationMs")::bigint AS "durationSumMs",
        array_agg("durationMs" ORDER BY "durationMs") AS durations,
        min(date_trunc('minute', "at")) AS "firstMinute", max(date_trunc('minute', "at")) AS "lastMinute"
      FROM "ApiCallLog" GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`;
  const levelRollups = (unit: "hour" | "day") =>
    dbs.db.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT ${Prisma.raw(`"${unit}"`)} AS time, "msn", "environment"::text AS environment, "operation", "httpStatus", "errorGroup", "errorCode",
        "calls", "durationSumMs", ARRAY["l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11"] AS buckets,
        "firstMinute", "lastMinute"
      FROM ${Prisma.raw(unit === "hour" ? `"ApiCallRollupHour"` : `"ApiCallRollupDay"`)} ORDER BY 1, 2, 3, 4, 5, 6, 7`;

  /** Every level summed over the sales units, with the set of units per key ("" for none). */
  const directAll = (unit: "minute" | "hour" | "day") =>
    dbs.db.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT date_trunc(${unit}, "at", 'UTC') AS time, "environment"::text AS environment,
        "operation", coalesce("httpStatus", 0) AS "httpStatus", coalesce("errorGroup", '') AS "errorGroup",
        coalesce("errorCode", '') AS "errorCode", count(*)::int AS calls, sum("durationMs")::bigint AS "durationSumMs",
        array_agg("durationMs" ORDER BY "durationMs") AS durations,
        array_agg(DISTINCT coalesce("msn", '') ORDER BY coalesce("msn", '')) AS msns,
        min(date_trunc('minute', "at")) AS "firstMinute", max(date_trunc('minute', "at")) AS "lastMinute"
      FROM "ApiCallLog" GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`;
  const allRollups = (unit: "minute" | "hour" | "day") => {
    const table = { minute: "ApiCallRollupAll", hour: "ApiCallRollupAllHour", day: "ApiCallRollupAllDay" }[unit];
    const [first, last] = unit === "minute" ? ["minute", "minute"] : ["firstMinute", "lastMinute"];
    return dbs.db.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT ${Prisma.raw(`"${unit}"`)} AS time, "environment"::text AS environment, "operation", "httpStatus",
        "errorGroup", "errorCode", "calls", "durationSumMs",
        ARRAY["l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11"] AS buckets, "msns",
        ${Prisma.raw(`"${first}"`)} AS "firstMinute", ${Prisma.raw(`"${last}"`)} AS "lastMinute"
      FROM ${Prisma.raw(`"${table}"`)} ORDER BY 1, 2, 3, 4, 5, 6`;
  };

  /** Each error key per unit: first minute, latest call, its message (ties: the greatest in byte order). */
  const directSeen = () =>
    dbs.db.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT coalesce("errorGroup", '') AS "errorGroup", coalesce("errorCode", '') AS "errorCode",
        coalesce("httpStatus", 0) AS "httpStatus", "operation", coalesce("msn", '') AS msn, "environment"::text AS environment,
        min(date_trunc('minute', "at")) AS "firstMinute", max("at") AS "lastAt",
        (array_agg(coalesce("errorMessage", "networkError")
          ORDER BY "at" DESC, coalesce("errorMessage", "networkError", '') COLLATE "C" DESC))[1] AS message
      FROM "ApiCallLog" WHERE "httpStatus" IS NULL OR "httpStatus" >= 400
      GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`;
  const seen = () =>
    dbs.db.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT "errorGroup", "errorCode", "httpStatus", "operation", "msn", "environment"::text AS environment,
        "firstMinute", "lastAt", "message"
      FROM "ApiCallErrorSeen" ORDER BY 1, 2, 3, 4, 5, 6`;
  const plain = (rows: Record<string, unknown>[]) =>
    rows.map((x) =>
      Object.fromEntries(
        Object.entries(x).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v === null ? null : String(v)]),
      ),
    );
  async function expectSeenEqual(label: string) {
    const want = plain(await directSeen());
    expect(want.length, label).toBeGreaterThan(0);
    expect(plain(await seen()), `${label} errors seen`).toEqual(want);
  }

  function expectEqual(want: Record<string, unknown>[], got: Record<string, unknown>[], key: string[], label: string) {
    expect(got.length, label).toBe(want.length);
    for (let i = 0; i < want.length; i++) {
      const w = want[i]!;
      const g = got[i]!;
      for (const k of key) expect(String(g[k]), `${label} ${k}`).toBe(String(w[k]));
      expect(Number(g.calls), `${label} calls`).toBe(Number(w.calls));
      expect(Number(g.durationSumMs), `${label} duration`).toBe(Number(w.durationSumMs));
      const buckets = new Array<number>(LATENCY_BOUNDS_MS.length + 1).fill(0);
      for (const d of w.durations as number[]) buckets[latencyBucket(d)]!++;
      expect((g.buckets as number[]).map(Number), `${label} histogram`).toEqual(buckets);
    }
  }

  it(`equal a direct count after random concurrent writes (${RUNS} runs)`, async () => {
    for (let run = 0; run < RUNS; run++) {
      const seed = 1000 + run;
      const r = mulberry32(seed);
      await dbs.db.prisma.$executeRaw`DELETE FROM "ApiCallLog"`;
      for (const table of DERIVED_TABLES) await dbs.db.prisma.$executeRaw`DELETE FROM ${Prisma.raw(`"${table}"`)}`;
      const rows = Array.from({ length: 150 + Math.floor(r() * 250) }, () => randomRow(r));
      // Random batches (out of time order), written by four writers at once over one or two pools.
      const batches: Prisma.ApiCallLogCreateManyInput[][] = [];
      for (let i = 0; i < rows.length;) {
        const n = 1 + Math.floor(r() * 40);
        batches.push(rows.slice(i, i + n));
        i += n;
      }
      let next = 0;
      await Promise.all(
        [0, 1, 2, 3].map(async (w) => {
          const client = w % 2 === 1 && dbs.second ? dbs.second.prisma : dbs.db.prisma;
          while (next < batches.length) await writeCalls(client, batches[next++]!);
        }),
      );

      const key = ["msn", "environment", "operation", "httpStatus", "errorGroup", "errorCode"];
      expectEqual(await direct(), await rollups(), ["minute", ...key], `seed ${seed} minutes`);
      for (const unit of ["hour", "day"] as const)
        expectEqual(
          await directLevel(unit),
          await levelRollups(unit),
          ["time", ...key, "firstMinute", "lastMinute"],
          `seed ${seed} ${unit}s`,
        );
      await expectSeenEqual(`seed ${seed}`);
      await expectAllUnitsEqual(`seed ${seed}`);
    }
  });

  async function expectAllUnitsEqual(label: string) {
    const key = ["time", "environment", "operation", "httpStatus", "errorGroup", "errorCode", "msns"];
    for (const unit of ["minute", "hour", "day"] as const)
      expectEqual(
        await directAll(unit),
        await allRollups(unit),
        [...key, "firstMinute", "lastMinute"],
        `${label} ${unit}s over all units`,
      );
  }

  /** 400 random calls through writeCalls into emptied tables. */
  async function writeRandom(seed: number) {
    const r = mulberry32(seed);
    await dbs.db.prisma.$executeRaw`DELETE FROM "ApiCallLog"`;
    for (const table of DERIVED_TABLES) await dbs.db.prisma.$executeRaw`DELETE FROM ${Prisma.raw(`"${table}"`)}`;
    const rows = Array.from({ length: 400 }, () => randomRow(r));
    for (let i = 0; i < rows.length; i += 50) await writeCalls(dbs.db.prisma, rows.slice(i, i + 50));
  }
  /** The INSERT statements of the migration named `*_<suffix>`, run as written. */
  async function runBackfill(suffix: string, statements: number) {
    const dir = readdirSync(MIGRATIONS_DIR).find((d) => d.endsWith(`_${suffix}`))!;
    const sql = readFileSync(path.join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8");
    const inserts = sql.split(";").filter((x) => x.includes("INSERT INTO"));
    expect(inserts).toHaveLength(statements);
    for (const statement of inserts) await dbs.db.prisma.$executeRawUnsafe(statement);
  }

  it("over all units: the migration's backfill from the per-unit levels equals a direct count", async () => {
    await writeRandom(4242);
    // As before the migration: the per-unit levels only.
    for (const { table, perUnit } of ROLLUP_LEVELS)
      if (!perUnit) await dbs.db.prisma.$executeRaw`DELETE FROM ${Prisma.raw(`"${table}"`)}`;
    await runBackfill("api_call_rollups_all", 3);
    await expectAllUnitsEqual("backfill");
  });

  it("errors seen: the migration's backfill from the daily rollups and the raw calls equals a direct computation", async () => {
    await writeRandom(777);
    await expectSeenEqual("writers");
    await dbs.db.prisma.$executeRaw`DELETE FROM "ApiCallErrorSeen"`;
    await runBackfill("api_call_error_seen", 1);
    await expectSeenEqual("backfill");
  });

  it("gives p50 and p95 as the bucket a quantile falls in", () => {
    // 100 calls: 50 of 10 ms, 45 of 100 ms, 5 of 5 s.
    const buckets = new Array<number>(12).fill(0);
    buckets[latencyBucket(10)] = 50;
    buckets[latencyBucket(100)] = 45;
    buckets[latencyBucket(5000)] = 5;
    expect(quantileFromBuckets(buckets, 0.5)).toBe(10);
    expect(quantileFromBuckets(buckets, 0.95)).toBe(100);
    expect(quantileFromBuckets(buckets, 0.96)).toBe(6400);
    expect(quantileFromBuckets(new Array<number>(12).fill(0), 0.5)).toBeNull();
  });
});
