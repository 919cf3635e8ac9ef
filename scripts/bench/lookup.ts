// Cross-sales-unit lookup: server time of the real lookupPayments(actor, q) for each kind of
// question support asks, as a user with 20 of the 50 sales units and as an admin (all of them).
import type { Actor } from "@/lib/auth/permissions";
import { lookupPayments } from "@/lib/payments/lookup/search";
import { captureQueries, bindAppDb, type BenchDb, type CapturedQuery } from "./clients";
import { benchMsn, orderIdOf, prng, transactionIdOf } from "./shape";
import { measure, measureEach, type RunPlan, type Summary } from "./stats";

export const LOOKUP_KINDS = ["exact", "prefix", "shortPrefix", "sibling", "transactionId"] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];

export const LOOKUP_KIND_LABELS: Record<LookupKind, string> = {
  exact: "exact orderId",
  prefix: "prefix FS-123456 (order + siblings)",
  shortPrefix: "short prefix FS-1234 (~100 orders)",
  sibling: "sibling FS-…-1 (base + -n)",
  transactionId: "transactionId (10 digits)",
};

/** Every other sales unit: 20 of 50, the largest included. */
export function benchActors(salesUnits: number): { scoped: Actor; admin: Actor } {
  const msns = Array.from({ length: salesUnits }, (_, i) => i)
    .filter((i) => i % 2 === 0)
    .slice(0, 20)
    .map(benchMsn)
    .sort();
  const base = { email: "bench@example.invalid", name: "Bench", canViewPayments: true };
  return {
    scoped: { ...base, id: "00000000-0000-4000-8000-000000000001", role: "support", msns, allSalesUnits: false },
    admin: { ...base, id: "00000000-0000-4000-8000-000000000002", role: "admin", msns: [], allSalesUnits: true },
  };
}

/** The i-th question of a kind, for a data set of `payments` payments (deterministic). */
export function lookupQuestions(kind: LookupKind, payments: number, seed = 1): (i: number) => string {
  const rnd = prng(seed * 7919 + LOOKUP_KINDS.indexOf(kind));
  const anyG = () => 1 + Math.floor(rnd() * payments);
  return () => {
    switch (kind) {
      case "exact":
        return orderIdOf(anyG());
      case "prefix":
        return orderIdOf(anyG()).split("-").slice(0, 2).join("-");
      case "shortPrefix":
        return `FS-${Math.floor((100000 + anyG()) / 100)}`;
      case "sibling": {
        // a "-1" retry (g % 100 = 11, 21 or 31)
        const g =
          Math.floor(rnd() * Math.max(1, Math.floor(payments / 100))) * 100 + [11, 21, 31][Math.floor(rnd() * 3)]!;
        return orderIdOf(Math.min(g, payments));
      }
      case "transactionId":
        return transactionIdOf(anyG());
    }
  };
}

export interface LookupResult {
  kind: LookupKind;
  actor: "scoped" | "admin";
  summary: Summary;
  /** mean rows returned, to show the questions find something */
  meanRows: number;
}

export async function benchLookup(
  db: BenchDb,
  payments: number,
  salesUnits: number,
  plan: RunPlan,
  log: (line: string) => void,
): Promise<LookupResult[]> {
  bindAppDb(db.prisma);
  const actors = benchActors(salesUnits);
  const out: LookupResult[] = [];
  for (const kind of LOOKUP_KINDS) {
    for (const who of ["scoped", "admin"] as const) {
      const next = lookupQuestions(kind, payments);
      let rows = 0;
      let calls = 0;
      const summary = await measure(plan, async () => {
        const r = await lookupPayments(actors[who], next(0));
        rows += r.rows.length;
        calls++;
      });
      out.push({ kind, actor: who, summary, meanRows: Math.round((rows / Math.max(1, calls)) * 10) / 10 });
      log(
        `  ${db.label} lookup ${kind.padEnd(13)} ${who.padEnd(6)} p50 ${summary.p50.toFixed(2)} p95 ${summary.p95.toFixed(2)} p99 ${summary.p99.toFixed(2)} ms (n=${summary.n}${summary.truncated ? ", budget" : ""}, ${out[out.length - 1]!.meanRows} rows)`,
      );
    }
  }
  return out;
}

/**
 * The same questions on two data sets, interleaved run by run (big, small, big, small …), so a
 * moment of load on this machine lands on both sets alike and the ratio compares like with like.
 */
export async function benchLookupPaired(
  sets: readonly [{ db: BenchDb; payments: number }, { db: BenchDb; payments: number }],
  salesUnits: number,
  plan: RunPlan,
  log: (line: string) => void,
): Promise<[LookupResult[], LookupResult[]]> {
  const actors = benchActors(salesUnits);
  const out: [LookupResult[], LookupResult[]] = [[], []];
  for (const kind of LOOKUP_KINDS) {
    for (const who of ["scoped", "admin"] as const) {
      const questions = sets.map((set) => lookupQuestions(kind, set.payments));
      const rows = [0, 0];
      const calls = [0, 0];
      const summaries = await measureEach(plan, sets.length, async (which) => {
        bindAppDb(sets[which]!.db.prisma);
        const r = await lookupPayments(actors[who], questions[which]!(0));
        rows[which]! += r.rows.length;
        calls[which]! += 1;
      });
      summaries.forEach((summary, which) => {
        out[which as 0 | 1].push({
          kind,
          actor: who,
          summary,
          meanRows: Math.round((rows[which]! / Math.max(1, calls[which]!)) * 10) / 10,
        });
        log(
          `  ${sets[which]!.db.label} lookup ${kind.padEnd(13)} ${who.padEnd(6)} p50 ${summary.p50.toFixed(2)} p95 ${summary.p95.toFixed(2)} p99 ${summary.p99.toFixed(2)} ms (n=${summary.n})`,
        );
      });
    }
  }
  return out;
}

/** The SQL one lookup of each kind sends (through the logging client), for EXPLAIN. */
export async function lookupQueries(
  db: BenchDb,
  payments: number,
  salesUnits: number,
): Promise<{ name: string; queries: CapturedQuery[] }[]> {
  bindAppDb(db.logging);
  const actors = benchActors(salesUnits);
  const out: { name: string; queries: CapturedQuery[] }[] = [];
  try {
    for (const kind of LOOKUP_KINDS) {
      for (const who of ["scoped", "admin"] as const) {
        const q = lookupQuestions(kind, payments, 99)(0);
        const { queries } = await captureQueries(() => lookupPayments(actors[who], q));
        // Only the Payment reads matter (the sales-unit name join is a primary-key lookup).
        out.push({
          name: `lookup ${kind} ${who} (q=${q})`,
          queries: queries.filter((x) => /FROM "public"\."Payment"/.test(x.sql)),
        });
      }
    }
  } finally {
    bindAppDb(db.prisma);
  }
  return out;
}
