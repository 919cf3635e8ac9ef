// Latency samples → percentiles. Nearest-rank percentiles on the measured runs only (warm-up runs
// are executed but not recorded).

export interface Summary {
  /** measured runs (warm-up excluded) */
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  /** true when the time budget ended the kind before the requested number of runs */
  truncated?: boolean;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[], truncated = false): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    ...(truncated ? { truncated } : {}),
  };
}

export interface RunPlan {
  warmup: number;
  runs: number;
  /** Stop measuring a kind after this long even if `runs` is not reached (a slow baseline). */
  budgetMs: number;
  /** …but never with fewer than this many measured runs… */
  minRuns: number;
  /** …and only when the median so far is above this (a kind meeting its target always gets `runs`). */
  stopAboveMs?: number;
}

/** Runs `fn(i)` sequentially: `warmup` unrecorded calls, then up to `runs` timed calls. */
export async function measure(plan: RunPlan, fn: (i: number) => Promise<unknown>): Promise<Summary> {
  for (let i = 0; i < plan.warmup; i++) await fn(i);
  const samples: number[] = [];
  const until = performance.now() + plan.budgetMs;
  let truncated = false;
  for (let i = 0; i < plan.runs; i++) {
    const t = performance.now();
    await fn(plan.warmup + i);
    const end = performance.now();
    samples.push(end - t);
    const slow =
      plan.stopAboveMs === undefined ||
      percentile(
        [...samples].sort((a, b) => a - b),
        50,
      ) > plan.stopAboveMs;
    if (end > until && samples.length >= plan.minRuns && i < plan.runs - 1 && slow) {
      truncated = true;
      break;
    }
  }
  return summarize(samples, truncated);
}

/** `n` targets measured in turn within each run (0, 1, …, n-1, 0, 1 …): all runs, no early stop. */
export async function measureEach(
  plan: RunPlan,
  n: number,
  fn: (which: number) => Promise<unknown>,
): Promise<Summary[]> {
  for (let i = 0; i < plan.warmup; i++) for (let w = 0; w < n; w++) await fn(w);
  const samples: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < plan.runs; i++) {
    for (let w = 0; w < n; w++) {
      const t = performance.now();
      await fn(w);
      samples[w]!.push(performance.now() - t);
    }
  }
  return samples.map((s) => summarize(s, false));
}

export const ratio = (
  big: Summary | undefined,
  small: Summary | undefined,
  at: "p50" | "p95" = "p95",
): number | null => (big && small && small[at] > 0 ? Math.round((big[at] / small[at]) * 100) / 100 : null);
