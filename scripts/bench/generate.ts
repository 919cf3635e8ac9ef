// Synthetic payments and events for the read-path benchmark, generated inside the database
// (INSERT … SELECT FROM generate_series): nothing crosses the wire but the SQL, so 1,000,000
// payments and ~4,000,000 events take about a minute on PostgreSQL. Works on PGlite too.
//
// Every value is a pure function of the payment number g (hashint8extended as the random source),
// except the uuids, so the benchmark can compute orderIds, transactionIds and MSNs in JS
// (shape.ts) without asking the database, and two runs produce the same data.
//
// Shape, per 100 payments (g % 100):
//   10 → 11 (-1) → 12 (-2), 20 → 21 (-1), 30 → 31 (-1): retries with sibling orderIds in the same
//   sales unit, a few minutes apart, same amount;
//   50: the orderId of payment 49 in another sales unit (orderIds are unique per MSN only);
//   everything else: its own orderId `FS-<100000+g>-<5 hex>`, like the demo seed.
// Sales units: 50, skewed (the largest ~9 %, the smallest ~1.3 %). createdAt uniform over the last
// 90 days; amounts log-normal (median 499 kr); statuses mixed as a shop sees them.
import { BENCH_ITEMS, BENCH_STATUS_WEIGHTS, benchMsn, type BenchShape } from "./shape";

