// The audit trail's reads (admins): a filtered page of rows, newest first with keyset pages on
// (at, id) in both directions, and every row of a filter in batches for the CSV.
import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { rangeBounds } from "@/lib/api-log/time-range";
import { assertCan, msnScope, type Actor } from "@/lib/auth/permissions";
import { keysetBatches, keysetPage, type KeysetPage } from "@/lib/keyset";
import type { AuditFilter } from "./filter";

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV export holds; narrow the filter for more. */
export const MAX_AUDIT_EXPORT_ROWS = 100_000;

const SELECT = {
  id: true,
  at: true,
  userId: true,
  userEmail: true,
  action: true,
  outcome: true,
  msn: true,
  orderId: true,
  details: true,
} as const satisfies Prisma.AuditLogSelect;

export type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof SELECT }>;

export function auditWhere(actor: Actor, f: AuditFilter, now: Date): Prisma.AuditLogWhereInput {
  const { from, to } = rangeBounds(f.time, now);
  const and: Prisma.AuditLogWhereInput[] = [{ at: { gte: from, lte: to } }, msnScope(actor)];
  // Prisma passes `contains` to LIKE as it is: "_" and "%" must stay letters.
  if (f.who) and.push({ userEmail: { contains: f.who.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" } });
  if (f.action) and.push({ action: f.action });
  if (f.outcome) and.push({ outcome: f.outcome });
  if (f.msn) and.push({ msn: f.msn });
  if (f.orderId) and.push({ orderId: f.orderId });
  return { AND: and };
}

export async function listAudit(
  db: PrismaClient,
  actor: Actor,
  filter: AuditFilter,
  page: { after?: string; before?: string },
  now: Date,
  limit = AUDIT_PAGE_SIZE,
): Promise<KeysetPage<AuditRow>> {
  assertCan(actor, "users:manage");
  const where = auditWhere(actor, filter, now);
  return keysetPage(
    ({ seek, order, take }) =>
      db.auditLog.findMany({
        where: seek ? { AND: [where, seek] } : where,
        orderBy: [{ at: order }, { id: order }],
        take,
        select: SELECT,
      }),
    page,
    limit,
  );
}

/** Every row of a filter, newest first, in batches (for the CSV), at most MAX_AUDIT_EXPORT_ROWS. */
export function iterateAudit(db: PrismaClient, actor: Actor, filter: AuditFilter, now: Date, batchSize = 1_000) {
  return keysetBatches(
    (after, limit) => listAudit(db, actor, filter, { after }, now, limit),
    MAX_AUDIT_EXPORT_ROWS,
    batchSize,
  );
}
