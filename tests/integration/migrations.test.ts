import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, diffDatabaseToSchema, diffMigrationsToSchema, MIGRATIONS_DIR } from "@/lib/db/migrations";
import { databaseKinds, emptyDatabase, type TestDb } from "../helpers/databases";

const kinds = await databaseKinds();
const migrationNames = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe.each(kinds)("migrations on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await emptyDatabase(kind);
  });
  afterAll(async () => db?.close());

  it("apply every migration to an empty database, in order, and record them", async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(await applyMigrations(db.migrationAdapter)).toEqual(migrationNames);
    const rows = await db.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("give exactly schema.prisma: the diff is empty", async () => {
    expect(await diffDatabaseToSchema(db.migrationAdapter)).toBe("");
  });

  it("apply nothing the second time", async () => {
    expect(await applyMigrations(db.migrationAdapter)).toEqual([]);
  });

  it("leave a database whose drift would be detected", async () => {
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "User" ADD COLUMN "nickname" TEXT`);
    expect(await diffDatabaseToSchema(db.migrationAdapter)).toMatch(/DROP COLUMN "nickname"/);
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "User" DROP COLUMN "nickname"`);
  });
});

describe("migration files", () => {
  it("replayed from scratch match schema.prisma (no migration is missing)", async () => {
    const scratch = await emptyDatabase("pglite");
    try {
      const sql = await diffMigrationsToSchema(scratch.migrationAdapter);
      expect(sql.split("\n").filter((l) => l.trim() && !l.trim().startsWith("--"))).toEqual([]);
    } finally {
      await scratch.close();
    }
  });
});
