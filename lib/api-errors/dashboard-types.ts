// The error dashboard's shapes and filter values: shared by the server loader, the URL parser and
// the client view (no server code here).
import { PRESETS, PRESET_MS, type Preset } from "@/lib/api-log/time-range";

export const RANGES = PRESETS;
export type RangeName = Preset;
export const RANGE_MS = PRESET_MS;
/**
 * Chart buckets per range, each a whole step of a rollup level (lib/api-errors/spans.ts), so a view
 * reads the coarsest level whole: minutes for the last hour (60 bars), hours for 24 hours (24 bars —
 * 15-minute bars made the 24-hour view read 1,440 minute rows per key, and its time grew with the
 * traffic: npm run bench -- errors), 2 hours for 7 days (84), whole UTC days for 30 days (30).
 */
export const STEP_MS: Record<RangeName, number> = {
  "1h": 60_000,
  "24h": 3_600_000,
  "7d": 2 * 3_600_000,
  "30d": 86_400_000,
};
/** The bucket sizes a custom range may get: the smallest that keeps it at most MAX_BARS bars. */
export const CUSTOM_STEPS_MS = [60_000, 300_000, 900_000, 3_600_000, 2 * 3_600_000, 8 * 3_600_000, 86_400_000];
export const MAX_BARS = 120;

/** How often an open dashboard asks again while "live" is on: a new error shows within 5 s. */
export const LIVE_REFRESH_MS = 3_000;

export const ENVIRONMENTS = ["simulator", "test", "production"] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

export interface DashboardFilter {
  range: RangeName | "custom";
  /** Only for range "custom". */
  from?: Date;
  to?: Date;
  environment?: EnvironmentName;
  msn?: string;
  operation?: string;
}

export interface Totals {
  calls: number;
  errors: number;
  client: number;
  server: number;
  network: number;
  p95: number | null;
}

export interface ErrorKey {
  /** "Payment/61", "HTTP 401", "network": how a person reads it. */
  key: string;
  errorGroup: string;
  errorCode: string;
  httpStatus: number;
}

/** The remedy for a top error (texts are in the dictionary under remedies.entries[id]). */
export interface TopRemedy {
  id: string;
  who: "customer" | "staff" | "developer" | "vipps";
  links: { key: string; url: string }[];
}

export interface TopError extends ErrorKey {
  remedy: TopRemedy;
  /** The latest message logged for it (gateway errors carry no code: the message tells the causes apart). */
  message: string | null;
  operation: string;
  msns: string[];
  count: number;
  /** Share of the operation's calls in the range, 0–1. */
  share: number;
  firstSeen: Date;
  lastSeen: Date;
  /** Never seen before the range. */
  isNew: boolean;
  spark: number[];
}

export interface OperationRow {
  operation: string;
  calls: number;
  errors: number;
  p50: number | null;
  p95: number | null;
}

/** What an error key (a series in the chart) stands for, so a click can open its requests. */
export interface KeyParts {
  errorGroup: string;
  errorCode: string;
  httpStatus: number;
}

export interface Dashboard {
  /** When these numbers were read. */
  readAt: Date;
  from: Date;
  to: Date;
  stepMs: number;
  now: Totals;
  before: Totals;
  /** Per chart bucket: its start and the error count per error key. */
  series: { at: Date; counts: Record<string, number> }[];
  /** The error keys in the series, most frequent first. */
  keys: string[];
  keyParts: Record<string, KeyParts>;
  operations: OperationRow[];
  top: TopError[];
  /** Operations seen in the range (for the filter). */
  operationNames: string[];
}
