// The reconciler: polls GET /details for payments that can still change (Payment.nextPollAt <= now)
// and stores what it says. Safe with several app instances on one PostgreSQL: a round claims its
// rows with FOR UPDATE SKIP LOCKED in one short statement that also pushes nextPollAt forward (a
// lease), so another instance neither waits for nor picks up a payment that is being polled. If an
// instance dies mid-round, the lease runs out and someone else polls the payment. Errors from Vipps
// (timeouts, 5xx, 429, …) never escape a round: that payment is backed off instead.
import "server-only";
import { forEachLimit } from "@/lib/concurrency";
import type { PrismaClient } from "@/generated/prisma/client";
import { isEcomError, type EcomClient } from "@/lib/ecom";
import { pollDelayMs } from "@/lib/payments/reconciler/poll-policy";
import { syncDetails } from "@/lib/payments/sync/sync";

export type DetailsClient = Pick<EcomClient, "getPaymentDetails">;

export interface ReconcilerDeps {
  db: PrismaClient;
  /** The eCom client of a sales unit (in the app: ecomClientFor from lib/payments/vipps.ts). */
  clientFor: (msn: string) => Promise<DetailsClient>;
  now?: () => Date;
  /** Payments claimed per round. */
  batch?: number;
  /** Details calls in flight at once within a round. */
  concurrency?: number;
  /** How long a claim keeps other instances away; longer than one details call with its retries. */
  leaseMs?: number;
  log?: (line: string) => void;
}

export interface RoundResult {
  claimed: number;
  synced: number;
  changed: number;
  /** Payments that became final in this round (nextPollAt now null). */
  finished: number;
  failed: number;
}

interface Claimed {
  id: string;
  msn: string;
  orderId: string;
  pollAttempts: number;
}

export const DEFAULT_LEASE_MS = 5 * 60_000;

/** Claims up to `batch` due payments of active sales units for this instance, atomically. */
export async function claimDue(
  db: PrismaClient,
  now: Date,
  batch: number,
  leaseMs = DEFAULT_LEASE_MS,
): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return db.$queryRaw<Claimed[]>`
    UPDATE "Payment" AS p SET "nextPollAt" = ${leaseUntil}
    FROM (
      SELECT id FROM "Payment"
      WHERE "nextPollAt" IS NOT NULL AND "nextPollAt" <= ${now}
        -- A deactivated sales unit is not polled (no calls to Vipps); its payments wait, still due.
        AND EXISTS (SELECT 1 FROM "SalesUnit" s WHERE s.msn = "Payment".msn AND s.active)
      ORDER BY "nextPollAt"
      LIMIT ${batch}::int
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE p.id = due.id
    RETURNING p.id, p.msn, p."orderId", p."pollAttempts"`;
}

function describe(err: unknown): string {
  if (isEcomError(err))
    return `${err.kind}${err.httpStatus ? ` HTTP ${err.httpStatus}` : ""}${err.errorCode ? ` ${err.errorCode}` : ""}`;
  return err instanceof Error ? err.name : "unknown error";
}

/** One round: claim, poll each claimed payment once, store, back off what failed. Never throws for a payment's error. */
export async function reconcileOnce(deps: ReconcilerDeps): Promise<RoundResult> {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.warn(`[reconciler] ${line}`));
  const result: RoundResult = { claimed: 0, synced: 0, changed: 0, finished: 0, failed: 0 };
  const claimed = await claimDue(deps.db, now(), deps.batch ?? 50, deps.leaseMs);
  result.claimed = claimed.length;
  const clients = new Map<string, Promise<DetailsClient>>();
  const clientFor = (msn: string) => {
    if (!clients.has(msn)) clients.set(msn, deps.clientFor(msn));
    return clients.get(msn)!;
  };

  await forEachLimit(claimed, deps.concurrency ?? 4, async (p) => {
    try {
      const details = await (await clientFor(p.msn)).getPaymentDetails(p.orderId);
      const synced = await syncDetails(deps.db, p.msn, details, { now: now(), backoff: true });
      result.synced++;
      if (synced.changed) result.changed++;
      if (synced.nextPollAt === null) result.finished++;
    } catch (err) {
      result.failed++;
      // Wait longer after every failure; never sooner than Vipps asked (Retry-After on a 429).
      const attempts = p.pollAttempts + 1;
      const retryAfter = isEcomError(err) ? (err.retryAfterMs ?? 0) : 0;
      const wait = Math.max(pollDelayMs(attempts), retryAfter);
      log(`${p.msn}/${p.orderId}: ${describe(err)}; next try in ${Math.round(wait / 1000)} s`);
      await deps.db.payment
        .update({ where: { id: p.id }, data: { pollAttempts: attempts, nextPollAt: new Date(now().getTime() + wait) } })
        .catch((e: unknown) =>
          log(`${p.msn}/${p.orderId}: could not record the backoff (${describe(e)}); the lease will expire`),
        );
    }
  });
  return result;
}

export interface ReconcilerLoop {
  stop(): Promise<void>;
}

/** Runs a round every `intervalMs`, never two at once in this process; a failing round is logged, not fatal. */
export function startReconciler(
  deps: () => Promise<ReconcilerDeps>,
  intervalMs: number,
  log: (line: string) => void = console.warn,
  /** Further work each round does with the same deps (the callbacks' payment hints). */
  alsoEachRound: ((deps: ReconcilerDeps) => Promise<unknown>)[] = [],
): ReconcilerLoop {
  let current: Promise<void> | undefined;
  const tick = () => {
    if (current) return;
    current = (async () => {
      try {
        const d = await deps();
        await reconcileOnce(d);
        for (const round of alsoEachRound) await round(d);
      } catch (err) {
        log(`[reconciler] round failed: ${describe(err)}`);
      }
    })().finally(() => (current = undefined));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
