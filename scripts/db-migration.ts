// npm run db:migration -- <name> — write a new migration from the difference between the existing
// migrations (replayed on a throwaway in-memory database) and prisma/schema.prisma.
import { openDirect } from "@/lib/db/direct";
import { createMigration } from "@/lib/db/migrations";

const name = process.argv[2];
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (a-z, 0-9 and _)");
  process.exit(2);
}
const handle = await openDirect({ driver: "pglite" });
try {
  const dir = await createMigration(handle.migrationAdapter, name);
  console.log(dir ? `Wrote ${dir}/migration.sql` : "No changes: schema.prisma matches the migrations.");
} finally {
  await handle.close();
}
