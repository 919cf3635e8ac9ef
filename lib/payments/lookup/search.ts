// Customer service's search: an orderId (exact, prefix, and its -1, -2 … siblings) across every
// sales unit the actor may see, or a transactionId. orderIds are unique per MSN only, so one
// orderId can be several payments.
import "server-only";
import type { PaymentStatus } from "@/generated/prisma/enums";
import { assertCan, msnScope, type Actor } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/generated/prisma/client";
import { databaseCollation, sortsByCodePoint } from "@/lib/db/collation";
import { db } from "@/lib/db/client";

export type QueryProblem = "empty" | "too_long" | "bad_characters";

export function checkQuery(raw: unknown): { ok: true; q: string } | { ok: false; problem: QueryProblem } {
  const q = typeof raw === "string" ? raw.trim() : "";
  if (!q) return { ok: false, problem: "empty" };
  if (q.length > 50) return { ok: false, problem: "too_long" };
  if (!/^[a-zA-Z0-9-]+$/.test(q)) return { ok: false, problem: "bad_characters" };
  return { ok: true, q };
}

export interface LookupRow {
  id: string;
  msn: string;
  salesUnitName: string;
  orderId: string;
  amount: number;
  status: PaymentStatus;
  createdAt: Date;
  match: "exact" | "sibling" | "prefix" | "transactionId";
}

const LIMIT = 50;

/**
 * "Starts with". On a code-point collation (C, C.UTF-8, PGlite) every orderId that starts with q
 * sorts in [q, q + "~"): "~" sorts after every character an orderId may contain, so the range lets
 * the plain btree on orderId serve the search (PostgreSQL uses a btree for LIKE 'q%' only under
 * "C"). Under a language collation (en_US, ICU) "FS-123" sorts after "FS-12~", so there the LIKE
 * stands alone and the trigram index serves it. The LIKE keeps the result exact either way.
 */
const prefix = (q: string, codePoint: boolean) =>
  codePoint ? { gte: q, lt: `${q}~`, startsWith: q } : { startsWith: q };

const collationOf = new WeakMap<object, Promise<boolean>>();

/** Read once per client: the database's collation does not change under a running app. */
function codePointCollation(prisma: PrismaClient): Promise<boolean> {
  let known = collationOf.get(prisma);
  if (!known) {
    known = databaseCollation(prisma).then((info) => (info ? sortsByCodePoint(info) : false));
    // a failed read is tried again next time rather than remembered
    known.catch(() => collationOf.delete(prisma));
    collationOf.set(prisma, known);
  }
  return known;
}

/** The base of a sibling orderId: "A-123-2" → "A-123" (the shop's retry convention). */
export const siblingBase = (orderId: string) => orderId.replace(/-\d{1,3}$/, "");

/** "A-123-2" is a sibling of base "A-123"; "A-123-2000" and "A-1234" are not. */
export const isSiblingOf = (base: string, orderId: string) =>
  orderId.startsWith(`${base}-`) && /^\d{1,3}$/.test(orderId.slice(base.length + 1));

export async function lookupPayments(
  actor: Actor,
  q: string,
): Promise<{ rows: LookupRow[]; sharedOrderIds: string[] }> {
  assertCan(actor, "payments:read");
  const prisma = await db();
  const codePoint = await codePointCollation(prisma);
  const scope = msnScope(actor);
  const base = siblingBase(q);
  const select = {
    id: true,
    msn: true,
    orderId: true,
    amount: true,
    status: true,
    createdAt: true,
    salesUnit: { select: { name: true } },
  } as const;
  const [byOrderId, byTransaction] = await Promise.all([
    prisma.payment.findMany({
      where: {
        ...scope,
        OR: [
          { orderId: prefix(q, codePoint) },
          ...(base !== q ? [{ orderId: base }, { orderId: prefix(`${base}-`, codePoint) }] : []),
        ],
      },
      orderBy: [{ createdAt: "desc" }],
      take: LIMIT,
      select,
    }),
    /^\d{6,}$/.test(q)
      ? prisma.payment.findMany({ where: { ...scope, events: { some: { transactionId: q } } }, take: LIMIT, select })
      : Promise.resolve([]),
  ]);
  // "X-12" may be a retry of "X" or simply an orderId: siblings through the base count only when
  // the base itself exists, so "FS-100" does not list FS-1 … FS-999.
  const baseExists = base !== q && byOrderId.some((p) => p.orderId === base);
  const related = (orderId: string) =>
    orderId.startsWith(q) || (baseExists && (orderId === base || isSiblingOf(base, orderId)));
  const rank = { exact: 0, sibling: 1, transactionId: 2, prefix: 3 } as const;
  const seen = new Map<string, LookupRow>();
  for (const p of byTransaction) seen.set(p.id, toRow(p, "transactionId"));
  for (const p of byOrderId) {
    if (!related(p.orderId)) continue;
    const match = p.orderId === q ? "exact" : p.orderId === base || isSiblingOf(base, p.orderId) ? "sibling" : "prefix";
    if (!seen.has(p.id)) seen.set(p.id, toRow(p, match));
  }
  const rows = [...seen.values()]
    .sort((a, b) => rank[a.match] - rank[b.match] || b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, LIMIT);
  const units = new Map<string, Set<string>>();
  for (const r of rows) units.set(r.orderId, (units.get(r.orderId) ?? new Set()).add(r.msn));
  const sharedOrderIds = [...units.entries()].filter(([, msns]) => msns.size > 1).map(([orderId]) => orderId);
  return { rows, sharedOrderIds };
}

function toRow(
  p: {
    id: string;
    msn: string;
    orderId: string;
    amount: number;
    status: PaymentStatus;
    createdAt: Date;
    salesUnit: { name: string };
  },
  match: LookupRow["match"],
): LookupRow {
  return {
    id: p.id,
    msn: p.msn,
    salesUnitName: p.salesUnit.name,
    orderId: p.orderId,
    amount: p.amount,
    status: p.status,
    createdAt: p.createdAt,
    match,
  };
}
