// The dashboard's filters as the URL holds them (and the live refresh sends them): anything unknown
// falls back to the default rather than failing.
import { ENVIRONMENTS, RANGES, type DashboardFilter, type EnvironmentName, type RangeName } from "./dashboard-types";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseDashboardParams(raw: Record<string, string | string[] | undefined>): DashboardFilter {
  const range = one(raw.range);
  const env = one(raw.env);
  const msn = one(raw.msn);
  const op = one(raw.op);
  return {
    range: RANGES.includes(range as RangeName) ? (range as RangeName) : "24h",
    ...(ENVIRONMENTS.includes(env as EnvironmentName) ? { environment: env as EnvironmentName } : {}),
    ...(msn && /^\d{5,7}$/.test(msn) ? { msn } : {}),
    ...(op && /^[a-zA-Z]{1,40}$/.test(op) ? { operation: op } : {}),
  };
}
