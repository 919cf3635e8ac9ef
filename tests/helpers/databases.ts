// Integration tests run on PGlite always and on PostgreSQL when one is reachable
// (TEST_DATABASE_URL, default the local cluster). CI sets REQUIRE_POSTGRES=1 so a missing server
// fails the run instead of quietly skipping half the suite.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDirect, type DirectDb } from "@/lib/db/direct";
import { applyMigrations } from "@/lib/db/migrations";

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export type DbKind = "pglite" | "postgres";

export async function databaseKinds(): Promise<DbKind[]> {
  if (await postgresReachable()) return ["pglite", "postgres"];
  if (process.env.REQUIRE_POSTGRES === "1")
    throw new Error(`PostgreSQL required but not reachable at ${ADMIN_URL.replace(/:[^:@/]+@/, ":***@")}`);
  return ["pglite"];
}

export interface TestDb extends DirectDb {
  kind: DbKind;
  url?: string;
}

export interface DatabaseOptions {
  /** PostgreSQL only: create the database with this ICU collation (e.g. "en-US") instead of the server's default. */
  icuLocale?: string;
}

/** An empty database of the given kind. PostgreSQL: a new database, dropped on close. */
export async function emptyDatabase(kind: DbKind, opts: DatabaseOptions = {}): Promise<TestDb> {
  if (kind === "pglite") return { kind, ...(await openDirect({ driver: "pglite" })) };
  const name = `mo_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  if (opts.icuLocale && !/^[a-zA-Z-]+$/.test(opts.icuLocale)) throw new Error(`bad ICU locale ${opts.icuLocale}`);
  await admin.query(
    opts.icuLocale
      ? `CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${opts.icuLocale}' LOCALE 'C.UTF-8'`
      : `CREATE DATABASE ${name}`,
  );
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openDirect({ driver: "pg", url: url.toString() });
  return {
    kind,
    url: url.toString(),
    ...handle,
    close: async () => {
      await handle.close();
      const drop = new pg.Client({ connectionString: ADMIN_URL });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

/** An empty database with every migration applied. */
export async function migratedDatabase(kind: DbKind): Promise<TestDb> {
  const db = await emptyDatabase(kind);
  await applyMigrations(db.migrationAdapter);
  return db;
}