export interface SqlExecutor {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** uniform [0, 1) from (expr, seed), deterministic. */
const u = (expr: string, seed: number) =>
  `((hashint8extended((${expr})::bigint, ${seed}) & 2147483647)::float8 / 2147483648.0)`;

function statusCase(draw: string): string {
  let acc = 0;
  const whens = BENCH_STATUS_WEIGHTS.map(([status, w]) => {
    acc += w;
    return `WHEN ${draw} < ${acc.toFixed(4)} THEN '${status}'`;
  });
  return `(CASE ${whens.join(" ")} ELSE 'captured' END)::"PaymentStatus"`;
}

/** One batch [lo, hi] of payments and their events, in one statement. $1 lo, $2 hi, $3 "now" (epoch ms). */
export function batchSql(shape: BenchShape): string {
  const items = `ARRAY[${BENCH_ITEMS.map((s) => `'${s}'`).join(",")}]`;
  const msnList = `ARRAY[${Array.from({ length: shape.salesUnits }, (_, i) => `'${benchMsn(i)}'`).join(",")}]`;
  return `
WITH base AS (
  SELECT g,
    CASE g % 100 WHEN 11 THEN 1 WHEN 12 THEN 2 WHEN 21 THEN 1 WHEN 31 THEN 1 WHEN 50 THEN 1 ELSE 0 END AS back,
    CASE g % 100 WHEN 11 THEN '-1' WHEN 12 THEN '-2' WHEN 21 THEN '-1' WHEN 31 THEN '-1' ELSE '' END AS sib
  FROM generate_series($1::bigint, $2::bigint) AS g
), rooted AS (
  SELECT g, back, sib, g - back AS j FROM base
), drawn AS (
  SELECT g, j, back, sib,
    least(${shape.salesUnits - 1}, floor(${shape.salesUnits} * power(${u("j", 1)}, 1.6)))::int AS root_unit,
    to_timestamp($3::float8 / 1000) - interval '90 days' * ${u("j", 2)} AS root_at,
    ${u("g", 3)} AS s_draw,
    greatest(1, least(200000, round(exp(ln(499) + 1.1 * sqrt(-2 * ln(1 - ${u("j", 4)})) * cos(2 * pi() * ${u("j", 5)})))))::int * 100 AS amount,
    ${u("g", 6)} AS part,
    1 + floor(3 * ${u("g", 7)})::int AS ncap,
    1 + floor(2 * ${u("g", 8)})::int AS nref,
    CASE WHEN ${u("g", 9)} < 0.3 THEN 1 + floor(2 * ${u("g", 10)})::int ELSE 0 END AS nfail,
    ${u("j", 11)} AS item_draw,
    ${u("g", 12)} AS unit_shift
  FROM rooted
), shaped AS (
  SELECT d.*,
    gen_random_uuid() AS id,
    (${msnList})[1 + CASE WHEN g % 100 = 50 THEN (root_unit + 1 + floor(unit_shift * ${shape.salesUnits - 1})::int) % ${shape.salesUnits} ELSE root_unit END] AS msn,
    'FS-' || (100000 + j) || '-' || substr(md5(j::text), 1, 5) || sib AS order_id,
    least(to_timestamp($3::float8 / 1000), root_at + back * interval '7 minutes' + CASE WHEN g % 100 = 50 THEN interval '3 hours' ELSE interval '0' END) AS created_at,
    ${statusCase("s_draw")} AS status,
    'Ordre ' || (100000 + j) || ' – ' || (${items})[1 + floor(item_draw * ${BENCH_ITEMS.length})::int] AS text
  FROM drawn d
), money AS (
  SELECT s.*,
    CASE WHEN status IN ('initiated', 'failed', 'voided') THEN 0 ELSE amount END AS reserved,
    CASE status WHEN 'partially_captured' THEN greatest(100, round(amount * (0.2 + 0.6 * part) / 100) * 100)::int
      WHEN 'captured' THEN amount WHEN 'partially_refunded' THEN amount WHEN 'refunded' THEN amount ELSE 0 END AS captured,
    CASE status WHEN 'partially_refunded' THEN greatest(100, round(amount * (0.1 + 0.7 * part) / 100) * 100)::int
      WHEN 'refunded' THEN amount ELSE 0 END AS refunded
  FROM shaped s
), payments AS MATERIALIZED (
  SELECT m.*,
    CASE status WHEN 'reserved' THEN amount WHEN 'partially_captured' THEN amount - captured ELSE 0 END AS to_capture,
    CASE WHEN status IN ('captured', 'partially_captured', 'partially_refunded') THEN captured - refunded ELSE 0 END AS to_refund,
    status IN ('initiated', 'reserved', 'partially_captured') AS open
  FROM money m
), ins AS (
  INSERT INTO "Payment" (id, msn, "orderId", status, amount, "reservedAmount", "capturedAmount", "refundedAmount",
    "remainingToCapture", "remainingToRefund", "transactionText", "bankIdentificationNumber", "initiatedAt", "reservedAt",
    "lastSyncedAt", "nextPollAt", "pollAttempts", "createdAt", "updatedAt")
  SELECT id, msn, order_id, status, amount, reserved, captured, refunded, to_capture, to_refund, text,
    CASE WHEN reserved > 0 OR status = 'voided' THEN (ARRAY[492560, 545454, 417500, 520000, 457173])[1 + (g % 5)::int] END,
    created_at,
    CASE WHEN reserved > 0 OR status = 'voided' THEN created_at + interval '1 minute' END,
    created_at + interval '2 minutes',
    CASE WHEN open THEN to_timestamp($3::float8 / 1000) + interval '1 minute' * (g % 60) END,
    CASE WHEN open THEN (g % 7)::int ELSE 0 END,
    created_at, created_at + interval '2 minutes'
  FROM payments
  RETURNING 1
)
INSERT INTO "PaymentEvent" ("paymentId", fingerprint, operation, amount, "transactionId", "transactionText", "requestId",
  "operationSuccess", "timeStamp", "createdAt")
SELECT p.id, md5(p.id::text || ':' || e.ord), e.op,
  CASE e.op WHEN 'CAPTURE' THEN CASE WHEN e.ok THEN p.captured / p.ncap ELSE p.amount END
    WHEN 'REFUND' THEN p.refunded / p.nref ELSE p.amount END,
  CASE WHEN e.op IN ('CAPTURE', 'REFUND') AND e.ok THEN (6000000000 + p.g * 8 + e.ord)::text ELSE (4000000000 + p.g)::text END,
  p.text,
  CASE WHEN e.op IN ('CAPTURE', 'REFUND', 'CANCEL', 'VOID') THEN substr(md5(p.g::text || '/' || e.ord), 1, 32) END,
  e.ok, p.created_at + (e.ord - 1) * interval '3 hours', p.created_at + interval '2 minutes'
FROM payments p
CROSS JOIN LATERAL unnest(
  CASE p.status
    WHEN 'initiated' THEN ARRAY['INITIATE']
    WHEN 'failed' THEN ARRAY['INITIATE', 'RESERVE!']
    WHEN 'reserved' THEN ARRAY['INITIATE', 'RESERVE']
    WHEN 'cancelled' THEN ARRAY['INITIATE', 'RESERVE', 'CANCEL']
    WHEN 'voided' THEN ARRAY['INITIATE', 'RESERVE', 'VOID']
    WHEN 'partially_captured' THEN ARRAY['INITIATE', 'RESERVE'] || array_fill('CAPTURE'::text, ARRAY[p.ncap])
    WHEN 'captured' THEN ARRAY['INITIATE', 'RESERVE'] || array_fill('CAPTURE'::text, ARRAY[p.ncap])
    ELSE ARRAY['INITIATE', 'RESERVE'] || array_fill('CAPTURE'::text, ARRAY[p.ncap]) || array_fill('REFUND'::text, ARRAY[p.nref])
  END
  || array_fill(CASE WHEN p.status IN ('initiated', 'failed') THEN 'RESERVE!' ELSE 'CAPTURE!' END, ARRAY[p.nfail])
) WITH ORDINALITY AS x(raw, ord)
CROSS JOIN LATERAL (SELECT rtrim(x.raw, '!') AS op, right(x.raw, 1) <> '!' AS ok, x.ord) e`;
}

export interface GenerateResult {
  payments: number;
  events: number;
  /** Share of pages marked all-visible after the VACUUM (the lower of the two tables; index-only scans need it). */
  allVisiblePct?: number;
  loadMs: number;
  indexMs: number;
  analyzeMs: number;
  totalMs: number;
}

const PAYMENT_TABLES = ["Payment", "PaymentEvent"];

/** The lowest share of pages marked all-visible among `tables` (index-only scans need it). */
export async function allVisiblePct(sql: SqlExecutor, tables: readonly string[] = PAYMENT_TABLES): Promise<number> {
  const { rows } = await sql.query<{ pct: number }>(
    `SELECT min(100.0 * relallvisible / greatest(relpages, 1))::float8 AS pct FROM pg_class WHERE relname = ANY($1::text[]) AND relkind = 'r'`,
    [tables],
  );
  return Number(rows[0]?.pct ?? 0);
}

/** Secondary indexes of `tables` (not the primary keys): dropped for a bulk load, rebuilt after. */
export async function secondaryIndexes(
  sql: SqlExecutor,
  tables: readonly string[] = PAYMENT_TABLES,
): Promise<{ name: string; def: string }[]> {
  const { rows } = await sql.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  return rows;
}

/**
 * Before a bulk load into `tables`: drops their secondary indexes (returned, to rebuild) and stops
 * autovacuum on them. An auto-ANALYZE started between batches holds a snapshot that keeps the
 * VACUUM after the load from marking the later batches all-visible, and then the planner's choices
 * (index-only scans) would depend on the timing of the run.
 */
export async function beginBulkLoad(
  sql: SqlExecutor,
  tables: readonly string[],
): Promise<{ name: string; def: string }[]> {
  const indexes = await secondaryIndexes(sql, tables);
  for (const ix of indexes) await sql.query(`DROP INDEX "${ix.name}"`);
  for (const t of tables) await sql.query(`ALTER TABLE "${t}" SET (autovacuum_enabled = false)`);
  return indexes;
}

/** After it: the indexes rebuilt, and statistics and the visibility map as autovacuum would leave them. */
export async function endBulkLoad(
  sql: SqlExecutor,
  tables: readonly string[],
  indexes: readonly { def: string }[],
  maintenanceWorkMem = "256MB",
): Promise<{ indexMs: number; analyzeMs: number }> {
  const t0 = performance.now();
  await sql.query(`SET maintenance_work_mem = '${maintenanceWorkMem}'`);
  for (const ix of indexes) await sql.query(ix.def);
  await sql.query(`RESET maintenance_work_mem`);
  const t1 = performance.now();
  for (const t of tables) await sql.query(`VACUUM (ANALYZE) "${t}"`);
  // Any snapshot open in this database during the VACUUM (an autovacuum ANALYZE of the catalogs
  // after the migration's DDL, say) leaves pages not all-visible. Vacuum again until they are:
  // each pass only visits the pages still missing.
  for (let pass = 0; pass < 10 && (await allVisiblePct(sql, tables)) < 99; pass++) {
    await new Promise((r) => setTimeout(r, 500));
    for (const t of tables) await sql.query(`VACUUM "${t}"`);
  }
  for (const t of tables) await sql.query(`ALTER TABLE "${t}" RESET (autovacuum_enabled)`);
  return { indexMs: t1 - t0, analyzeMs: performance.now() - t1 };
}

/** The benchmark's sales units (benchMsn(0 … count-1)), in the "test" environment. */
export async function insertBenchSalesUnits(sql: SqlExecutor, count: number): Promise<void> {
  await sql.query(
    `INSERT INTO "SalesUnit" (id, msn, name, environment, "captureType", active, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), m, 'Bench shop ' || lpad(i::text, 2, '0'), 'test', 'reserve', true, now(), now()
     FROM unnest($1::text[]) WITH ORDINALITY AS u(m, i)`,
    [Array.from({ length: count }, (_, i) => benchMsn(i))],
  );
}

/**
 * Fills an empty, migrated database: the sales units, then `shape.payments` payments with their
 * events in batches. `superuser`: skip FK triggers during the load (the data is consistent by
 * construction); PGlite and a superuser PostgreSQL connection both allow it.
 */
export async function generateBenchData(
  sql: SqlExecutor,
  shape: BenchShape,
  opts: {
    batch?: number;
    log?: (line: string) => void;
    superuser?: boolean;
    maintenanceWorkMem?: string;
    /** More connections to load batches in parallel (PostgreSQL; one per core is plenty). */
    extraWorkers?: SqlExecutor[];
  } = {},
): Promise<GenerateResult> {
  const log = opts.log ?? (() => {});
  const batch = opts.batch ?? 100_000;
  const started = performance.now();
  await insertBenchSalesUnits(sql, shape.salesUnits);
  const indexes = await beginBulkLoad(sql, PAYMENT_TABLES);
  const workers = [sql, ...(opts.extraWorkers ?? [])];
  if (opts.superuser !== false) for (const w of workers) await w.query(`SET session_replication_role = replica`);
  const text = batchSql(shape);
  const batches: [number, number][] = [];
  for (let lo = 1; lo <= shape.payments; lo += batch) batches.push([lo, Math.min(shape.payments, lo + batch - 1)]);
  await Promise.all(
    workers.map(async (w) => {
      for (let b = batches.shift(); b; b = batches.shift()) {
        const [lo, hi] = b;
        const t = performance.now();
        await w.query(text, [lo, hi, shape.now]);
        log(
          `  payments ${lo.toLocaleString("en")}–${hi.toLocaleString("en")}: ${((performance.now() - t) / 1000).toFixed(1)} s`,
        );
      }
    }),
  );
  if (opts.superuser !== false) for (const w of workers) await w.query(`SET session_replication_role = DEFAULT`);
  // Replica mode skipped the triggers that keep the history's daily totals: count them once now.
  await sql.query(`SELECT payment_daily_totals_rebuild()`);
  await sql.query(`VACUUM ANALYZE "PaymentDailyTotal"`);
  await sql.query(`VACUUM ANALYZE "PaymentMonthlyTotal"`);
  const loaded = performance.now();
  const { indexMs, analyzeMs } = await endBulkLoad(sql, PAYMENT_TABLES, indexes, opts.maintenanceWorkMem);
  await sql.query(`ANALYZE "SalesUnit"`);
  const done = performance.now();
  const counts = await sql.query<{ p: string; e: string }>(
    `SELECT (SELECT count(*) FROM "Payment")::text AS p, (SELECT count(*) FROM "PaymentEvent")::text AS e`,
  );
  return {
    payments: Number(counts.rows[0]!.p),
    events: Number(counts.rows[0]!.e),
    allVisiblePct: Math.floor(await allVisiblePct(sql)),
    loadMs: loaded - started,
    indexMs,
    analyzeMs,
    totalMs: done - started,
  };
}
