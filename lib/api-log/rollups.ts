// Per-minute rollups of logged API calls (ApiCallRollup), written in the same transaction as the raw
// rows, so every chart and tile reads rollups (a number of minutes), never the raw calls. Counts by
// minute × MSN × environment × operation × HTTP status × error group × code, with the duration sum
// and a fixed latency histogram (p50/p95 come from it). Several writers at once (app instances, the
// ingest API) are safe: each batch is grouped first, its keys sorted (no two transactions lock the
// same rows in opposite order), and added with INSERT … ON CONFLICT DO UPDATE.
import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";

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

interface Group extends RollupKey {
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
export function groupRows(rows: readonly Prisma.ApiCallLogCreateManyInput[]): Group[] {
  const groups = new Map<string, Group>();
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

const BUCKET_COLUMNS = Array.from({ length: LATENCY_BUCKETS }, (_, i) => `l${i}`);

/** Adds the batch's groups to the rollups (inside the caller's transaction). */
export async function addToRollups(
  tx: Pick<PrismaClient, "$executeRaw">,
  rows: readonly Prisma.ApiCallLogCreateManyInput[],
): Promise<void> {
  const groups = groupRows(rows);
  if (groups.length === 0) return;
  const values = groups.map(
    (g) =>
      Prisma.sql`(${g.minute}, ${g.msn}, ${g.environment}::"Environment", ${g.operation}, ${g.httpStatus}::int,
        ${g.errorGroup}, ${g.errorCode}, ${g.calls}::int, ${g.durationSumMs}::bigint, ${Prisma.join(
          g.buckets.map((b) => Prisma.sql`${b}::int`),
        )})`,
  );
  const columns = Prisma.raw(BUCKET_COLUMNS.map((c) => `"${c}"`).join(", "));
  const updates = Prisma.raw(
    ["calls", "durationSumMs", ...BUCKET_COLUMNS]
      .map((c) => `"${c}" = "ApiCallRollup"."${c}" + EXCLUDED."${c}"`)
      .join(", "),
  );
  await tx.$executeRaw`
    INSERT INTO "ApiCallRollup" ("minute", "msn", "environment", "operation", "httpStatus", "errorGroup",
      "errorCode", "calls", "durationSumMs", ${columns})
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("minute", "msn", "environment", "operation", "httpStatus", "errorGroup", "errorCode")
    DO UPDATE SET ${updates}`;
}

/**
 * The raw rows in one statement, the batch as one JSON parameter typed by the table's own row type
 * (json_populate_recordset). createMany sends a bind parameter per value (18,000 for 1,000 calls)
 * and took 0.6–0.9 s per 1,000 rows in Prisma and the planner; this takes ~40 ms (npm run bench --
 * errors). Columns are the keys the rows set (field names are the column names: no @map); a column
 * no row sets keeps its default.
 */
async function insertRows(
  tx: Pick<PrismaClient, "$executeRaw">,
  rows: readonly Prisma.ApiCallLogCreateManyInput[],
): Promise<void> {
  const keys = new Set<string>();
  for (const row of rows) for (const [k, v] of Object.entries(row)) if (v !== undefined && k !== "id") keys.add(k);
  const columns = Prisma.raw([...keys].map((k) => `"${k}"`).join(", "));
  const json = JSON.stringify(rows, (_, v: unknown) =>
    v instanceof Prisma.NullTypes.DbNull || v instanceof Prisma.NullTypes.JsonNull ? null : v,
  );
  await tx.$executeRaw`
    INSERT INTO "ApiCallLog" (${columns})
    SELECT ${columns} FROM json_populate_recordset(NULL::"ApiCallLog", ${json}::json)`;
}

/** Raw rows and their rollups, together: a chart never counts a call the log does not hold, or the reverse. */
export async function writeCalls(db: PrismaClient, rows: Prisma.ApiCallLogCreateManyInput[]): Promise<void> {
  if (rows.length === 0) return;
  // One time per row for both tables, also when the caller left it to "now".
  const timed = rows.map((r) => (r.at === undefined ? { ...r, at: new Date() } : r));
  await db.$transaction(async (tx) => {
    await insertRows(tx, timed);
    await addToRollups(tx, timed);
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
