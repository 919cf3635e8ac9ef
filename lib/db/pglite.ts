// Every embedded database is opened here, so each one has the same extensions: pg_trgm serves the
// history's text filter (trigram GIN indexes, see prisma/schema.prisma). PostgreSQL ships it in
// contrib; the migration creates it there.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/** A PGlite in `dataDir` (a directory, or "memory://…"); in memory when omitted. */
export function openPglite(dataDir?: string): PGlite {
  return new PGlite({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
}
