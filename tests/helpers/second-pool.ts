// Vitest hooks for a describe block; kept apart from databases.ts, which scripts (benchmarks) import too.
import { afterAll, beforeAll } from "vitest";
import { openDirect, type DirectDb } from "@/lib/db/direct";
import { migratedDatabase, type DbKind, type TestDb } from "./databases";

/**
 * For a describe block: a migrated database of `kind` and, on PostgreSQL, a second pool on it (a second
 * app instance; `second` is null on PGlite, which one process owns), both closed after the block.
 */
export function useDatabaseWithSecondPool(kind: DbKind): { readonly db: TestDb; readonly second: DirectDb | null } {
  let db: TestDb | undefined;
  let second: DirectDb | null = null;
  beforeAll(async () => {
    db = await migratedDatabase(kind);
    if (kind === "postgres" && db.url) second = await openDirect({ driver: "pg", url: db.url });
  });
  afterAll(async () => {
    await second?.close();
    await db?.close();
  });
  return {
    get db() {
      if (!db) throw new Error("the database opens in beforeAll");
      return db;
    },
    get second() {
      return second;
    },
  };
}
