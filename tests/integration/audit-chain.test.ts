// The audit trail in the database, on PGlite and PostgreSQL: append-only (UPDATE, DELETE and
// TRUNCATE refused, through Prisma and in SQL), one hash chain however many writers (two pools of
// the same database on PostgreSQL, as two app instances), the migration linking the rows already
// there, and the check naming the row a tamperer (who switched the refusal off) changed.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import { checkAuditChain, GENESIS_HASH } from "@/lib/audit/chain";
import { applyMigrations, MIGRATIONS_DIR, SCHEMA_PATH } from "@/lib/db/migrations";
import { databaseKinds, emptyDatabase } from "../helpers/databases";
import { useDatabaseWithSecondPool } from "../helpers/second-pool";

const kinds = await databaseKinds();
const CHAIN_MIGRATION = "20261130224414_audit_hash_chain";

const write = (prisma: PrismaClient, i: number) =>
  audit(prisma, {
    action: "payment_viewed",
    outcome: "success",
    who: { email: `writer-${i}@example.no` },
    msn: "212345",
    orderId: `ORD-${i}`,
    details: { i, note: 'å ø "quoted" \\ ;', nested: { b: [1, 2.5, null], a: true } },
  });

describe.each(kinds)("audit trail on %s", (kind) => {
  const pools = useDatabaseWithSecondPool(kind);
  const prisma = () => pools.db.prisma;

  it("refuses to change or remove a row, through Prisma and in SQL", async () => {
    await write(prisma(), 0);
    const row = await prisma().auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    const attempts: [string, () => Promise<unknown>][] = [
      ["UPDATE", () => prisma().auditLog.update({ where: { id: row.id }, data: { outcome: "failed" } })],
      ["UPDATE", () => prisma().auditLog.updateMany({ data: { details: {} } })],
      ["DELETE", () => prisma().auditLog.delete({ where: { id: row.id } })],
      ["DELETE", () => prisma().auditLog.deleteMany({})],
      ["UPDATE", () => prisma().$executeRaw`UPDATE "AuditLog" SET "userEmail" = 'someone@else.no'`],
      ["DELETE", () => prisma().$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${row.id}`],
      ["TRUNCATE", () => prisma().$executeRawUnsafe(`TRUNCATE "AuditLog"`)],
    ];
    for (const [op, attempt] of attempts) {
      await expect(attempt(), op).rejects.toThrow(new RegExp(`AuditLog is append-only: ${op} refused`));
    }
    // Even a statement that matches no row is refused: nobody mistakes the table for a mutable one.
    await expect(prisma().$executeRaw`DELETE FROM "AuditLog" WHERE false`).rejects.toThrow(/append-only/);
    expect(await prisma().auditLog.findMany()).toEqual([row]);
  });

  it("links every row into one chain, with concurrent writers in two pools", async () => {
    const writers = [prisma(), pools.second?.prisma ?? prisma()];
    const before = await prisma().auditLog.count();
    const pause = (i: number) => new Promise((r) => setTimeout(r, (i * 7) % 5));
    await Promise.all(
      writers.flatMap((p, w) => [
        ...Array.from({ length: 20 }, (_, i) => write(p, w * 100 + i)),
        // Transactions that start together and write after a moment: their ids are drawn in one order
        // and their turns (the lock) may come in another.
        ...Array.from({ length: 20 }, (_, i) =>
          p.$transaction(async (tx) => {
            await pause(i);
            await write(tx as PrismaClient, w * 100 + 20 + i);
          }),
        ),
        // Several rows in one transaction, and in one statement (createMany): in order, one link each.
        ...Array.from({ length: 3 }, (_, i) =>
          p.$transaction(async (tx) => {
            await write(tx as PrismaClient, w * 100 + 50 + i);
            await tx.auditLog.createMany({
              data: [1, 2, 3].map((n) => ({ action: "csv_imported", outcome: "success", details: { n } })),
            });
          }),
        ),
        // A transaction that rolls back leaves no row and no gap in the chain.
        p
          .$transaction(async (tx) => {
            await write(tx as PrismaClient, w * 100 + 99);
            throw new Error("rolled back");
          })
          .catch(() => undefined),
      ]),
    );
    const count = await prisma().auditLog.count();
    expect(count).toBe(before + 2 * (20 + 20 + 3 * 4));
    const result = await checkAuditChain(prisma(), { batchSize: 7 });
    expect(result).toMatchObject({ intact: true, rows: count });
    const first = await prisma().auditLog.findFirstOrThrow({ orderBy: { id: "asc" } });
    expect(first.prevHash).toBe(GENESIS_HASH);
    const last = await prisma().auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(result.intact && result.head).toBe(last.hash);
  });

  it("ignores hashes and ids an insert makes up: the trigger writes the link, past the chain's end", async () => {
    const before = await prisma().auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    await prisma().$executeRaw`
      INSERT INTO "AuditLog" ("id", "at", "action", "outcome", "prevHash", "hash")
      VALUES (1, '2026-03-29T01:30:00.123456Z', 'sign_in', 'success', ${"f".repeat(64)}, ${"e".repeat(64)})`;
    const row = await prisma().auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(row.id).toBeGreaterThan(before.id);
    expect(row.prevHash).toBe(before.hash);
    expect(row.hash).not.toBe("e".repeat(64));
    // Microseconds are rounded to the column's milliseconds before the row is hashed.
    expect(row.at.toISOString()).toBe("2026-03-29T01:30:00.123Z");
    expect(await checkAuditChain(prisma())).toMatchObject({ intact: true });
  });

  it("refuses an audit row from a REPEATABLE READ transaction (its snapshot could fork the chain)", async () => {
    const count = await prisma().auditLog.count();
    await expect(
      prisma().$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        await write(tx as PrismaClient, 1);
      }),
    ).rejects.toThrow(/READ COMMITTED transactions only \(isolation is repeatable read\)/);
    expect(await prisma().auditLog.count()).toBe(count);
  });

  it("names the row a tamperer changed, re-hashed or removed, and is intact again once restored", async () => {
    const rows = await prisma().auditLog.findMany({ orderBy: { id: "asc" } });
    const [a, afterA, b, afterB] = [rows[5]!, rows[6]!, rows[20]!, rows[21]!];
    // The table's owner (a superuser here) can switch the triggers off; the chain still shows it.
    const asTamperer = async (change: (p: PrismaClient) => Promise<unknown>) => {
      await prisma().$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER USER`);
      try {
        await change(prisma());
      } finally {
        await prisma().$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER USER`);
      }
    };
    const check = () => checkAuditChain(prisma(), { batchSize: 4 });

    await asTamperer((p) => p.$executeRaw`UPDATE "AuditLog" SET "details" = '{"i": 999}' WHERE "id" = ${a.id}`);
    expect(await check()).toMatchObject({ intact: false, id: a.id, problem: "hash", rows: 6 });
    // Re-hashing the edited row moves the break to the next one, which names the old hash.
    await asTamperer((p) => p.$executeRaw`UPDATE "AuditLog" r SET "hash" = audit_log_hash(r) WHERE "id" = ${a.id}`);
    expect(await check()).toMatchObject({ intact: false, id: afterA.id, problem: "prev_hash", found: a.hash });
    await asTamperer(
      (p) =>
        p.$executeRaw`UPDATE "AuditLog" SET "details" = ${JSON.stringify(a.details)}::jsonb, "hash" = ${a.hash}
          WHERE "id" = ${a.id}`,
    );
    expect(await check()).toMatchObject({ intact: true, rows: rows.length });

    await asTamperer((p) => p.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${b.id}`);
    expect(await check()).toMatchObject({
      intact: false,
      id: afterB.id,
      problem: "prev_hash",
      expected: rows[19]!.hash,
    });
    await asTamperer((p) => p.auditLog.create({ data: { ...b, details: b.details ?? undefined } }));
    expect(await check()).toMatchObject({ intact: true, rows: rows.length });
  });
});

describe.each(kinds)("the hash chain migration on %s", (kind) => {
  it("links the rows that were there before it, in id order", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mo-audit-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    for (const name of readdirSync(dir)) if (name >= CHAIN_MIGRATION) rmSync(path.join(dir, name), { recursive: true });
    const db = await emptyDatabase(kind);
    try {
      await applyMigrations(db.migrationAdapter, { schemaPath: SCHEMA_PATH, migrationsDir: dir });
      // The old table has no hash columns, so the rows go in as SQL.
      for (let i = 0; i < 5; i++) {
        await db.prisma.$executeRaw`
          INSERT INTO "AuditLog" ("action", "outcome", "userEmail", "details")
          VALUES ('sign_in', 'success', ${`old-${i}@example.no`}, ${JSON.stringify({ i, z: "ø" })}::jsonb)`;
      }
      expect(await applyMigrations(db.migrationAdapter)).toContain(CHAIN_MIGRATION);
      expect(await checkAuditChain(db.prisma)).toMatchObject({ intact: true, rows: 5 });
      await write(db.prisma, 5);
      expect(await checkAuditChain(db.prisma)).toMatchObject({ intact: true, rows: 6 });
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
