// When is an error rate a spike? Pure, so it is unit-tested as a table and runs anywhere.
//
// For one key (sales unit × environment × operation):
//   window    the last 15 one-minute rollup buckets, the one filling now included;
//   baseline  errors ÷ calls over the 7 days before the window (whatever part of them has calls: a
//             key with two days of history gets a two-day baseline). Fewer than 50 calls there is no
//             usable history: the baseline counts as 0 %, and the rule becomes an absolute one;
//   error     a call without a 2xx/3xx answer: HTTP 4xx/5xx, or status 0 (no answer: network).
// It OPENS when the window has ≥ 10 calls, ≥ 5 errors, and a rate ≥ max(3 × baseline, baseline +
// 10 percentage points). So 1 error in 2 calls is never a spike, nor is a unit whose usual 30 %
// of declined payments stays at 30 %.
// An open spike CLOSES when the window has < 5 errors, or its rate falls below halfway between the
// baseline and the opening threshold (the gap keeps a rate hovering at the threshold from opening
// and closing every minute).

export const SPIKE_RULE = {
  windowMinutes: 15,
  baselineDays: 7,
  baselineMinCalls: 50,
  minCalls: 10,
  minErrors: 5,
  factor: 3,
  /** Percentage points above the baseline, as a fraction. */
  margin: 0.1,
} as const;

export type SpikeRule = typeof SPIKE_RULE;

export interface Counts {
  calls: number;
  errors: number;
}

const rateOf = (c: Counts) => (c.calls > 0 ? c.errors / c.calls : 0);
/** Rates are compared with this slack: 0.02 + 0.1 is 0.12000000000000001 in floating point. */
const EPSILON = 1e-9;

/** The baseline rate (0–1): 0 without enough history. */
export function baselineRate(history: Counts, rule: SpikeRule = SPIKE_RULE): number {
  return history.calls >= rule.baselineMinCalls ? rateOf(history) : 0;
}

/** The rate at or above which the window is a spike. Above 1 (a baseline over 90 %): never. */
export function openThreshold(baseline: number, rule: SpikeRule = SPIKE_RULE): number {
  return Math.max(rule.factor * baseline, baseline + rule.margin);
}

/** Below this rate an open spike is over. */
export function closeThreshold(baseline: number, rule: SpikeRule = SPIKE_RULE): number {
  return baseline + (openThreshold(baseline, rule) - baseline) / 2;
}

export type SpikeVerdict = "open" | "keep" | "close" | "none";

export interface Judged {
  verdict: SpikeVerdict;
  rate: number;
  baseline: number;
}

/** What to do with a key, given its window, its history, and whether an alert is open for it. */
export function judgeSpike(window: Counts, history: Counts, isOpen: boolean, rule: SpikeRule = SPIKE_RULE): Judged {
  const baseline = baselineRate(history, rule);
  const rate = rateOf(window);
  if (isOpen) {
    const over = window.errors < rule.minErrors || rate < closeThreshold(baseline, rule) - EPSILON;
    return { verdict: over ? "close" : "keep", rate, baseline };
  }
  const spike =
    window.calls >= rule.minCalls && window.errors >= rule.minErrors && rate >= openThreshold(baseline, rule) - EPSILON;
  return { verdict: spike ? "open" : "none", rate, baseline };
}

/** The detection window and the baseline span for a run at `now` (UTC minute buckets). */
export function spikeSpans(now: Date, rule: SpikeRule = SPIKE_RULE) {
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  const windowStart = new Date(minute - (rule.windowMinutes - 1) * 60_000);
  const windowEnd = new Date(minute + 60_000);
  const baselineStart = new Date(windowStart.getTime() - rule.baselineDays * 86_400_000);
  return { windowStart, windowEnd, baselineStart };
}

/** The alert's key while it is open (SpikeAlert.openKey). */
export const spikeKey = (k: { msn: string; environment: string; operation: string }) =>
  `${k.msn}|${k.environment}|${k.operation}`;
