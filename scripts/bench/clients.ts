// Prisma clients for the benchmark, and the hook that makes the app's own query functions use them.
//
// lookupPayments() (lib/payments/lookup.ts) takes its client from db() (lib/db/client.ts), which
// returns the client cached on globalThis.__merchantOpsDb when there is one. Putting our client in
// that slot runs the real function, unchanged, against the benchmark database of our choice
// (several in one process), without going through lib/env.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openPglite } from "@/lib/db/pglite";
import { PrismaClient } from "@/generated/prisma/client";
import type { SqlExecutor } from "./generate";

export interface CapturedQuery {
  sql: string;
  params: unknown[];
  durationMs: number;
}

export interface BenchDb {
  label: string;
  driver: "pg" | "pglite";
  /** For timing: no query log. Pool of 10 like the app's (lib/db/client.ts). */
  prisma: PrismaClient;
  /** Same database, logging every query's SQL and parameters (for EXPLAIN). */
  logging: PrismaClient;
  /** Raw SQL (EXPLAIN, DDL for the index experiment). */
  sql: SqlExecutor;
  close(): Promise<void>;
}

function parseParams(raw: string): unknown[] {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

let sink: CapturedQuery[] | null = null;

function attachLog(client: PrismaClient): void {
  (
    client as unknown as {
      $on(event: "query", cb: (e: { query: string; params: string; duration: number }) => void): void;
    }
  ).$on("query", (e) => {
    sink?.push({ sql: e.query, params: parseParams(e.params), durationMs: Number(e.duration) });
  });
}

/** The queries `fn` sent through a `logging` client. */
export async function captureQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
  const queries: CapturedQuery[] = [];
  sink = queries;
  try {
    return { result: await fn(), queries };
  } finally {
    sink = null;
  }
}

/** A bench handle: the measured client, a query-logging client for EXPLAIN, and raw SQL. */
function benchDb(
  label: string,
  driver: BenchDb["driver"],
  prisma: PrismaClient,
  logging: PrismaClient,
  sql: SqlExecutor,
  closeSql: () => Promise<void>,
): BenchDb {
  attachLog(logging);
  return {
    label,
    driver,
    prisma,
    logging,
    sql,
    close: async () => {
      await prisma.$disconnect();
      await logging.$disconnect();
      await closeSql();
    },
  };
}

export async function openPgBenchDb(label: string, url: string): Promise<BenchDb> {
  const { default: pg } = await import("pg");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  const logging = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 2 }),
    log: [{ emit: "event", level: "query" }],
  });
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  return benchDb(label, "pg", prisma, logging, raw as unknown as SqlExecutor, () => raw.end());
}

/** PGlite has one connection: both clients and the raw executor share it. */
export async function openPgliteBenchDb(label: string, dir: string): Promise<BenchDb> {
  const lite = openPglite(dir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  const logging = new PrismaClient({ adapter: new PrismaPGlite(lite), log: [{ emit: "event", level: "query" }] });
  return benchDb(label, "pglite", prisma, logging, lite as unknown as SqlExecutor, () => lite.close());
}

const slot = globalThis as unknown as { __merchantOpsDb?: { client: PrismaClient; close: () => Promise<void> } };

/** From now on db() (lib/db/client.ts) returns `client`. */
export function bindAppDb(client: PrismaClient): void {
  slot.__merchantOpsDb = { client, close: async () => {} };
}

export function releaseAppDb(): void {
  slot.__merchantOpsDb = undefined;
}
