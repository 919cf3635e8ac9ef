// Synthetic API call logs for the error-dashboard benchmark (npm run bench -- errors), generated
// inside the database (INSERT … SELECT FROM generate_series), then their per-minute rollups built with
// the SQL the app's own migration backfills them with (prisma/migrations/*_api_call_rollups), and a
// sample checked against groupRows() — what writeCalls() adds for the same rows.
//
// Shape: calls uniform over `days` before `now`; 50 sales units, skewed like the payments bench
// (the largest ~9 %); 95 % production, 5 % test; operations weighted as a shop calls them; latency
// log-normal around a median per operation; ~4 % errors of the kinds a shop meets (Payment/61,
// Merchant/35, gateway 401/403 without a code, 429 bursts, VippsError/99 and 503, timeouts), and a
// two-hour bad-deploy spike of 500s three days back, and an error first seen 45 minutes ago. Every value is a pure function of the call
// number g, so two runs generate the same calls.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DERIVED_TABLES, groupRows, LATENCY_BUCKETS } from "@/lib/api-log/rollups";
import { MIGRATIONS_DIR } from "@/lib/db/migrations";
import { allVisiblePct, beginBulkLoad, endBulkLoad, insertBenchSalesUnits, type SqlExecutor } from "./generate";
import { benchMsn } from "./shape";

export interface CallsShape {
  calls: number;
  salesUnits: number;
  days: number;
  /** epoch ms; calls span the `days` before it */
  now: number;
}

// [operation, method, path, share, median ms]
const OPERATIONS = [
  ["details", "GET", "/ecomm/v2/payments/{orderId}/details", 0.38, 90],
  ["initiate", "POST", "/ecomm/v2/payments", 0.17, 250],
  ["capture", "POST", "/ecomm/v2/payments/{orderId}/capture", 0.14, 300],
  ["accessToken", "POST", "/accesstoken/get", 0.1, 80],
  ["refund", "POST", "/ecomm/v2/payments/{orderId}/refund", 0.07, 350],
  ["cancel", "PUT", "/ecomm/v2/payments/{orderId}/cancel", 0.05, 250],
  ["status", "GET", "/ecomm/v2/payments/{orderId}/status", 0.05, 90],
  ["approve", "POST", "/ecomm/v2/integration-test/payments/{orderId}/approve", 0.04, 400],
] as const;

// [status (0 = no answer), group, code, message, operation it happens on ("" = any), share]
const OUTCOMES = [
  [500, "VippsError", "99", "Internal error", "", 0.004],
  [400, "Payment", "61", "Captured amount exceeds the reserved amount", "capture", 0.005],
  [400, "Payment", "71", "Cant refund more than captured amount", "refund", 0.002],
  [402, "Payment", "42", "Refused by issuer bank", "initiate", 0.003],
  [404, "Merchant", "35", "Requested Order not found", "details", 0.004],
  [400, "InvalidRequest", "transaction.amount", "Amount must be greater than 0", "initiate", 0.002],
  [401, "", "", "Access denied due to invalid subscription key.", "accessToken", 0.003],
  [401, "", "", "Unauthorized: the access token has expired", "details", 0.002],
  [403, "", "", "Merchant Serial Number does not match the subscription key", "details", 0.001],
  [429, "", "", "Rate limit is exceeded. Try again later.", "", 0.008],
  [503, "", "", "Service Unavailable", "", 0.002],
  [0, "", "", "timeout after 10000 ms", "", 0.003],
  // Only in the last 45 minutes (a deploy with a bad callback URL): "new" on the dashboard.
  [400, "InvalidRequest", "merchantInfo.callbackPrefix", "Invalid callbackPrefix", "initiate", 0],
] as const;

/** uniform [0, 1) from (expr, seed), deterministic (as generate.ts draws its values). */
const u = (expr: string, seed: number) =>
  `((hashint8extended((${expr})::bigint, ${seed}) & 2147483647)::float8 / 2147483648.0)`;
const arr = (xs: readonly (string | number)[], type: string) =>
  `ARRAY[${xs.map((x) => (typeof x === "number" ? String(x) : `'${x.replace(/'/g, "''")}'`)).join(",")}]::${type}[]`;

