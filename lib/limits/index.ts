// Rate limits that hold across every app instance: on PostgreSQL the counters live in the shared
// table "rate_limits" (rate-limiter-flexible's PostgreSQL store, created by a migration); the
// embedded database has exactly one app process, so counters live in its memory.
import "server-only";
import type pg from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";

export type LimiterStore = { kind: "memory" } | { kind: "pg"; pool: pg.Pool };

export interface LimitRule {
  /** Key prefix: one namespace per rule. */
  name: string;
  /** Points allowed per window. */
  points: number;
  windowSeconds: number;
}

export type LimitDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export interface Limiter {
  readonly rule: LimitRule;
  /**
   * Takes `points` (default 1); refused when the window's allowance is spent. A refused call still
   * counts (a caller hammering stays refused) unless `giveBackOnRefusal`: then it costs nothing.
   */
  consume(key: string, points?: number, options?: { giveBackOnRefusal?: boolean }): Promise<LimitDecision>;
  /** Whether the key is over its allowance now, without taking anything. */
  check(key: string): Promise<LimitDecision>;
  /** Forgets the key (a successful sign-in clears its address's failures). */
  reset(key: string): Promise<void>;
}

const retryAfter = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function createLimiter(store: LimiterStore, rule: LimitRule): Limiter {
  const options = { keyPrefix: rule.name, points: rule.points, duration: rule.windowSeconds };
  const impl: RateLimiterAbstract =
    store.kind === "pg"
      ? new RateLimiterPostgres({
          ...options,
          storeClient: store.pool,
          storeType: "pool",
          tableName: "rate_limits",
          tableCreated: true,
        })
      : new RateLimiterMemory(options);
  return {
    rule,
    async consume(key, points = 1, { giveBackOnRefusal = false } = {}) {
      try {
        const res = await impl.consume(key, points);
        return { ok: true, remaining: res.remainingPoints };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        if (giveBackOnRefusal) await impl.reward(key, points);
        return { ok: false, retryAfterSeconds: retryAfter(rejection.msBeforeNext) };
      }
    },
    async check(key) {
      const res = await impl.get(key);
      if (!res || res.consumedPoints < rule.points)
        return { ok: true, remaining: rule.points - (res?.consumedPoints ?? 0) };
      return { ok: false, retryAfterSeconds: retryAfter(res.msBeforeNext) };
    },
    async reset(key) {
      await impl.delete(key);
    },
  };
}
