// When the reconciler looks again: backoff 1, 2, 4 … minutes capped at 6 h, and never again once
// nothing can change (final, or past the 180/365-day limits).
import { describe, expect, it } from "vitest";
import {
  canStillChange,
  nextPollAt,
  pollDelayMs,
  POLL_CAP_MS,
  type PollState,
} from "@/lib/payments/reconciler/poll-policy";

const DAY = 86_400_000;
const now = new Date("2026-11-21T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const p = (over: Partial<PollState>): PollState => ({
  status: "reserved",
  remainingToCapture: 10_000,
  remainingToRefund: 0,
  initiatedAt: ago(1),
  reservedAt: ago(1),
  ...over,
});

describe("poll policy", () => {
  it("doubles the wait from one minute and caps it at six hours", () => {
    expect([0, 1, 2, 3, 8, 9, 50].map(pollDelayMs)).toEqual([
      60_000,
      120_000,
      240_000,
      480_000,
      15_360_000,
      POLL_CAP_MS,
      POLL_CAP_MS,
    ]);
    expect(pollDelayMs(-3)).toBe(60_000);
  });

  it.each([
    ["a payment waiting for the user", p({ status: "initiated", remainingToCapture: 0, reservedAt: null }), true],
    ["a reservation with money to capture", p({}), true],
    ["a reservation past 180 days", p({ reservedAt: ago(181) }), false],
    [
      "captured money to refund within 365 days",
      p({ status: "captured", remainingToCapture: 0, remainingToRefund: 5000, reservedAt: ago(200) }),
      true,
    ],
    [
      "captured money to refund past 365 days",
      p({ status: "captured", remainingToCapture: 0, remainingToRefund: 5000, reservedAt: ago(366) }),
      false,
    ],
    ["a fully refunded payment", p({ status: "refunded", remainingToCapture: 0, remainingToRefund: 0 }), false],
    ["a cancelled payment", p({ status: "cancelled", remainingToCapture: 0 }), false],
    ["a voided reservation", p({ status: "voided", remainingToCapture: 0 }), false],
    ["a failed reservation", p({ status: "failed", remainingToCapture: 0, reservedAt: null }), false],
    ["a payment without timestamps (assumed young)", p({ initiatedAt: null, reservedAt: null }), true],
  ])("%s: can still change = %s", (_label, state, expected) => {
    expect(canStillChange(state, now)).toBe(expected);
    expect(nextPollAt(state, now, 2) === null).toBe(!expected);
  });

  it("schedules the next poll from now", () => {
    expect(nextPollAt(p({}), now, 3)?.toISOString()).toBe("2026-11-21T12:08:00.000Z");
  });
});
