// What the bench reports about the database itself: its collation (whether a plain btree can serve
// LIKE 'q%', which decides how lookupPayments() searches prefixes) and the size of each index.
import type { SqlExecutor } from "./generate";

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
    const plan = await sql.query<{ "QUERY PLAN": unknown }>(
      `EXPLAIN (FORMAT JSON) SELECT v FROM bench_like_probe WHERE v::text LIKE ('FS-12' || '%')`,
    );
    await sql.query(`RESET enable_seqscan`);
    // With seq scans off the planner may still walk the whole index with a filter: only an Index Cond counts.
    const usesIndex = JSON.stringify(plan.rows[0]?.["QUERY PLAN"]).includes("Index Cond");
    return {
      server: r.version,
      collation: r.datcollate,
      provider: r.provider,
      likePrefixOnPlainBtree: usesIndex ? "yes" : "no",
    };
  } finally {
    await sql.query(`DROP TABLE IF EXISTS bench_like_probe`);
  }
}

/** Sizes of the Payment indexes (for the cost side of the index recommendations). */
export async function indexSizes(sql: SqlExecutor): Promise<Record<string, string>> {
  const { rows } = await sql.query<{ name: string; size: string }>(
    `SELECT indexrelname AS name, pg_size_pretty(pg_relation_size(indexrelid)) AS size FROM pg_stat_user_indexes WHERE relname = 'Payment' ORDER BY indexrelname`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.size]));
}
