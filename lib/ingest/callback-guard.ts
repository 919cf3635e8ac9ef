// What a flood of callbacks may cost. Callbacks are not authenticated (anyone who knows the URL can
// post one), so:
//   - refused callbacks (unknown MSN, orderId Vipps does not know, throttled) are audit-logged at most
//     `auditPerWindow` rows per action per window; the rest are counted into one summary row written
//     when the window ends — a flood leaves a trace of its size, not a million rows;
//   - callbacks for orderIds we do not know yet cost a GET /details each, so each sales unit gets
//     `newOrdersPerWindow` of them per window; beyond that the answer is 429 with Retry-After.
//     Callbacks for payments we already hold are bounded by the single flight in callback.ts.
// Per app instance, in memory: with several instances the bounds add up, which is fine for a bound.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export interface CallbackLimits {
  auditPerWindow: number;
  newOrdersPerWindow: number;
  windowSeconds: number;
}

export const DEFAULT_CALLBACK_LIMITS: CallbackLimits = {
  auditPerWindow: 30,
  newOrdersPerWindow: 600,
  windowSeconds: 60,
};

export interface RefusedCallback {
  action: "callback_refused" | "callback_unverified" | "callback_throttled";
  msn: string;
  orderId: string;
  details: Record<string, string | number>;
}

export interface FloodSummary {
  action: RefusedCallback["action"];
  details: { reason: "flood"; suppressed: number; windowSeconds: number; msns: string[] };
}

/** How many distinct MSNs a summary row names (a flood of made-up MSNs has one per callback). */
const SUMMARY_MSNS = 20;

export interface CallbackGuard {
  /** Writes the audit row, or counts it into the window's summary when the window is full. */
  audit(row: RefusedCallback): Promise<void>;
  /** Whether a callback for an orderId we do not hold may cost a /details read now. */
  allowNewOrder(msn: string): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }>;
}

export function createCallbackGuard(
  limits: CallbackLimits,
  write: { row(row: RefusedCallback): Promise<void>; summary(summary: FloodSummary): Promise<void> },
): CallbackGuard {
  const audits = new RateLimiterMemory({ points: limits.auditPerWindow, duration: limits.windowSeconds });
  const newOrders = new RateLimiterMemory({ points: limits.newOrdersPerWindow, duration: limits.windowSeconds });
  const suppressed = new Map<RefusedCallback["action"], { count: number; msns: Set<string> }>();

  function flush(action: RefusedCallback["action"]) {
    const s = suppressed.get(action);
    suppressed.delete(action);
    if (!s) return;
    void write
      .summary({
        action,
        details: { reason: "flood", suppressed: s.count, windowSeconds: limits.windowSeconds, msns: [...s.msns] },
      })
      .catch(() => {});
  }

  return {
    async audit(row) {
      try {
        await audits.consume(row.action);
      } catch (res) {
        let s = suppressed.get(row.action);
        if (!s) {
          s = { count: 0, msns: new Set() };
          suppressed.set(row.action, s);
          const wait = res instanceof RateLimiterRes ? res.msBeforeNext : limits.windowSeconds * 1000;
          setTimeout(() => flush(row.action), wait).unref?.();
        }
        s.count += 1;
        if (s.msns.size < SUMMARY_MSNS) s.msns.add(row.msn);
        return;
      }
      await write.row(row);
    },
    async allowNewOrder(msn) {
      try {
        await newOrders.consume(msn);
        return { ok: true };
      } catch (res) {
        const ms = res instanceof RateLimiterRes ? res.msBeforeNext : limits.windowSeconds * 1000;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) };
      }
    },
  };
}
