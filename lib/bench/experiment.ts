// The orderId prefix-search experiment. lookupPayments() searches with Prisma `startsWith`, sent as
// `"orderId"::text LIKE ($n || '%')`. A btree index serves LIKE 'q%' only when it compares
// byte-wise: the database collation is "C"/"POSIX", or the index uses a *_pattern_ops operator
// class. On PostgreSQL ≤ 16 a "C.UTF-8" (libc) database is not treated as C, so the plain
// Payment_orderId_idx cannot be used and every lookup reads the whole table.
//
// The fix measured here is exactly the migration Prisma generates for the schema change below:
// the same index name, with varchar_pattern_ops. It still serves `orderId = x` (the pattern
// operator class has equality), and (msn, orderId) lookups keep their unique index.
import type { SqlExecutor } from "./generate";

export const ORDER_ID_FIX = {
  summary: 'Payment_orderId_idx with varchar_pattern_ops (LIKE \'q%\' on "orderId" through the index)',
  schema: '@@index([orderId(ops: raw("varchar_pattern_ops"))])   // replaces @@index([orderId])',
  migration: [
    "-- DropIndex",
    'DROP INDEX "Payment_orderId_idx";',
    "",
    "-- CreateIndex",
    'CREATE INDEX "Payment_orderId_idx" ON "Payment"("orderId" varchar_pattern_ops);',
  ],
  up: ['DROP INDEX "Payment_orderId_idx"', 'CREATE INDEX "Payment_orderId_idx" ON "Payment"("orderId" varchar_pattern_ops)', 'ANALYZE "Payment"'],
  down: ['DROP INDEX "Payment_orderId_idx"', 'CREATE INDEX "Payment_orderId_idx" ON "Payment"("orderId")', 'ANALYZE "Payment"'],
};

async function run(sql: SqlExecutor, statements: readonly string[]): Promise<number> {
  const t = performance.now();
  for (const s of statements) await sql.query(s);
  return performance.now() - t;
}

export const applyOrderIdFix = (sql: SqlExecutor) => run(sql, ORDER_ID_FIX.up);
export const revertOrderIdFix = (sql: SqlExecutor) => run(sql, ORDER_ID_FIX.down);

/** The database's collation, and whether a plain btree can serve LIKE 'q%' (tried on a temp table). */
export async function collationInfo(sql: SqlExecutor): Promise<Record<string, string>> {
  const { rows } = await sql.query<{ version: string; datcollate: string; provider: string }>(
    `SELECT current_setting('server_version') AS version, d.datcollate AS datcollate,
            CASE d.datlocprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE d.datlocprovider::text END AS provider
     FROM pg_database d WHERE d.datname = current_database()`,
  );
  const r = rows[0]!;
  await sql.query(`CREATE TEMP TABLE bench_like_probe (v varchar(50))`);
  try {
    await sql.query(`INSERT INTO bench_like_probe SELECT 'FS-' || g FROM generate_series(1, 2000) g`);
    await sql.query(`CREATE INDEX bench_like_probe_v ON bench_like_probe (v)`);
    await sql.query(`ANALYZE bench_like_probe`);
    await sql.query(`SET enable_seqscan = off`);
    const plan = await sql.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) SELECT v FROM bench_like_probe WHERE v::text LIKE ('FS-12' || '%')`);
    await sql.query(`RESET enable_seqscan`);
    // With seq scans off the planner may still walk the whole index with a filter: only an Index Cond counts.
    const usesIndex = JSON.stringify(plan.rows[0]?.["QUERY PLAN"]).includes("Index Cond");
    return { server: r.version, collation: r.datcollate, provider: r.provider, likePrefixOnPlainBtree: usesIndex ? "yes" : "no" };
  } finally {
    await sql.query(`DROP TABLE IF EXISTS bench_like_probe`);
  }
}

// The history experiment. countHistoryByStatus() runs on every history page view and counts the
// whole filtered set of the sales unit. With a filter on amount or text it must read every row of
// the unit from the heap; a large unit's rows are spread over nearly every page of the table, so
// the cost follows the size of the table, not of the page. Two index changes, measured here:
//   - amount as a 4th key column of (msn, status, createdAt DESC): the counts (and the rows query's
//     amount filter) are answered from the index alone (index-only scan);
//   - trigram GIN indexes (pg_trgm) on orderId and transactionText: `orderId ILIKE 'q%' OR
//     transactionText ILIKE '%q%'` becomes a BitmapOr of two index scans ANDed with the MSN, so
//     only matching rows are read.
export const HISTORY_FIX = {
  summary: "amount in (msn, status, createdAt) + pg_trgm GIN on orderId and transactionText",
  schema: [
    "// datasource db: extensions = [pg_trgm]  (or CREATE EXTENSION in the migration by hand)",
    "@@index([msn, status, createdAt(sort: Desc), amount])   // replaces @@index([msn, status, createdAt(sort: Desc)])",
    '@@index([orderId(ops: raw("gin_trgm_ops"))], type: Gin, map: "Payment_orderId_trgm_idx")',
    '@@index([transactionText(ops: raw("gin_trgm_ops"))], type: Gin, map: "Payment_transactionText_trgm_idx")',
  ],
  migration: [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
    'DROP INDEX "Payment_msn_status_createdAt_idx";',
    'CREATE INDEX "Payment_msn_status_createdAt_amount_idx" ON "Payment"("msn", "status", "createdAt" DESC, "amount");',
    'CREATE INDEX "Payment_orderId_trgm_idx" ON "Payment" USING GIN ("orderId" gin_trgm_ops);',
    'CREATE INDEX "Payment_transactionText_trgm_idx" ON "Payment" USING GIN ("transactionText" gin_trgm_ops);',
  ],
  up: [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "SET maintenance_work_mem = '256MB'",
    'DROP INDEX "Payment_msn_status_createdAt_idx"',
    'CREATE INDEX "Payment_msn_status_createdAt_amount_idx" ON "Payment"("msn", "status", "createdAt" DESC, "amount")',
    'CREATE INDEX "Payment_orderId_trgm_idx" ON "Payment" USING GIN ("orderId" gin_trgm_ops)',
    'CREATE INDEX "Payment_transactionText_trgm_idx" ON "Payment" USING GIN ("transactionText" gin_trgm_ops)',
    "RESET maintenance_work_mem",
    'ANALYZE "Payment"',
  ],
  down: [
    'DROP INDEX "Payment_transactionText_trgm_idx"',
    'DROP INDEX "Payment_orderId_trgm_idx"',
    'DROP INDEX "Payment_msn_status_createdAt_amount_idx"',
    'CREATE INDEX "Payment_msn_status_createdAt_idx" ON "Payment"("msn", "status", "createdAt" DESC)',
    "DROP EXTENSION IF EXISTS pg_trgm",
    'ANALYZE "Payment"',
  ],
};

export const applyHistoryFix = (sql: SqlExecutor) => run(sql, HISTORY_FIX.up);
export const revertHistoryFix = (sql: SqlExecutor) => run(sql, HISTORY_FIX.down);

/** Sizes of the Payment indexes (for the cost side of the index recommendations). */
export async function indexSizes(sql: SqlExecutor): Promise<Record<string, string>> {
  const { rows } = await sql.query<{ name: string; size: string }>(
    `SELECT indexrelname AS name, pg_size_pretty(pg_relation_size(indexrelid)) AS size FROM pg_stat_user_indexes WHERE relname = 'Payment' ORDER BY indexrelname`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.size]));
}
