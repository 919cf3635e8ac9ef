// The database's default collation, and whether text in it sorts by code point (then an orderId
// prefix is a range of a plain btree; see lib/payments/lookup.ts and the start-up note in prepare.ts).
import type { PrismaClient } from "@/generated/prisma/client";

export interface CollationInfo {
  /** pg_database.datcollate */
  collate: string;
  /** pg_database.datlocprovider: c (libc), i (ICU), b (builtin, PostgreSQL 17); null before 15 (libc). */
  provider: string | null;
}

/** Whether text in this database sorts by code point, so that a prefix is a range of the btree. */
export function sortsByCodePoint({ collate, provider }: CollationInfo): boolean {
  if (provider === "i") return false;
  // builtin (17+): both of its locales, C and C.UTF-8, sort by code point.
  if (provider === "b") return true;
  return /^(C|POSIX|C\.UTF-?8)$/i.test(collate);
}

/** The database's default collation (datlocprovider read through jsonb: the column is new in 15). */
export async function databaseCollation(prisma: PrismaClient): Promise<CollationInfo | null> {
  const rows = await prisma.$queryRaw<
    CollationInfo[]
  >`SELECT d.datcollate AS collate, to_jsonb(d) ->> 'datlocprovider' AS provider FROM pg_database d WHERE d.datname = current_database()`;
  return rows[0] ?? null;
}
