// Driver adapters for the schema engine. Kept apart from lib/db/client.ts: these are used by scripts
// and tests that migrate, never by the running app.
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openPglite } from "./pglite";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

const CHAR_MARK = "\u0000char";

/**
 * The schema engine reads pg_catalog columns of type "char" (OID 18), which @prisma/adapter-pg
 * refuses as an unsupported native type (the PGlite adapter maps them to Character). pg already
 * hands them over as strings, so the client relabels them as text and marks the column name, and
 * the adapter wrapper below restores the Character column type. Only migrations use this.
 */
function relabelCharFields(res: pg.QueryResult | undefined) {
  for (const field of res?.fields ?? []) {
    if (field.dataTypeID === 18) {
      field.dataTypeID = 25;
      field.name += CHAR_MARK;
    }
  }
  return res;
}

class CatalogFriendlyClient extends pg.Client {
  // pg-pool calls query with a callback; direct callers use the promise.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: pg.QueryResult) => last(err, relabelCharFields(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    return result && typeof result.then === "function" ? result.then(relabelCharFields) : result;
  }
}

function restoreCharColumns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    result.columnNames.forEach((name, i) => {
      if (name.endsWith(CHAR_MARK)) {
        result.columnNames[i] = name.slice(0, -CHAR_MARK.length);
        result.columnTypes[i] = ColumnTypeEnum.Character;
      }
    });
    return result;
  };
  return adapter;
}

/** Both adapters turn a database error into the engine's DriverAdapterError (with its message) here. */
type WithErrors = SqlDriverAdapter & { onError(err: unknown): never };

/**
 * @prisma/adapter-pg runs a migration script by splitting it at every ";" and sending the pieces one
 * by one, which breaks a function body ($$ … ; … $$) and runs the pieces outside one transaction.
 * Sent whole (no parameters: the simple query protocol), the script runs like Prisma's native engine
 * runs it — as one implicit transaction, so a failing migration leaves nothing behind.
 */
function wholeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const a = adapter as WithErrors & { underlyingDriver(): pg.Pool };
  // PrismaPgAdapter's own pool (the shadow database's adapter has a pool of its own).
  const pool = a.underlyingDriver();
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (err) {
      a.onError(err);
    }
  };
  return adapter;
}

export function postgresMigrationAdapter(connectionString: string) {
  const pool = new pg.Pool({ connectionString, max: 2, Client: CatalogFriendlyClient });
  const inner = new PrismaPg(pool);
  const adapter: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => wholeScripts(restoreCharColumns(await inner.connect())),
    connectToShadowDb: async () => wholeScripts(restoreCharColumns(await inner.connectToShadowDb())),
  };
  return { adapter, close: () => pool.end() };
}

/**
 * pglite-prisma-adapter starts a migration script without waiting for it, so a failing script would
 * be recorded as applied (its error lost). Awaited, it fails the migration like on PostgreSQL; PGlite
 * runs the whole script as one implicit transaction too.
 */
function awaitedScripts(adapter: SqlDriverAdapter, db: PGlite): SqlDriverAdapter {
  const a = adapter as WithErrors;
  adapter.executeScript = async (script) => {
    try {
      await db.exec(script);
    } catch (err) {
      a.onError(err);
    }
  };
  return adapter;
}

/**
 * The adapter's own shadow database is a bare in-memory PGlite; ours loads the same extensions as
 * every other embedded database, so migrations that create them replay there too.
 */
export function pgliteMigrationAdapter(db: PGlite) {
  const inner = new PrismaPGlite(db);
  const adapter: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => awaitedScripts(await inner.connect(), db),
    connectToShadowDb: async () => {
      const shadow = openPglite("memory://shadow");
      return awaitedScripts(await new PrismaPGlite(shadow).connect(), shadow);
    },
  };
  return { adapter, close: async () => {} };
}
