// msnScope (lib/auth/permissions.ts) for raw SQL: the actor's sales units as a condition on a column.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "./permissions";

/** "AND <column> IN (…the actor's MSNs)", nothing for all units; an empty list matches nothing. */
export function msnScopeSql(actor: Actor, column: Prisma.Sql): Prisma.Sql {
  if (actor.allSalesUnits) return Prisma.empty;
  if (actor.msns.length === 0) return Prisma.sql`AND false`;
  return Prisma.sql`AND ${column} IN (${Prisma.join([...actor.msns])})`;
}
