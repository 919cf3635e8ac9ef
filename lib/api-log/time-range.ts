// The period a page about logged rows shows (the error dashboard, the request log, the audit trail): a preset
// ending now, or a custom from–to typed as Oslo time (or sent as ISO 8601 by a chart click). Pure and
// client-safe. A bad range gets a specific error and the default preset instead, never a guess.
import { osloLocalInput, osloLocalTime } from "@/lib/payments/history/dates";

export const PRESETS = ["1h", "24h", "7d", "30d"] as const;
export type Preset = (typeof PRESETS)[number];
export const PRESET_MS: Record<Preset, number> = {
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};
/** Rollups are kept 13 months; a custom range may not span more than this. */
export const MAX_SPAN_DAYS = 400;

export type TimeRange = { range: Preset } | { range: "custom"; from: Date; to: Date };
export type TimeRangeError = "invalid_from" | "invalid_to" | "from_after_to" | "too_long" | "too_old";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** ISO 8601 with a zone (from links) or Oslo wall time (from the form). */
export function parseInstant(value: string | undefined): Date | null {
  if (!value || value.length > 40) return null;
  if (ISO.test(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return osloLocalTime(value);
}

/**
 * `oldestDays`: how far back a custom range may start (the rollups' age by default; null where rows
 * are kept for good, as in the audit trail).
 */
export function parseTimeRange(
  raw: { range?: string; from?: string; to?: string },
  now: Date,
  fallback: Preset = "24h",
  { oldestDays = MAX_SPAN_DAYS }: { oldestDays?: number | null } = {},
): { time: TimeRange; error?: TimeRangeError } {
  if (raw.range !== "custom") {
    return { time: { range: PRESETS.includes(raw.range as Preset) ? (raw.range as Preset) : fallback } };
  }
  const refuse = (error: TimeRangeError) => ({ time: { range: fallback }, error });
  const from = parseInstant(raw.from);
  if (!from) return refuse("invalid_from");
  // An empty "to" means until now.
  const to = raw.to ? parseInstant(raw.to) : now;
  if (!to) return refuse("invalid_to");
  if (from.getTime() >= to.getTime()) return refuse("from_after_to");
  if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * 86_400_000) return refuse("too_long");
  if (oldestDays !== null && from.getTime() < now.getTime() - oldestDays * 86_400_000) return refuse("too_old");
  return { time: { range: "custom", from, to } };
}

/** The instants a range covers at `now` (a preset ends now). */
export function rangeBounds(time: TimeRange, now: Date): { from: Date; to: Date } {
  if (time.range === "custom") return { from: time.from, to: time.to };
  return { from: new Date(now.getTime() - PRESET_MS[time.range]), to: now };
}

/** The range as URL parameters (ISO 8601 for custom, so a link means the same instant anywhere). */
export function timeRangeParams(time: TimeRange): Record<string, string> {
  return time.range === "custom"
    ? { range: "custom", from: time.from.toISOString(), to: time.to.toISOString() }
    : { range: time.range };
}

/** The range as a filter form's fields hold it (datetime-local values in Oslo time for custom). */
export function timeRangeInputs(time: TimeRange): { range: string; from: string; to: string } {
  return time.range === "custom"
    ? { range: "custom", from: osloLocalInput(time.from), to: osloLocalInput(time.to) }
    : { range: time.range, from: "", to: "" };
}
