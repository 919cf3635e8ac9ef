// The one database module. PGlite (embedded, default) or PostgreSQL (DATABASE_URL), same client.
// Created lazily on first use, never at import time, so `next build` never opens the database.
import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

type Db = PrismaClient;
/**
 * Interactive transactions wait up to 10 s for a connection (Prisma's default is 2 s, which a busy
 * pool or PGlite's single connection exceeds under load) and may run 20 s.
 */
const transactionOptions = { maxWait: 10_000, timeout: 20_000 };
const globalForDb = globalThis as unknown as { __merchantOpsDb?: { client: Db; close: () => Promise<void> } };

async function open(): Promise<{ client: Db; close: () => Promise<void> }> {
  const { database } = env();
  if (database.driver === "pg") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const client = new PrismaClient({
      adapter: new PrismaPg({ connectionString: database.url, max: database.poolSize }),
      transactionOptions,
    });
    return { client, close: () => client.$disconnect() };
  }
  const { openPglite } = await import("./pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  mkdirSync(path.dirname(database.dir), { recursive: true });
  const pglite = openPglite(database.dir);
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions });
  return {
    client,
    close: async () => {
      await client.$disconnect();
      await pglite.close();
    },
  };
}

let opening: Promise<{ client: Db; close: () => Promise<void> }> | undefined;

export async function db(): Promise<Db> {
  if (globalForDb.__merchantOpsDb) return globalForDb.__merchantOpsDb.client;
  opening ??= open().then((h) => (globalForDb.__merchantOpsDb = h));
  return (await opening).client;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.__merchantOpsDb;
  globalForDb.__merchantOpsDb = undefined;
  opening = undefined;
  await handle?.close();
}
