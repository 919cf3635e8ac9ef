// Migration gateway_status_not_a_code: calls logged before it carry a gateway answer's HTTP status as
// their code ("401"). Applied to such a database, it clears those codes and folds their rollups (every
// level) into the rows without a code — after it, every level equals a count of the raw calls, and the
// other codes (Vipps groups, the token endpoint's) are untouched. On PGlite and PostgreSQL.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { writeCalls } from "@/lib/api-log/rollups";
import { applyMigrations, MIGRATIONS_DIR, SCHEMA_PATH } from "@/lib/db/migrations";
import { databaseKinds, emptyDatabase, type TestDb } from "../helpers/databases";

const kinds = await databaseKinds();
const NAME = readdirSync(MIGRATIONS_DIR).find((d) => d.endsWith("_gateway_status_not_a_code"))!;
const BASE = Date.UTC(2026, 10, 29, 23, 58);

const call = (minute: number, over: Partial<Prisma.ApiCallLogCreateManyInput>): Prisma.ApiCallLogCreateManyInput => ({
  at: new Date(BASE + minute * 60_000),
  msn: "212345",
  environment: "production",
  operation: "details",
  method: "GET",
  path: "/p",
  durationMs: 30 + minute,
  ...over,
});

const ROWS = [
  // The old client: the status as the code; beside calls of the same key without one (same minute too).
  call(0, { httpStatus: 401, errorCode: "401", errorMessage: "Access denied due to invalid subscription key." }),
  call(0, { httpStatus: 401, errorMessage: "Access denied due to invalid subscription key." }),
  call(1, { httpStatus: 401, errorCode: "401", errorMessage: "Unauthorized" }),
  call(3, { httpStatus: 403, errorCode: "403", errorMessage: "Merchant Not Allowed for Ecommerce Payment" }),
  call(65, { httpStatus: 429, errorCode: "429", errorMessage: "Rate limit is exceeded." }),
  // Codes of their own: stay.
  call(2, { httpStatus: 401, errorCode: "invalid_client", errorMessage: "AADSTS7000215" }),
  call(2, {
    httpStatus: 400,
    errorGroup: "Payment",
    errorCode: "400",
    errorMessage: "a Vipps code that looks like one",
  }),
  call(4, { httpStatus: 200 }),
];

describe.each(kinds)("migration gateway_status_not_a_code on %s", (kind) => {
  let db: TestDb;
  let dir: string;
  beforeAll(async () => {
    db = await emptyDatabase(kind);
    dir = mkdtempSync(path.join(tmpdir(), "mo-gateway-code-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true, filter: (src) => !src.includes(NAME) });
    await applyMigrations(db.migrationAdapter, { schemaPath: SCHEMA_PATH, migrationsDir: dir });
    await writeCalls(db.prisma, ROWS);
    cpSync(path.join(MIGRATIONS_DIR, NAME), path.join(dir, NAME), { recursive: true });
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const level = (table: string, time: string) =>
    db.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT ${Prisma.raw(`"${time}"`)} AS t, "httpStatus", "errorGroup", "errorCode", "calls", "durationSumMs"::int AS ms,
        ${Prisma.raw(time === "minute" ? `"minute", "minute"` : `"firstMinute", "lastMinute"`)}
      FROM ${Prisma.raw(`"${table}"`)} ORDER BY 1, 2, 3, 4`;
  const direct = (unit: string) =>
    db.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT date_trunc(${unit}, "at", 'UTC') AS t, coalesce("httpStatus", 0) AS "httpStatus",
        coalesce("errorGroup", '') AS "errorGroup", coalesce("errorCode", '') AS "errorCode", count(*)::int AS calls,
        sum("durationMs")::int AS ms, min(date_trunc('minute', "at")) AS "firstMinute",
        max(date_trunc('minute', "at")) AS "lastMinute"
      FROM "ApiCallLog" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
  const strip = (rows: Record<string, unknown>[], firstLast: boolean) =>
    rows.map(({ t, httpStatus, errorGroup, errorCode, calls, ms, firstMinute, lastMinute }) => ({
      t: new Date(t as Date).toISOString(),
      key: `${String(httpStatus)} ${String(errorGroup)} ${String(errorCode)}`,
      calls: Number(calls),
      ms: Number(ms),
      ...(firstLast ? { first: String(firstMinute), last: String(lastMinute) } : {}),
    }));

  it("clears the status filed as a code and folds every rollup level into the rows without one", async () => {
    expect(await db.prisma.apiCallLog.count({ where: { errorCode: { in: ["401", "403", "429"] } } })).toBe(4);
    expect(await applyMigrations(db.migrationAdapter, { schemaPath: SCHEMA_PATH, migrationsDir: dir })).toEqual([NAME]);

    const codes = await db.prisma.apiCallLog.findMany({ select: { errorCode: true }, orderBy: { id: "asc" } });
    expect(codes.map((c) => c.errorCode)).toEqual([null, null, null, null, null, "invalid_client", "400", null]);
    for (const [table, time] of [
      ["ApiCallRollup", "minute"],
      ["ApiCallRollupHour", "hour"],
      ["ApiCallRollupDay", "day"],
    ] as const) {
      const firstLast = time !== "minute";
      expect(strip(await level(table, time), firstLast), table).toEqual(strip(await direct(time), firstLast));
    }
    // Minute 0's two 401s are one row now.
    const minute0 = await db.prisma.apiCallRollup.findMany({ where: { minute: new Date(BASE), httpStatus: 401 } });
    expect(minute0.map((r) => [r.errorCode, r.calls])).toEqual([["", 2]]);
  });
});