function pick(draw: string, shares: readonly number[]): string {
  let acc = 0;
  const whens = shares.map((s, i) => `WHEN ${draw} < ${(acc += s).toFixed(6)} THEN ${i + 1}`);
  return `(CASE ${whens.join(" ")} ELSE 0 END)`;
}

/** One batch [lo, hi] of calls, in one statement. $1 lo, $2 hi, $3 now (epoch ms), $4 days. */
export function callsBatchSql(units: number): string {
  const o = (i: number) =>
    arr(
      OPERATIONS.map((x) => x[i] as string | number),
      i === 4 ? "int" : "text",
    );
  const e = (i: number) =>
    arr(
      OUTCOMES.map((x) => x[i] as string | number),
      i === 0 ? "int" : "text",
    );
  const msns = arr(
    Array.from({ length: units }, (_, i) => benchMsn(i)),
    "text",
  );
  const spike = `at >= to_timestamp($3::float8 / 1000) - interval '3 days' AND at < to_timestamp($3::float8 / 1000) - interval '70 hours'`;
  return `
WITH d AS (
  SELECT g, to_timestamp($3::float8 / 1000) - interval '1 day' * $4::float8 * ${u("g", 21)} AS at,
    least(${units - 1}, floor(${units} * power(${u("g", 22)}, 1.6)))::int + 1 AS unit,
    ${pick(
      u("g", 23),
      OPERATIONS.map((x) => x[3]),
    )} AS op0,
    ${pick(
      u("g", 24),
      OUTCOMES.map((x) => x[5]),
    )} AS oc0,
    ${u("g", 25)} AS spike_draw,
    exp(0.6 * sqrt(-2 * ln(1 - ${u("g", 26)})) * cos(2 * pi() * ${u("g", 27)})) AS jitter,
    ${u("g", 28)} < 0.05 AS test
  FROM generate_series($1::bigint, $2::bigint) AS g
), o AS (
  SELECT d.*, CASE WHEN ${spike} AND spike_draw < 0.25 THEN 1
    WHEN at >= to_timestamp($3::float8 / 1000) - interval '45 minutes' AND spike_draw >= 0.98 THEN ${OUTCOMES.length}
    ELSE oc0 END AS oc FROM d
), c AS (
  SELECT o.*, (${e(1)})[oc] AS grp, (${e(2)})[oc] AS code, (${e(3)})[oc] AS msg, (${e(0)})[oc] AS status,
    coalesce(array_position(${o(0)}, nullif((${e(4)})[oc], '')), greatest(op0, 1)) AS op
  FROM o
)
INSERT INTO "ApiCallLog" (at, msn, environment, operation, method, path, "orderId", "httpStatus", "errorGroup",
  "errorCode", "errorMessage", "contextId", "networkError", "durationMs", "requestId", "responseBody")
SELECT at, (${msns})[unit], CASE WHEN test THEN 'test' ELSE 'production' END::"Environment",
  (${o(0)})[op], (${o(1)})[op], (${o(2)})[op],
  CASE WHEN op <> 4 THEN 'FS-' || (100000 + g / 4) END,
  CASE WHEN oc = 0 THEN 200 WHEN status = 0 THEN NULL ELSE status END,
  nullif(grp, ''), nullif(code, ''), CASE WHEN status > 0 THEN msg END,
  CASE WHEN oc > 0 AND status > 0 THEN substr(md5(g::text), 1, 8) || '-' || substr(md5(g::text), 9, 4) || '-bench' END,
  CASE WHEN status = 0 THEN msg END,
  CASE WHEN status = 0 THEN 10000 ELSE least(60000, round((${o(4)})[op] * jitter))::int END,
  CASE WHEN op IN (3, 5, 6) THEN substr(md5('r' || g), 1, 32) END,
  CASE WHEN oc > 0 AND grp <> '' THEN jsonb_build_array(jsonb_build_object('errorGroup', grp, 'errorCode', code,
    'errorMessage', msg, 'contextId', substr(md5(g::text), 1, 8) || '-bench')) END
FROM c`;
}

