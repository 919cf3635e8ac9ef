// The dashboard's filters as the URL holds them (and the live refresh sends them): anything unknown
// falls back to the default rather than failing; a custom range that cannot be used says why.
import { parseTimeRange, type TimeRangeError } from "@/lib/api-log/time-range";
import { ENVIRONMENTS, type DashboardFilter, type EnvironmentName } from "./dashboard-types";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseDashboardParams(
  raw: Record<string, string | string[] | undefined>,
  now = new Date(),
): DashboardFilter & { rangeError?: TimeRangeError } {
  const env = one(raw.env);
  const msn = one(raw.msn);
  const op = one(raw.op);
  const { time, error } = parseTimeRange({ range: one(raw.range), from: one(raw.from), to: one(raw.to) }, now);
  return {
    ...time,
    ...(error ? { rangeError: error } : {}),
    ...(ENVIRONMENTS.includes(env as EnvironmentName) ? { environment: env as EnvironmentName } : {}),
    ...(msn && /^\d{5,7}$/.test(msn) ? { msn } : {}),
    ...(op && /^[a-zA-Z]{1,40}$/.test(op) ? { operation: op } : {}),
  };
}
