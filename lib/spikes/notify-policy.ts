// How often a spike webhook is tried (lib/spikes/notify.ts); plain values, so the alert history can
// say "try 2 of 3" without importing server code.

/** Waits before the 2nd and 3rd post of an alert whose post failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000] as const;
export const NOTIFY_TRIES = RETRY_DELAYS_MS.length + 1;
