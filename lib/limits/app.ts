// The app's limits, one limiter per rule, over the configured database (see ./index.ts).
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { createLimiter, type Limiter, type LimiterStore, type LimitRule } from "./index";

export const LIMIT_RULES = {
  /** Failed sign-ins from one client address (any emails) in 15 minutes; then it waits. */
  signInFailuresPerAddress: { name: "signin-addr", points: 30, windowSeconds: 15 * 60 },
  /** Requests to the shop's ingest API per key and minute. */
  ingestRequestsPerKey: { name: "ingest-req", points: 60, windowSeconds: 60 },
  /** GET /details reads the ingest API may cause per key and minute (Vipps allows 120/min per payment). */
  ingestReadsPerKey: { name: "ingest-read", points: 3000, windowSeconds: 60 },
} as const satisfies Record<string, LimitRule>;

type Limiters = { [K in keyof typeof LIMIT_RULES]: Limiter };

const globalForLimits = globalThis as unknown as { __merchantOpsLimits?: Limiters };

function store(): LimiterStore {
  const { database } = env();
  if (database.driver === "pg") return { kind: "pg", pool: new pg.Pool({ connectionString: database.url, max: 2 }) };
  return { kind: "memory" };
}

export function appLimiters(): Limiters {
  if (!globalForLimits.__merchantOpsLimits) {
    const s = store();
    globalForLimits.__merchantOpsLimits = {
      signInFailuresPerAddress: createLimiter(s, LIMIT_RULES.signInFailuresPerAddress),
      ingestRequestsPerKey: createLimiter(s, LIMIT_RULES.ingestRequestsPerKey),
      ingestReadsPerKey: createLimiter(s, LIMIT_RULES.ingestReadsPerKey),
    };
  }
  return globalForLimits.__merchantOpsLimits;
}
