// Customer service's search across every sales unit the actor may see: an orderId (exact, prefix,
// and its -1, -2 … siblings; exact letter case first, then any case), a transactionId, an amount
// ("599", "599,00", "1 234,50 kr") and the transaction text. orderIds are unique per MSN only, so
// one orderId can be several payments.
import "server-only";
import { Prisma, type PaymentStatus } from "@/generated/prisma/client";
import { assertCan, msnScope, type Actor } from "@/lib/auth/permissions";
import { msnScopeSql } from "@/lib/auth/scope-sql";
import type { PrismaClient } from "@/generated/prisma/client";
import { databaseCollation, sortsByCodePoint } from "@/lib/db/collation";
import { db } from "@/lib/db/client";
import { ORDER_ID_PATTERN } from "@/lib/ids";
import { parseKroner } from "@/lib/money/amount";

export type QueryProblem = "empty" | "too_long" | "bad_characters";

/** Transaction texts are at most 100 characters, so nothing longer can match. */
const MAX_QUERY = 100;

export function checkQuery(raw: unknown): { ok: true; q: string } | { ok: false; problem: QueryProblem } {
  const q = typeof raw === "string" ? raw.trim().replace(/\s+/g, " ") : "";
  if (!q) return { ok: false, problem: "empty" };
  if (q.length > MAX_QUERY) return { ok: false, problem: "too_long" };
  if (/[\u0000-\u001f\u007f]/.test(q)) return { ok: false, problem: "bad_characters" };
  return { ok: true, q };
}

/** An amount in kroner when the query reads as one ("599", "599,00", "1 234,50 kr"), in øre. */
export function queryAmount(q: string): number | null {
  if (!/^[0-9][0-9\u0020\u00a0\u202f]*([.,][0-9]{1,2})?(\s*(kr|nok))?$/i.test(q)) return null;
  const parsed = parseKroner(q);
  return parsed.ok ? parsed.ore : null;
}

export interface LookupRow {
  id: string;
  msn: string;
  salesUnitName: string;
  orderId: string;
  amount: number;
  status: PaymentStatus;
  createdAt: Date;
  match: LookupMatch;
}

/** How a row matched, best first. `…AnyCase`: the same letters in another case ("fs-1" finds "FS-1"). */
export type LookupMatch =
  "exact" | "exactAnyCase" | "sibling" | "transactionId" | "prefix" | "prefixAnyCase" | "amount" | "text";
const RANK: Record<LookupMatch, number> = {
  exact: 0,
  exactAnyCase: 1,
  sibling: 2,
  transactionId: 3,
  prefix: 4,
  prefixAnyCase: 5,
  amount: 6,
  text: 7,
};

export interface LookupResult {
  rows: LookupRow[];
  sharedOrderIds: string[];
  /** More matched than are shown: how many in all (at most COUNT_CAP; `atLeast` past it). */
  more: { total: number; atLeast: boolean } | null;
  /** The amount the query was read as, in øre (for the link to the full list in history). */
  amount: number | null;
}

const LIMIT = 50;
const COUNT_CAP = 10_000;
/** Trigram indexes serve "any case" and text searches from three characters on. */
const MIN_FUZZY = 3;

/**
 * "Starts with". On a code-point collation (C, C.UTF-8, PGlite) every orderId that starts with q
 * sorts in [q, q + "~"): "~" sorts after every character an orderId may contain, so the range lets
 * the plain btree on orderId serve the search (PostgreSQL uses a btree for LIKE 'q%' only under
 * "C"). Under a language collation (en_US, ICU) "FS-123" sorts after "FS-12~", so there the LIKE
 * stands alone and the trigram index serves it. The LIKE keeps the result exact either way.
 */
const prefix = (q: string, codePoint: boolean) =>
  codePoint ? { gte: q, lt: `${q}~`, startsWith: q } : { startsWith: q };

/**
 * Ids of the newest payments whose orderId starts with q in any letter case, through the btree on
 * lower("orderId") (text_pattern_ops, migration 20261201112600): the range uses that index's own
 * operators, so it holds under any collation and in a generic plan; the LIKE keeps it exact (an
 * orderId is [A-Za-z0-9-], so q holds no LIKE wildcard). The trigram index this replaced read
 * every orderId sharing a trigram with q.
 */
