import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyMigrations,
  createMigration,
  diffDatabaseToSchema,
  diffMigrationsToSchema,
  MIGRATIONS_DIR,
  SCHEMA_PATH,
} from "@/lib/db/migrations";
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

  it("run each script whole: a function body with ';' in it applies, a failing script leaves nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mo-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const paths = { schemaPath: SCHEMA_PATH, migrationsDir: dir };
    const add = (name: string, sql: string) => {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, "migration.sql"), sql);
    };
    add(
      "20300101000000_function",
      `CREATE FUNCTION "scratch_two"() RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; RETURN 2; END $$;`,
    );
    expect(await applyMigrations(db.migrationAdapter, paths)).toEqual(["20300101000000_function"]);
    expect(await db.prisma.$queryRaw`SELECT "scratch_two"() AS v`).toEqual([{ v: 2 }]);

    add("20300101000001_failing", `CREATE TABLE "Scratch" ("x" int);\nSELECT 1 / 0;`);
    await expect(applyMigrations(db.migrationAdapter, paths)).rejects.toThrow(/division by zero/);
    expect(await db.prisma.$queryRaw`SELECT to_regclass('"Scratch"')::text AS t`).toEqual([{ t: null }]);
    await db.prisma.$executeRawUnsafe(`DROP FUNCTION "scratch_two"`);
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

describe("npm run db:migration (createMigration)", () => {
  it("writes nothing when schema.prisma matches, and a new migration that closes the gap when it does not", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mo-migrations-"));
    cpSync(MIGRATIONS_DIR, path.join(dir, "migrations"), { recursive: true });
    const paths = { schemaPath: path.join(dir, "schema.prisma"), migrationsDir: path.join(dir, "migrations") };
    writeFileSync(paths.schemaPath, readFileSync(SCHEMA_PATH, "utf8"));

    const scratch = await emptyDatabase("pglite");
    try {
      expect(await createMigration(scratch.migrationAdapter, "nothing", { paths })).toBeNull();

      appendFileSync(
        paths.schemaPath,
        "\nmodel Note {\n  id   Int    @id @default(autoincrement())\n  text String\n}\n",
      );
      const created = await createMigration(scratch.migrationAdapter, "add_note", {
        paths,
        now: new Date("2030-01-02T03:04:05Z"),
      });
      expect(created).toBe(path.join(paths.migrationsDir, "20300102030405_add_note"));
      expect(readFileSync(path.join(created!, "migration.sql"), "utf8")).toContain('CREATE TABLE "Note"');

      const target = await emptyDatabase("pglite");
      try {
        expect((await applyMigrations(target.migrationAdapter, paths)).at(-1)).toBe("20300102030405_add_note");
        expect(await diffDatabaseToSchema(target.migrationAdapter, paths)).toBe("");
      } finally {
        await target.close();
      }
      await expect(createMigration(scratch.migrationAdapter, "Bad Name!", { paths })).rejects.toThrow(/a-z, 0-9/);
    } finally {
      await scratch.close();
    }
  });
});
