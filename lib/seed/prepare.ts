// Start-up work that must happen in the one process that owns the database before the server opens
// it (PGlite has no cross-process lock): apply migrations, then, in demo mode, seed demo data — the
// payments through the simulator and the eCom client and 30 days of API calls for the error dashboard
// (first run only), then the demo users.
import { rollupSink } from "@/lib/api-log/writer";
import type { Env } from "@/lib/env";
import { resolveSecrets } from "@/lib/secrets";
import { seedApiStory } from "./api-story-seed";
import { seedDemoUsers } from "./demo";
import { seedDemoPayments } from "./payments";
import { databaseCollation, sortsByCodePoint } from "@/lib/db/collation";
import { openDirect } from "@/lib/db/direct";
import { applyMigrations } from "@/lib/db/migrations";

export interface PrepareOptions {
  /** A running simulator; without one, no demo payments are seeded. */
  simulatorUrl?: string;
  /** Where the simulator sends callbacks: the app's callback endpoint. */
  callbackPrefix?: string;
}

export async function prepareDatabase(e: Env, log: (line: string) => void = () => {}, options: PrepareOptions = {}) {
  const keys = resolveSecrets(e); // creates .data/secrets.json on first run (embedded mode)
  const handle = await openDirect(e.database);
  try {
    const applied = await applyMigrations(handle.migrationAdapter);
    log(applied.length ? `migrations applied: ${applied.join(", ")}` : "migrations: up to date");
    if (e.database.driver === "pg") {
      // orderId prefix lookups are index ranges on a code-point collation, trigram searches otherwise.
      const info = await databaseCollation(handle.prisma);
      if (info && !sortsByCodePoint(info)) {
        log(
          `note: database collation ${info.collate}${info.provider === "i" ? " (ICU)" : ""}: orderId prefix search uses the trigram index; a database with LC_COLLATE 'C.UTF-8' lets it use an index range (faster, see README)`,
        );
      }
    }
    if (!e.demoMode) return;
    if (options.simulatorUrl && (await handle.prisma.payment.count()) === 0) {
      log(`demo data: seeding ${e.demoPayments} payments through the simulator …`);
      const now = Date.now();
      const sink = rollupSink(async () => handle.prisma, { batchSize: 500 });
      const result = await seedDemoPayments({
        simulatorUrl: options.simulatorUrl,
        prisma: handle.prisma,
        sink,
        encryptionKey: keys.encryptionKey,
        callbackPrefix: options.callbackPrefix ?? `http://127.0.0.1:${e.port}/api/vipps`,
        count: e.demoPayments,
        now,
      });
      await sink.flush();
      log(`demo data: ${result.payments} payments, ${result.apiCalls} API calls in ${(result.ms / 1000).toFixed(1)} s`);
      // After the payments, so the story's calls can name them; ends at the same `now`.
      const story = await seedApiStory(handle.prisma, { now });
      log(
        `demo data: ${story.calls} API calls over the last 30 days (the error dashboard's story) in ${(story.ms / 1000).toFixed(1)} s`,
      );
    }
    const seeded = await seedDemoUsers(handle.prisma);
    log(seeded.users ? `demo data: ${seeded.users} users created` : "demo data: users present");
  } finally {
    await handle.close();
  }
}
