// Benchmark databases: a dedicated PostgreSQL database (dropped and recreated) or a file-backed
// PGlite in a temp dir, migrated with the project's migrations and filled by generate.ts.
import { rmSync } from "node:fs";
import { openPglite } from "@/lib/db/pglite";
import pg from "pg";
import { openDirect } from "@/lib/db/direct";
import { applyMigrations } from "@/lib/db/migrations";
import { generateBenchData, type GenerateResult, type SqlExecutor } from "./generate";
import type { BenchShape } from "./shape";

export const DEFAULT_ADMIN_URL = "postgres://postgres:postgres@127.0.0.1:5432/postgres";

export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function withPgClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function migrate(
  target: { driver: "pg"; url: string } | { driver: "pglite"; dir: string },
): Promise<void> {
  const handle = await openDirect(target);
  try {
    await applyMigrations(handle.migrationAdapter);
  } finally {
    await handle.close();
  }
}

/** Whether `name` exists and already holds a generated set of this shape (for --reuse). */
export async function pgBenchDbMatches(adminUrl: string, name: string, shape: BenchShape): Promise<boolean> {
  const exists = await withPgClient(
    adminUrl,
    async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1,
  );
  if (!exists) return false;
  return withPgClient(databaseUrl(adminUrl, name), async (c) => {
    const r = await c
      .query<{ p: string; u: string }>(
        `SELECT (SELECT count(*) FROM "Payment")::text AS p, (SELECT count(*) FROM "SalesUnit")::text AS u`,
      )
      .catch(() => null);
    if (!r || Number(r.rows[0]!.p) !== shape.payments || Number(r.rows[0]!.u) !== shape.salesUnits) return false;
    // An index experiment of an older bench left behind: such a database is not "as migrated".
    const ix = await c.query<{ def: string }>(`SELECT indexdef AS def FROM pg_indexes WHERE tablename = 'Payment'`);
    return !ix.rows.some((x) => /pattern_ops/.test(x.def));
  });
}

/** Drops and recreates `name` and migrates it (empty). */
export async function freshPgDb(adminUrl: string, name: string): Promise<{ url: string; migrateMs: number }> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const url = databaseUrl(adminUrl, name);
  await withPgClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const t = performance.now();
  await migrate({ driver: "pg", url });
  return { url, migrateMs: performance.now() - t };
}

/** Removes `dir` and migrates a new file-backed PGlite there (closed again). */
export async function freshPgliteDb(dir: string): Promise<{ migrateMs: number }> {
  rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  await migrate({ driver: "pglite", dir });
  return { migrateMs: performance.now() - t };
}

/** Drops and recreates `name`, migrates it, fills it. */
export async function createPgBenchDb(
  adminUrl: string,
  name: string,
  shape: BenchShape,
  log: (line: string) => void,
): Promise<GenerateResult & { url: string; migrateMs: number }> {
  const { url, migrateMs } = await freshPgDb(adminUrl, name);
  // Two connections: each batch is one CPU-bound statement, so a second backend uses the second core.
  const result = await withPgClient(url, (c) =>
    withPgClient(url, async (c2) => {
      for (const x of [c, c2]) await x.query(`SET synchronous_commit = off`);
      return generateBenchData(c as unknown as SqlExecutor, shape, {
        log,
        extraWorkers: shape.payments > 50_000 ? [c2 as unknown as SqlExecutor] : [],
      });
    }),
  );
  return { ...result, url, migrateMs };
}

export async function dropPgBenchDb(adminUrl: string, name: string): Promise<void> {
  await withPgClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** A file-backed PGlite in `dir` (removed first), migrated and filled; closed again afterwards. */
export async function createPgliteBenchDb(
  dir: string,
  shape: BenchShape,
  log: (line: string) => void,
): Promise<GenerateResult & { migrateMs: number }> {
  const { migrateMs } = await freshPgliteDb(dir);
  const lite = openPglite(dir);
  try {
    const result = await generateBenchData(lite as unknown as SqlExecutor, shape, {
      log,
      batch: 25_000,
      maintenanceWorkMem: "128MB",
    });
    return { ...result, migrateMs };
  } finally {
    await lite.close();
  }
}