/** The `INSERT INTO "<target>"` statement of the app's migration named `*_<suffix>` (its backfill). */
function migrationInsert(suffix: string, target: string): { dir: string; insert: string } {
  const dir = readdirSync(MIGRATIONS_DIR).find((d) => d.endsWith(`_${suffix}`));
  if (!dir) throw new Error(`no *_${suffix} migration`);
  const sql = readFileSync(path.join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8");
  const start = sql.indexOf(`INSERT INTO "${target}"`);
  if (start < 0) throw new Error(`no backfill of ${target} in ${dir}`);
  return { dir, insert: sql.slice(start, sql.indexOf(";", start)).trim() };
}

/**
 * A backfill from the app's own migration (the one named `*_<suffix>`), limited to [$1, $2) of `time`
 * in the table it reads: the minute rollups from the raw calls, the hours from the minutes.
 */
function backfillSliceSql(suffix: string, target: string, source: string, time: string): string {
  const { dir, insert } = migrationInsert(suffix, target);
  const anchor = `FROM "${source}"\nGROUP BY`;
  if (!insert.startsWith("INSERT") || !insert.includes(anchor)) throw new Error(`unexpected backfill in ${dir}`);
  return insert.replace(anchor, `FROM "${source}" WHERE "${time}" >= $1 AND "${time}" < $2\nGROUP BY`);
}

/** The app's rollup backfill, limited to [$1, $2): every key's minute falls in one slice. */
export const rollupSliceSql = () => backfillSliceSql("api_call_rollups", "ApiCallRollup", "ApiCallLog", "at");
/** The hourly level's backfill from the minute rollups in [$1, $2) (whole hours). */
export const hourSliceSql = () =>
  backfillSliceSql("api_call_rollup_hours", "ApiCallRollupHour", "ApiCallRollup", "minute");
/** The daily level's backfill from the hour rollups in [$1, $2) (whole UTC days). */
export const daySliceSql = () =>
  backfillSliceSql("api_call_rollup_days", "ApiCallRollupDay", "ApiCallRollupHour", "hour");
/** The levels summed over all sales units, each from the same level per unit in [$1, $2). */
export const allSliceSqls = () =>
  (
    [
      ["ApiCallRollupAll", "ApiCallRollup", "minute"],
      ["ApiCallRollupAllHour", "ApiCallRollupHour", "hour"],
      ["ApiCallRollupAllDay", "ApiCallRollupDay", "day"],
    ] as const
  ).map(([target, source, time]) => backfillSliceSql("api_call_rollups_all", target, source, time));

/** ApiCallErrorSeen from the daily rollups and the raw calls: the app's own migration backfill, whole. */
export const errorSeenSql = () => migrationInsert("api_call_error_seen", "ApiCallErrorSeen").insert;

export interface CallsGenerated {
  calls: number;
  rollups: number;
  loadMs: number;
  rollupMs: number;
  indexMs: number;
  analyzeMs: number;
  allVisiblePct: number;
  check: RollupCheck;
}

/** The raw calls and every table writeCalls keeps beside them. */
const TABLES = ["ApiCallLog", ...DERIVED_TABLES];

/** Fills a migrated, empty database. `workers`: more connections to load in parallel (PostgreSQL). */
export async function generateCalls(
  sql: SqlExecutor,
  shape: CallsShape,
  opts: { batch?: number; workers?: SqlExecutor[]; log?: (line: string) => void } = {},
): Promise<CallsGenerated> {
  const log = opts.log ?? (() => {});
  const batch = opts.batch ?? 250_000;
  const workers = [sql, ...(opts.workers ?? [])];
  await insertBenchSalesUnits(sql, shape.salesUnits);
  const indexes = await beginBulkLoad(sql, TABLES);
  // Each job is one CPU-bound statement: a second connection keeps the second core busy.
  const parallel = (jobs: ((w: SqlExecutor) => Promise<void>)[]) =>
    Promise.all(
      workers.map(async (w) => {
        for (let job = jobs.shift(); job; job = jobs.shift()) await job(w);
      }),
    );
  const t0 = performance.now();
  const text = callsBatchSql(shape.salesUnits);
  const jobs: ((w: SqlExecutor) => Promise<void>)[] = [];
  for (let lo = 1; lo <= shape.calls; lo += batch) {
    const hi = Math.min(shape.calls, lo + batch - 1);
    jobs.push(async (w) => {
      await w.query(text, [lo, hi, shape.now, shape.days]);
      log(`  calls ${lo.toLocaleString("en")}–${hi.toLocaleString("en")}`);
    });
  }
  await parallel(jobs);
  const t1 = performance.now();
  // Rollups in slices of a UTC day each, level by level (minutes from calls, hours from minutes, days
  // from hours, then each summed over the units), as the backfills compute them.
  const start = Math.floor((shape.now - shape.days * 86_400_000) / 86_400_000) * 86_400_000;
  for (const slice of [rollupSliceSql(), hourSliceSql(), daySliceSql(), ...allSliceSqls()]) {
    const sliceJobs: ((w: SqlExecutor) => Promise<void>)[] = [];
    for (let at = start; at <= shape.now; at += 86_400_000)
      sliceJobs.push(async (w) => {
        await w.query(slice, [new Date(at), new Date(at + 86_400_000)]);
      });
    await parallel(sliceJobs);
  }
  await sql.query(errorSeenSql());
  const t2 = performance.now();
  const { indexMs, analyzeMs } = await endBulkLoad(sql, TABLES, indexes);
  const counts = await sql.query<{ c: string; r: string }>(
    `SELECT (SELECT count(*) FROM "ApiCallLog")::text AS c, (SELECT count(*) FROM "ApiCallRollup")::text AS r`,
  );
  return {
    calls: Number(counts.rows[0]!.c),
    rollups: Number(counts.rows[0]!.r),
    loadMs: t1 - t0,
    rollupMs: t2 - t1,
    indexMs,
    analyzeMs,
    allVisiblePct: Math.floor(await allVisiblePct(sql, TABLES)),
    check: await checkRollups(sql, benchMsn(0), shape.now - 86_400_000, 6),
  };
}

export interface RollupCheck {
  keys: number;
  calls: number;
  mismatches: number;
}

/**
 * The rollup rows of `msn` over `hours` from `fromMs` (whole minutes) against groupRows() of the raw
 * rows there — the groups writeCalls() adds in its transaction.
 */
export async function checkRollups(sql: SqlExecutor, msn: string, fromMs: number, hours: number): Promise<RollupCheck> {
  const from = new Date(Math.floor(fromMs / 60_000) * 60_000);
  const to = new Date(from.getTime() + hours * 3_600_000);
  const raw = await sql.query<{
    at: Date;
    environment: "test" | "production";
    operation: string;
    httpStatus: number | null;
    errorGroup: string | null;
    errorCode: string | null;
    durationMs: number;
  }>(
    `SELECT at, environment::text AS environment, operation, "httpStatus", "errorGroup", "errorCode", "durationMs"
     FROM "ApiCallLog" WHERE msn = $1 AND at >= $2 AND at < $3`,
    [msn, from, to],
  );
  const expected = groupRows(raw.rows.map((r) => ({ ...r, at: new Date(r.at), msn, method: "", path: "" })));
  const stored = await sql.query<Record<string, unknown>>(
    `SELECT * FROM "ApiCallRollup" WHERE msn = $1 AND minute >= $2 AND minute < $3`,
    [msn, from, to],
  );
  const id = (k: {
    minute: unknown;
    environment: unknown;
    operation: unknown;
    httpStatus: unknown;
    errorGroup: unknown;
    errorCode: unknown;
  }) =>
    JSON.stringify([
      new Date(k.minute as Date).getTime(),
      k.environment,
      k.operation,
      Number(k.httpStatus),
      k.errorGroup,
      k.errorCode,
    ]);
  const byKey = new Map(stored.rows.map((r) => [id(r as never), r]));
  let mismatches = Math.abs(stored.rows.length - expected.length);
  for (const g of expected) {
    const r = byKey.get(id(g));
    const same =
      r &&
      Number(r.calls) === g.calls &&
      Number(r.durationSumMs) === g.durationSumMs &&
      g.buckets.every((b, i) => Number(r[`l${i}`]) === b) &&
      g.buckets.length === LATENCY_BUCKETS;
    if (!same) mismatches++;
  }
  return { keys: expected.length, calls: raw.rows.length, mismatches };
}
