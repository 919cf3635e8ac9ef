// Per-minute rollups of logged API calls (ApiCallRollup), written in the same transaction as the raw
// rows, so every chart and tile reads rollups (a number of minutes), never the raw calls. Counts by
// minute × MSN × environment × operation × HTTP status × error group × code, with the duration sum
// and a fixed latency histogram (p50/p95 come from it). Several writers at once (app instances, the
// ingest API) are safe: each batch is grouped first, its keys sorted (no two transactions lock the
// same rows in opposite order), and added with INSERT … ON CONFLICT DO UPDATE. The same counts are
// kept per hour (ApiCallRollupHour) and per UTC day (ApiCallRollupDay) for the long views, each with
// its first and last minute, and the three levels again summed over all units (./rollup-levels.ts);
// every level is exact, so a view may combine them (lib/api-errors/spans.ts).
import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { levelRows, levelUpsert, quotedColumns, ROLLUP_LEVELS } from "./rollup-levels";

export { ROLLUP_LEVELS } from "./rollup-levels";

/** Upper bounds of the latency buckets l0 … l10, ms; l11 counts everything slower. */
export const LATENCY_BOUNDS_MS = [10, 25, 50, 100, 200, 400, 800, 1600, 3200, 6400, 12800] as const;
export const LATENCY_BUCKETS = LATENCY_BOUNDS_MS.length + 1;

export function latencyBucket(ms: number): number {
  const i = LATENCY_BOUNDS_MS.findIndex((bound) => ms <= bound);
  return i === -1 ? LATENCY_BOUNDS_MS.length : i;
}

/** What a rollup row is keyed on, from one raw row ("" for none, status 0 for no HTTP answer). */
export interface RollupKey {
  minute: Date;
  msn: string;
  environment: "simulator" | "test" | "production";
  operation: string;
  httpStatus: number;
  errorGroup: string;
  errorCode: string;
}

export interface RollupGroup extends RollupKey {
  calls: number;
  durationSumMs: number;
  buckets: number[];
}

export const minuteOf = (at: Date) => new Date(Math.floor(at.getTime() / 60_000) * 60_000);

export function rollupKeyOf(row: Prisma.ApiCallLogCreateManyInput): RollupKey {
  return {
    minute: minuteOf(new Date(row.at ?? Date.now())),
    msn: row.msn ?? "",
    environment: row.environment,
    operation: row.operation,
    httpStatus: row.httpStatus ?? 0,
    errorGroup: row.errorGroup ?? "",
    errorCode: row.errorCode ?? "",
  };
}

const keyString = (k: RollupKey) =>
  JSON.stringify([k.minute.getTime(), k.msn, k.environment, k.operation, k.httpStatus, k.errorGroup, k.errorCode]);

