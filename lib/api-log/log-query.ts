// The request log's reads: a filtered page of calls (keyset paging on time and id, newest first),
// one call with its masked bodies, and every call of a filter in batches for the CSV. Always within
// the actor's sales units; calls without an MSN (partner keys' tokens) are for admins only.
import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { assertCan, msnScope, type Actor } from "@/lib/auth/permissions";
import { keysetBatches, keysetPage, type KeysetPage } from "@/lib/keyset";
import { NO_CODE, type LogFilter } from "./log-filter";
import { rangeBounds } from "./time-range";

export const PAGE_SIZE = 50;
/** The most rows one CSV export holds; narrow the filter for more. */
export const MAX_EXPORT_ROWS = 100_000;

const LIST_SELECT = {
  id: true,
  at: true,
  msn: true,
  environment: true,
  source: true,
  operation: true,
  method: true,
  path: true,
  orderId: true,
  httpStatus: true,
  errorGroup: true,
  errorCode: true,
  errorMessage: true,
  networkError: true,
  contextId: true,
  requestId: true,
  durationMs: true,
  attempt: true,
} as const satisfies Prisma.ApiCallLogSelect;

export type LogRow = Prisma.ApiCallLogGetPayload<{ select: typeof LIST_SELECT }>;

function statusWhere(status: LogFilter["status"]): Prisma.ApiCallLogWhereInput {
  if (status === undefined) return {};
  if (typeof status === "number") return { httpStatus: status };
  if (status === "network") return { httpStatus: null };
  if (status === "errors") return { OR: [{ httpStatus: null }, { httpStatus: { gte: 400 } }] };
  const base = Number(status[0]) * 100;
  return { httpStatus: { gte: base, lt: base + 100 } };
}

export function logWhere(actor: Actor, f: LogFilter, now: Date): Prisma.ApiCallLogWhereInput {
  const { from, to } = rangeBounds(f.time, now);
  const and: Prisma.ApiCallLogWhereInput[] = [{ at: { gte: from, lte: to } }, msnScope(actor), statusWhere(f.status)];
  if (f.msn) and.push({ msn: f.msn });
  if (f.environment) and.push({ environment: f.environment });
  if (f.operation) and.push({ operation: f.operation });
  if (f.source) and.push({ source: f.source });
  if (f.errorGroup) and.push({ errorGroup: f.errorGroup });
  if (f.errorCode === NO_CODE) and.push({ OR: [{ errorCode: null }, { errorCode: "" }] });
  else if (f.errorCode) and.push({ errorCode: f.errorCode });
  if (f.orderId) and.push({ orderId: f.orderId });
  if (f.requestId) and.push({ requestId: f.requestId });
  if (f.contextId) and.push({ contextId: f.contextId });
  return { AND: and };
}

export type LogPage = KeysetPage<LogRow>;

export async function listCalls(
  db: PrismaClient,
  actor: Actor,
  filter: LogFilter,
  page: { after?: string; before?: string },
  now: Date,
  limit = PAGE_SIZE,
): Promise<LogPage> {
  assertCan(actor, "apilog:read");
  const where = logWhere(actor, filter, now);
  return keysetPage(
    ({ seek, order, take }) =>
      db.apiCallLog.findMany({
        where: seek ? { AND: [where, seek] } : where,
        orderBy: [{ at: order }, { id: order }],
        take,
        select: LIST_SELECT,
      }),
    page,
    limit,
  );
}

/** One call with its (masked) bodies, or null when it does not exist or is outside the scope. */
export async function getCall(db: PrismaClient, actor: Actor, id: string) {
  assertCan(actor, "apilog:read");
  if (!/^\d{1,18}$/.test(id)) return null;
  return db.apiCallLog.findFirst({ where: { id: BigInt(id), ...msnScope(actor) } });
}

/** Every call of a filter, newest first, in batches (for the CSV), at most MAX_EXPORT_ROWS. */
export function iterateCalls(db: PrismaClient, actor: Actor, filter: LogFilter, now: Date, batchSize = 1_000) {
  return keysetBatches(
    (after, limit) => listCalls(db, actor, filter, { after }, now, limit),
    MAX_EXPORT_ROWS,
    batchSize,
  );
}