async function anyCaseIds(prisma: PrismaClient, actor: Actor, q: string, take: number): Promise<string[]> {
  const lo = q.toLowerCase();
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Payment"
    WHERE lower("orderId") ~>=~ ${lo} AND lower("orderId") ~<~ ${`${lo}~`} AND lower("orderId") LIKE ${`${lo}%`}
    ${msnScopeSql(actor, Prisma.sql`msn`)}
    ORDER BY "createdAt" DESC, id DESC
    LIMIT ${take}`;
  return rows.map((r) => r.id);
}

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

export async function lookupPayments(actor: Actor, q: string): Promise<LookupResult> {
  assertCan(actor, "payments:read");
  const prisma = await db();
  const scope = msnScope(actor);
  const orderIdLike = ORDER_ID_PATTERN.test(q);
  const codePoint = orderIdLike ? await codePointCollation(prisma) : false;
  const base = siblingBase(q);
  const amount = queryAmount(q);
  const anyCase = orderIdLike && q.length >= MIN_FUZZY && /[a-zA-Z]/.test(q);
  const text = q.length >= MIN_FUZZY;
  const select = {
    id: true,
    msn: true,
    orderId: true,
    amount: true,
    status: true,
    createdAt: true,
    salesUnit: { select: { name: true } },
  } as const;
  const newest = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const none = Promise.resolve([]);
  // An amount is looked up per sales unit, so the (msn, amount) index serves it for admins too.
  const amountMsns =
    amount === null
      ? []
      : actor.allSalesUnits
        ? (await prisma.salesUnit.findMany({ select: { msn: true } })).map((u) => u.msn)
        : [...actor.msns];
  const conditions = {
    prefix: { orderId: prefix(q, codePoint) },
    anyCase: { orderId: { startsWith: q, mode: "insensitive" as const } },
    transaction: { events: { some: { transactionId: q } } },
    amount: { msn: { in: amountMsns }, amount: amount ?? -1 },
    text: { transactionText: { contains: q, mode: "insensitive" as const } },
  } satisfies Record<string, Prisma.PaymentWhereInput>;
  const [byOrderId, bySibling, byAnyCase, byTransaction, byAmount, byText] = await Promise.all([
    orderIdLike
      ? prisma.payment.findMany({ where: { ...scope, ...conditions.prefix }, orderBy: newest, take: LIMIT + 1, select })
      : none,
    // "A-12" may be a retry of "A": the base and its -1, -2 … (kept below only when the base exists).
    orderIdLike && base !== q
      ? prisma.payment.findMany({
          where: { ...scope, OR: [{ orderId: base }, { orderId: prefix(`${base}-`, codePoint) }] },
          orderBy: newest,
          take: LIMIT + 1,
          select,
        })
      : none,
    anyCase
      ? anyCaseIds(prisma, actor, q, LIMIT + 1).then((ids) =>
          ids.length === 0 ? [] : prisma.payment.findMany({ where: { id: { in: ids } }, orderBy: newest, select }),
        )
      : none,
    /^\d{6,}$/.test(q)
      ? prisma.payment.findMany({ where: { ...scope, ...conditions.transaction }, take: LIMIT + 1, select })
      : none,
    amount !== null
      ? prisma.payment.findMany({ where: conditions.amount, orderBy: newest, take: LIMIT + 1, select })
      : none,
    text
      ? prisma.payment.findMany({ where: { ...scope, ...conditions.text }, orderBy: newest, take: LIMIT + 1, select })
      : none,
  ]);
  // "X-12" may be a retry of "X" or simply an orderId: siblings through the base count only when
  // the base itself exists, so "FS-100" does not list FS-1 … FS-999.
  const baseExists = base !== q && bySibling.some((p) => p.orderId === base);
  const related = (orderId: string) =>
    orderId.startsWith(q) || (baseExists && (orderId === base || isSiblingOf(base, orderId)));
  const lower = q.toLowerCase();
  const seen = new Map<string, LookupRow>();
  const add = (p: Parameters<typeof toRow>[0], match: LookupMatch) => {
    const had = seen.get(p.id);
    if (!had || RANK[match] < RANK[had.match]) seen.set(p.id, toRow(p, match));
  };
  for (const p of byTransaction) add(p, "transactionId");
  for (const p of [...byOrderId, ...bySibling]) {
    if (!related(p.orderId)) continue;
    add(p, p.orderId === q ? "exact" : p.orderId === base || isSiblingOf(base, p.orderId) ? "sibling" : "prefix");
  }
  for (const p of byAnyCase) add(p, p.orderId.toLowerCase() === lower ? "exactAnyCase" : "prefixAnyCase");
  for (const p of byAmount) add(p, "amount");
  for (const p of byText) add(p, "text");
  const all = [...seen.values()].sort(
    (a, b) => RANK[a.match] - RANK[b.match] || b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
  );
  const rows = all.slice(0, LIMIT);
  const cut =
    all.length > LIMIT || [byOrderId, byAnyCase, byTransaction, byAmount, byText].some((found) => found.length > LIMIT);
  let more: LookupResult["more"] = null;
  if (cut) {
    // How many in all, counted once each over every way of matching (capped: a count past that
    // says nothing more useful than "narrow the search").
    const total = await prisma.payment.count({
      where: {
        ...scope,
        OR: [
          ...(orderIdLike ? [conditions.prefix] : []),
          ...(anyCase ? [conditions.anyCase] : []),
          ...(/^\d{6,}$/.test(q) ? [conditions.transaction] : []),
          ...(amount !== null ? [conditions.amount] : []),
          ...(text ? [conditions.text] : []),
        ],
      },
      take: COUNT_CAP + 1,
    });
    more = { total: Math.max(total, all.length), atLeast: total > COUNT_CAP };
  }
  const units = new Map<string, Set<string>>();
  for (const r of rows) units.set(r.orderId, (units.get(r.orderId) ?? new Set()).add(r.msn));
  const sharedOrderIds = [...units.entries()].filter(([, msns]) => msns.size > 1).map(([orderId]) => orderId);
  return { rows, sharedOrderIds, more, amount };
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
