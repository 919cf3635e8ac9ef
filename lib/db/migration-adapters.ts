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

export function postgresMigrationAdapter(connectionString: string) {
  const pool = new pg.Pool({ connectionString, max: 2, Client: CatalogFriendlyClient });
  const inner = new PrismaPg(pool);
  const adapter: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => restoreCharColumns(await inner.connect()),
    connectToShadowDb: async () => restoreCharColumns(await inner.connectToShadowDb()),
  };
  return { adapter, close: () => pool.end() };
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
    connect: () => inner.connect(),
    connectToShadowDb: () => new PrismaPGlite(openPglite("memory://shadow")).connect(),
  };
  return { adapter, close: async () => {} };
}
