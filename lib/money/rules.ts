// Which money operations a payment allows right now, and how much each may move (pure: the engine
// checks against a fresh GET /details, the page and the dialog show the same answers with reasons).
// ecom-api.md §4.2: capture and cancel up to 180 days after reservation, refunds up to 365;
// direct-capture sales units have refunds only; 100 øre is the API's smallest amount.
import type { DerivedPayment } from "@/lib/payments/sync/derive";

export const MONEY_KINDS = ["capture", "release", "cancel", "refund"] as const;
export type MoneyKind = (typeof MONEY_KINDS)[number];

export const REFUND_REASONS = ["customer_request", "returned_goods", "duplicate_payment", "goodwill", "other"] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export const MIN_ORE = 100;
const DAY_MS = 86_400_000;
export const CAPTURE_DAYS = 180;
export const REFUND_DAYS = 365;

/** Why an operation is not offered: a code the dictionary words (money.notAllowed.*). */
export type NotAllowed =
  | "direct_capture_refund_only"
  | "not_reserved"
  | "nothing_to_capture"
  | "nothing_to_release"
  | "already_captured"
  | "use_cancel"
  | "nothing_to_refund"
  | "capture_window_passed"
  | "refund_window_passed"
  | "final"
  | "unit_inactive";

export type Allowance =
  { kind: MoneyKind; allowed: true; max: number } | { kind: MoneyKind; allowed: false; why: NotAllowed };

export type RuleInput = Pick<
  DerivedPayment,
  "status" | "remainingToCapture" | "remainingToRefund" | "capturedAmount" | "reservedAt" | "initiatedAt"
> & {
  captureType: "reserve" | "direct";
  /** false: the sales unit is deactivated (no money operations at all). Unset counts as active. */
  unitActive?: boolean;
};

function daysSinceReservation(p: RuleInput, now: Date): number {
  const from = (p.reservedAt ?? p.initiatedAt)?.getTime() ?? now.getTime();
  return (now.getTime() - from) / DAY_MS;
}

export function allowance(p: RuleInput, kind: MoneyKind, now: Date): Allowance {
  const no = (why: NotAllowed): Allowance => ({ kind, allowed: false, why });
  const yes = (max: number): Allowance => ({ kind, allowed: true, max });
  const age = daysSinceReservation(p, now);
  if (p.unitActive === false) return no("unit_inactive");
  if (p.status === "initiated" || p.status === "failed") return no("not_reserved");
  if (p.status === "cancelled" || p.status === "voided") return no("final");
  if (kind === "refund") {
    if (p.remainingToRefund <= 0) return no("nothing_to_refund");
    if (age > REFUND_DAYS) return no("refund_window_passed");
    return yes(p.remainingToRefund);
  }
  if (p.captureType === "direct") return no("direct_capture_refund_only");
  if (age > CAPTURE_DAYS) return no("capture_window_passed");
  switch (kind) {
    case "capture":
      return p.remainingToCapture > 0 ? yes(p.remainingToCapture) : no("nothing_to_capture");
    case "release":
      // Releasing the rest is for after a partial capture; with nothing captured it is a cancel.
      if (p.remainingToCapture <= 0) return no("nothing_to_release");
      return p.capturedAmount > 0 ? yes(p.remainingToCapture) : no("use_cancel");
    case "cancel":
      if (p.capturedAmount > 0) return no("already_captured");
      return p.remainingToCapture > 0 ? yes(p.remainingToCapture) : no("nothing_to_capture");
  }
}

export function allowances(p: RuleInput, now: Date): Record<MoneyKind, Allowance> {
  return Object.fromEntries(MONEY_KINDS.map((k) => [k, allowance(p, k, now)])) as Record<MoneyKind, Allowance>;
}

/** Why an amount cannot be moved (or null): checked by the dialog as the user types and by the engine. */
export type AmountRefusal = "below_minimum" | "above_remaining";

export function checkAmount(a: Allowance & { allowed: true }, ore: number): AmountRefusal | null {
  if (ore > a.max) return "above_remaining";
  // Less than the minimum is refused by Vipps, unless it is exactly what remains.
  if (ore < MIN_ORE && ore !== a.max) return "below_minimum";
  return null;
}
