// The home page's "needs attention": work waiting for someone, each item only for the roles that may
// act on it, each linking to where the work is done. Counts are bounded queries on indexed columns.
import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { msnScopeSql } from "@/lib/auth/scope-sql";
import { CAPTURE_DAYS } from "@/lib/money/rules";

export type AttentionKind =
  "guarantee_ending" | "half_limit" | "money_unresolved" | "awaiting_approval" | "spikes" | "missing_callbacks";

export interface AttentionItem {
  kind: AttentionKind;
  count: number;
  /** Øre at stake, where it is money. */
  amount: number | null;
  href: string;
  /** A few of the payments concerned, to open directly. */
  examples: { msn: string; orderId: string }[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A callback later than this after the reservation is not expected any more. */
const CALLBACK_GRACE_MS = 10 * 60_000;

type Counted = { count: bigint; amount: bigint | null; examples: { msn: string; orderId: string }[] | null };

async function reservations(db: PrismaClient, actor: Actor, extra: Prisma.Sql) {
  const [row] = await db.$queryRaw<Counted[]>`
    SELECT count(*) AS count, sum(p."remainingToCapture") AS amount,
      (array_agg(json_build_object('msn', p.msn, 'orderId', p."orderId") ORDER BY p."reservedAt"))[1:3] AS examples
    FROM "Payment" p JOIN "SalesUnit" s ON s.msn = p.msn
    WHERE p.status IN ('reserved', 'partially_captured') AND p."remainingToCapture" > 0
      AND s."captureType" = 'reserve' ${msnScopeSql(actor, Prisma.sql`p.msn`)} ${extra}`;
  return row;
}

/** Money operations in a state, within the actor's scope (`extra`: more conditions). */
async function operations(db: PrismaClient, actor: Actor, extra: Prisma.Sql) {
  const [row] = await db.$queryRaw<Counted[]>`
    SELECT count(*) AS count, sum(o.amount) AS amount,
      (array_agg(json_build_object('msn', o.msn, 'orderId', o."orderId") ORDER BY o."createdAt"))[1:3] AS examples
    FROM "MoneyOperation" o WHERE true ${msnScopeSql(actor, Prisma.sql`o.msn`)} ${extra}`;
  return row;
}

function item(kind: AttentionKind, row: Counted | undefined, href: string, money = true): AttentionItem | null {
  const count = Number(row?.count ?? 0);
  if (count === 0) return null;
  return {
    kind,
    count,
    amount: money ? Number(row?.amount ?? 0) : null,
    href,
    examples: (row?.examples ?? []).slice(0, 3),
  };
}

export async function readAttention(db: PrismaClient, actor: Actor, now = new Date()): Promise<AttentionItem[]> {
  const money = can(actor, "payments:money");
  const developer = can(actor, "apilog:read");
  const limitAt = new Date(now.getTime() - CAPTURE_DAYS * DAY);
  const halfAt = new Date(now.getTime() - (CAPTURE_DAYS / 2) * DAY);
  const none = Promise.resolve(undefined);
  const [ending, half, unresolved, approvals, spikes, callbacks] = await Promise.all([
    // Card guarantee ends within 48 hours (reserved money that the bank may soon drop).
    money
      ? reservations(
          db,
          actor,
          Prisma.sql`AND p."guaranteeEndsAt" > ${now} AND p."guaranteeEndsAt" <= ${new Date(now.getTime() + 48 * HOUR)}
            AND p."reservedAt" > ${limitAt}`,
        )
      : none,
    // Past half of the 180 days Vipps allows for capturing.
    money ? reservations(db, actor, Prisma.sql`AND p."reservedAt" <= ${halfAt} AND p."reservedAt" > ${limitAt}`) : none,
    // Money operations whose outcome is not known yet (the reconciler is on them).
    money ? operations(db, actor, Prisma.sql`AND o.state IN ('pending', 'unknown')`) : none,
    // Waiting for four eyes: only the ones this person may approve (never their own).
    money
      ? operations(
          db,
          actor,
          Prisma.sql`AND o.state = 'awaiting_approval' AND o."createdById" IS DISTINCT FROM ${actor.id}::uuid`,
        )
      : none,
    developer
      ? db.$queryRaw<Counted[]>`
          SELECT count(*) AS count, NULL::bigint AS amount, NULL AS examples
          FROM "SpikeAlert" a WHERE a."closedAt" IS NULL ${msnScopeSql(actor, Prisma.sql`a.msn`)}`.then(([row]) => row)
      : none,
    // Reserved in the last 7 days with no callback from Vipps, in sales units that do receive
    // callbacks (one in the last 30 days): the shop's callback endpoint may be failing.
    developer
      ? db.$queryRaw<Counted[]>`
          SELECT count(*) AS count, NULL::bigint AS amount,
            (array_agg(json_build_object('msn', p.msn, 'orderId', p."orderId") ORDER BY p."reservedAt" DESC))[1:3] AS examples
          FROM "Payment" p
          WHERE p."reservedAt" > ${new Date(now.getTime() - 7 * DAY)}
            AND p."reservedAt" < ${new Date(now.getTime() - CALLBACK_GRACE_MS)}
            ${msnScopeSql(actor, Prisma.sql`p.msn`)}
            AND EXISTS (SELECT 1 FROM "ApiCallLog" c WHERE c.msn = p.msn AND c.source = 'callback'
              AND c.at > ${new Date(now.getTime() - 30 * DAY)})
            AND NOT EXISTS (SELECT 1 FROM "ApiCallLog" c WHERE c."orderId" = p."orderId" AND c.msn = p.msn
              AND c.source = 'callback')`.then(([row]) => row)
      : none,
  ]);
  return [
    item("guarantee_ending", ending, "/finance?horizon=48h"),
    item("half_limit", half, "/finance?horizon=all"),
    item("money_unresolved", unresolved, "/finance#unsettled"),
    item("awaiting_approval", approvals, "/approvals"),
    item("spikes", spikes, "/errors", false),
    item("missing_callbacks", callbacks, "/api-log?source=callback", false),
  ].filter((i): i is AttentionItem => i !== null);
}
