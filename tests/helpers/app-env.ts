// Points the app's own modules (lib/env, lib/db/client) at a test database and an in-process
// simulator. Must run before any app module reads env(): call it at the top of a test file, then
// import app code dynamically. Each vitest file has its own module registry, so files do not mix.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSimulator, type Simulator } from "@/simulator/server";
import { emptyDatabase, type DatabaseOptions, type DbKind } from "./databases";

export interface AppEnv {
  kind: DbKind;
  sim: Simulator;
  close(): Promise<void>;
}

export async function useAppEnv(kind: DbKind, dbOptions: DatabaseOptions = {}): Promise<AppEnv> {
  const sim = await startSimulator();
  const dataDir = mkdtempSync(path.join(tmpdir(), "mo-app-"));
  process.env.DATA_DIR = dataDir;
  process.env.SIMULATOR_PORT = String(sim.port);
  process.env.AUTH_SECRET = randomBytes(32).toString("hex");
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  let dropPg: (() => Promise<void>) | undefined;
  if (kind === "postgres") {
    const db = await emptyDatabase("postgres", dbOptions);
    process.env.DATABASE_URL = db.url;
    // Keep the database; close only our handle (the app opens its own pool).
    const { applyMigrations } = await import("@/lib/db/migrations");
    await applyMigrations(db.migrationAdapter);
    dropPg = () => db.close();
  } else {
    delete process.env.DATABASE_URL;
    const { openDirect } = await import("@/lib/db/direct");
    const { applyMigrations } = await import("@/lib/db/migrations");
    const direct = await openDirect({ driver: "pglite", dir: path.join(dataDir, "pglite") });
    await applyMigrations(direct.migrationAdapter);
    await direct.close();
  }
  return {
    kind,
    sim,
    close: async () => {
      const { closeDb } = await import("@/lib/db/client");
      const { apiLogSink } = await import("@/lib/api-log/writer");
      await apiLogSink().flush();
      await closeDb();
      await sim.close();
      await dropPg?.();
    },
  };
}