/** The batch's rows grouped by rollup key, in key order. */
export function groupRows(rows: readonly Prisma.ApiCallLogCreateManyInput[]): RollupGroup[] {
  const groups = new Map<string, RollupGroup>();
  for (const row of rows) {
    const key = rollupKeyOf(row);
    const id = keyString(key);
    let g = groups.get(id);
    if (!g) {
      g = { ...key, calls: 0, durationSumMs: 0, buckets: new Array<number>(LATENCY_BUCKETS).fill(0) };
      groups.set(id, g);
    }
    g.calls++;
    g.durationSumMs += row.durationMs;
    g.buckets[latencyBucket(row.durationMs)]!++;
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}

// The raw rows, like every level's rows (./rollup-levels.ts), go as ONE jsonb parameter typed by the
// table's own row type (jsonb_populate_recordset): bound parameters per row are what makes createMany
// slow, ~10× on PGlite.
const quoted = (columns: readonly string[]) => Prisma.raw(quotedColumns(columns));

/**
 * Adds the batch's groups to every level (inside the caller's transaction). Each statement locks its
 * rows in key order and the levels go in one order, so concurrent writers never deadlock.
 */
export async function addToRollups(
  tx: Pick<PrismaClient, "$executeRaw">,
  rows: readonly Prisma.ApiCallLogCreateManyInput[],
): Promise<void> {
  const groups = groupRows(rows);
  if (groups.length === 0) return;
  for (const level of ROLLUP_LEVELS) await tx.$executeRaw(levelUpsert(level, levelRows(level, groups)));
  const seen = errorSeenUpsert(rows);
  if (seen) await tx.$executeRaw(seen);
  // Last: its hour is read from the clock just before the commit.
  const late = versionUpsert(groups, Date.now(), Math.floor(Math.random() * VERSION_SHARDS));
  if (late) await tx.$executeRaw(late);
}

/**
 * How far apart two machines' clocks may be (and a writer's last statement from its commit). A writer
 * counts an hour as over this much before its own clock says so, and the dashboard keeps sums only
 * for hours over this much after its clock says so: every write to an hour the dashboard keeps bumps
 * that hour's version (lib/api-errors/dashboard-cache.ts).
 */
export const CLOCK_GRACE_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
export const VERSION_SHARDS = 16;

/** The start of the first hour a writer at `nowMs` still counts as open. */
export const writerOpenFrom = (nowMs: number) => Math.floor((nowMs + CLOCK_GRACE_MS) / HOUR_MS) * HOUR_MS;
/** The start of the first hour a reader at `nowMs` still treats as open (every earlier hour is over). */
export const readerOpenFrom = (nowMs: number) => Math.floor((nowMs - CLOCK_GRACE_MS) / HOUR_MS) * HOUR_MS;

/**
 * The batch's hours that are over (calls arriving late, or in an hour's last minutes) get a new
 * version in ApiCallVersion, in one shard, last and in hour order like the levels: higher than the
 * row's previous version and than any version written before (the clock in microseconds), so a
 * version never comes back after the table was emptied.
 */
export function versionUpsert(groups: readonly RollupGroup[], nowMs: number, shard: number): Prisma.Sql | null {
  const open = writerOpenFrom(nowMs);
  const hours = [...new Set(groups.map((g) => Math.floor(g.minute.getTime() / HOUR_MS) * HOUR_MS))]
    .filter((h) => h < open)
    .sort((a, b) => a - b)
    .map((h) => new Date(h).toISOString());
  if (hours.length === 0) return null;
  return Prisma.sql`
    INSERT INTO "ApiCallVersion" ("hour", "shard", "version")
    SELECT h, ${shard}::smallint, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint
    FROM unnest(${hours}::timestamptz[]) AS h ORDER BY h
    ON CONFLICT ("hour", "shard") DO UPDATE SET
      "version" = GREATEST("ApiCallVersion"."version" + 1, EXCLUDED."version")`;
}

/** Hour versions (ApiCallVersion) are pruned with the rollups, by their hour. */
export const VERSIONS = { table: "ApiCallVersion", time: "hour" } as const;

/** Each error key's first and latest call per unit (ApiCallErrorSeen), pruned by its latest call. */
export const ERROR_SEEN = { table: "ApiCallErrorSeen", time: "lastAt" } as const;

/** Every table writeCalls adds to besides the raw calls (tests and the benchmark empty or count them). */
export const DERIVED_TABLES: readonly string[] = [
  ...ROLLUP_LEVELS.map((l) => l.table),
  ERROR_SEEN.table,
  VERSIONS.table,
];

/** An error: no HTTP answer (status 0 in the rollups) or 4xx/5xx. */
const isErrorRow = (row: Prisma.ApiCallLogCreateManyInput) => row.httpStatus == null || row.httpStatus >= 400;

/**
 * The batch's errors added to ApiCallErrorSeen (each error key per unit: first minute, latest call and
 * its message), after the levels and in key order like them. The latest call is chosen in SQL (time,
 * then the message in byte order) in the batch and against the stored row alike, so the result does
 * not depend on how calls were split into batches or in which order the batches came.
 */
export function errorSeenUpsert(rows: readonly Prisma.ApiCallLogCreateManyInput[]): Prisma.Sql | null {
  const json = rows.filter(isErrorRow).map((row) => {
    const k = rollupKeyOf(row);
    const { msn, environment, operation, httpStatus, errorGroup, errorCode } = k;
    const message = row.errorMessage ?? row.networkError ?? null;
    return {
      msn,
      environment,
      operation,
      httpStatus,
      errorGroup,
      errorCode,
      minute: k.minute,
      at: new Date(row.at ?? k.minute),
      message,
    };
  });
  if (json.length === 0) return null;
  const t = `"ApiCallErrorSeen"`;
  const newer = `(EXCLUDED."lastAt", coalesce(EXCLUDED."message", '') COLLATE "C") > (${t}."lastAt", coalesce(${t}."message", '') COLLATE "C")`;
  return Prisma.sql`
    INSERT INTO "ApiCallErrorSeen" ("errorGroup", "errorCode", "httpStatus", "operation", "msn", "environment",
      "firstMinute", "lastAt", "message")
    SELECT "errorGroup", "errorCode", "httpStatus", "operation", "msn", "environment"::"Environment", min("minute"),
      max("at"), (array_agg("message" ORDER BY "at" DESC, coalesce("message", '') COLLATE "C" DESC))[1]
    FROM jsonb_to_recordset(${JSON.stringify(json)}::jsonb) AS g("errorGroup" text, "errorCode" text, "httpStatus" int,
      "operation" text, "msn" text, "environment" text, "minute" timestamptz, "at" timestamptz, "message" text)
    GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("errorGroup", "errorCode", "httpStatus", "operation", "msn", "environment") DO UPDATE SET
      "firstMinute" = LEAST(${Prisma.raw(t)}."firstMinute", EXCLUDED."firstMinute"),
      "lastAt" = GREATEST(${Prisma.raw(t)}."lastAt", EXCLUDED."lastAt"),
      "message" = CASE WHEN ${Prisma.raw(newer)} THEN EXCLUDED."message" ELSE ${Prisma.raw(t)}."message" END`;
}

const LOG_COLUMNS = new Set<string>(Object.values(Prisma.ApiCallLogScalarFieldEnum));
const isPrismaNull = (v: unknown) => v === Prisma.DbNull || v === Prisma.JsonNull || v === Prisma.AnyNull;

async function insertLogRows(tx: Pick<PrismaClient, "$executeRaw">, json: readonly Prisma.ApiCallLogCreateManyInput[]) {
  const columns = [...new Set(json.flatMap((r) => Object.keys(r)))].filter((c) => LOG_COLUMNS.has(c));
  const text = JSON.stringify(json, (_key, v: unknown) =>
    typeof v === "bigint" ? v.toString() : isPrismaNull(v) ? null : v,
  );
  await tx.$executeRaw`
    INSERT INTO "ApiCallLog" (${quoted(columns)})
    SELECT ${quoted(columns)} FROM jsonb_populate_recordset(NULL::"ApiCallLog", ${text}::jsonb)`;
}

/** Raw rows and their rollups, together: a chart never counts a call the log does not hold, or the reverse. */
export async function writeCalls(db: PrismaClient, rows: Prisma.ApiCallLogCreateManyInput[]): Promise<void> {
  if (rows.length === 0) return;
  // The columns' defaults, as createMany would fill them, and one `at` for the rollup and the row.
  const now = new Date();
  const filled = rows.map((row) => ({ ...row, at: row.at ?? now, attempt: row.attempt ?? 1 }));
  await db.$transaction(async (tx) => {
    await insertLogRows(tx, filled);
    await addToRollups(tx, filled);
  });
}

/** p-quantile (0–1) from a latency histogram: the upper bound of the bucket it falls in (ms). */
export function quantileFromBuckets(buckets: readonly number[], q: number): number | null {
  const total = buckets.reduce((s, b) => s + b, 0);
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i]!;
    if (seen >= rank) return i < LATENCY_BOUNDS_MS.length ? LATENCY_BOUNDS_MS[i]! : Infinity;
  }
  return Infinity;
}
