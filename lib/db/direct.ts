// A database handle for scripts and tests: one connection used both by the schema engine
// (migrations) and by Prisma (seeding). The running app uses lib/db/client.ts instead.
import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { pgliteMigrationAdapter, postgresMigrationAdapter } from "./migration-adapters";
import { openPglite } from "./pglite";

export type DatabaseTarget = { driver: "pg"; url: string } | { driver: "pglite"; dir?: string };

export interface DirectDb {
  prisma: PrismaClient;
  migrationAdapter: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

/** Wraps Prisma's adapter (the money bench's profile times every statement through it). */
export type AdapterWrapper = <F extends SqlDriverAdapterFactory>(factory: F) => F;

/** `dir` undefined = in-memory PGlite (tests). */
export async function openDirect(target: DatabaseTarget, wrap: AdapterWrapper = (f) => f): Promise<DirectDb> {
  if (target.driver === "pg") {
    const migration = postgresMigrationAdapter(target.url);
    const prisma = new PrismaClient({ adapter: wrap(new PrismaPg({ connectionString: target.url, max: 4 })) });
    return {
      prisma,
      migrationAdapter: migration.adapter,
      close: async () => {
        await prisma.$disconnect();
        await migration.close();
      },
    };
  }
  if (target.dir) mkdirSync(path.dirname(target.dir), { recursive: true });
  const pglite = openPglite(target.dir);
  const prisma = new PrismaClient({ adapter: wrap(new PrismaPGlite(pglite)) });
  return {
    prisma,
    migrationAdapter: pgliteMigrationAdapter(pglite).adapter,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
