// npm run db:migrate — apply prisma/migrations to the configured database (PGlite or PostgreSQL),
// offline, recording them in _prisma_migrations.
import { openDirect } from "@/lib/db/direct";
import { applyMigrations } from "@/lib/db/migrations";
import { env } from "@/lib/env";

const e = env();
const handle = await openDirect(e.database);
try {
  const applied = await applyMigrations(handle.migrationAdapter);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await handle.close();
}
