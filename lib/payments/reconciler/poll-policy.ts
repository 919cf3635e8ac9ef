// When the reconciler should read GET /details for a payment again. Vipps sends no callback when the
// shop's own system captures or refunds, so every payment whose money can still move is polled, and
// the interval grows while nothing changes: 1 min, 2, 4 … capped at 6 h. A payment stops being
// polled (nextPollAt = null) once nothing is left to capture or refund, or the 180/365-day limits
// have passed (Vipps refuses capture/cancel after 180 days and refunds after 365).
import type { DerivedPayment } from "@/lib/payments/sync/derive";

export const POLL_BASE_MS = 60_000;
export const POLL_CAP_MS = 6 * 3_600_000;
const DAY_MS = 86_400_000;
export const CAPTURE_WINDOW_MS = 180 * DAY_MS;
export const REFUND_WINDOW_MS = 365 * DAY_MS;

export type PollState = Pick<
  DerivedPayment,
  "status" | "remainingToCapture" | "remainingToRefund" | "initiatedAt" | "reservedAt"
>;

/** Whether anything about this payment can still change at Vipps. */
export function canStillChange(p: PollState, now: Date): boolean {
  const t = now.getTime();
  // Without a timestamp (should not happen) assume the payment is young rather than stop too early.
  const initiated = p.initiatedAt?.getTime() ?? t;
  const reserved = p.reservedAt?.getTime() ?? initiated;
  // Waiting for the user: Vipps times it out after 10 minutes, and /details then says so.
  if (p.status === "initiated") return t - initiated < CAPTURE_WINDOW_MS;
  if (p.remainingToCapture > 0 && t - reserved < CAPTURE_WINDOW_MS) return true;
  if (p.remainingToRefund > 0 && t - reserved < REFUND_WINDOW_MS) return true;
  return false;
}

/** The wait after `attempts` polls in a row that changed nothing. */
export function pollDelayMs(attempts: number): number {
  return Math.min(POLL_CAP_MS, POLL_BASE_MS * 2 ** Math.min(Math.max(attempts, 0), 20));
}

/** When to poll next; null when the payment is final. */
export function nextPollAt(p: PollState, now: Date, attempts = 0): Date | null {
  return canStillChange(p, now) ? new Date(now.getTime() + pollDelayMs(attempts)) : null;
}
