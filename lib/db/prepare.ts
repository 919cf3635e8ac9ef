// Start-up work that must happen in the one process that owns the database before the server opens
// it (PGlite has no cross-process lock): apply migrations, then seed demo data in demo mode.
import type { Env } from "@/lib/env";
import { resolveSecrets } from "@/lib/secrets";
import { seedDemo } from "@/lib/seed/demo";
import { openDirect } from "./direct";
import { applyMigrations } from "./migrations";

export async function prepareDatabase(e: Env, log: (line: string) => void = () => {}) {
  const keys = resolveSecrets(e); // creates .data/secrets.json on first run (embedded mode)
  const handle = await openDirect(e.database);
  try {
    const applied = await applyMigrations(handle.migrationAdapter);
    log(applied.length ? `migrations applied: ${applied.join(", ")}` : "migrations: up to date");
    if (e.demoMode) {
      const seeded = await seedDemo(handle.prisma, keys.encryptionKey);
      log(seeded.users || seeded.salesUnits ? `demo data: ${seeded.users} users, ${seeded.salesUnits} sales units created` : "demo data: present");
    }
  } finally {
    await handle.close();
  }
}
