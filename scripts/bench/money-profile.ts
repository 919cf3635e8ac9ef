// Where submitMoneyOperation's time goes (MONEY_BENCH_ONLY=profile): every SQL statement (through a
// wrapped driver adapter) and every call to the simulator is timed on a timeline per capture; the
// report gives, per step, how often it runs per capture and its median and p95 time, the database's
// and Vipps' share of the wall time, and what is left (JavaScript: Prisma, JSON, crypto).
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import type { MoneyClient } from "@/lib/money/engine";
import { percentile } from "./stats";

const pct = (xs: number[], p: number) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    p,
  );

export interface Span {
  label: string;
  kind: "sql" | "http";
  start: number;
  end: number;
}

/** The spans of the capture being measured (null: not recording). */
export class Timeline {
  spans: Span[] | null = null;

  async time<T>(label: string, kind: Span["kind"], run: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await run();
    } finally {
      this.spans?.push({ label, kind, start, end: performance.now() });
    }
  }
}

/** A statement's name: its verb and table(s), without values. */
export function sqlLabel(sql: string): string {
  const s = sql.replace(/\s+/g, " ").trim();
  if (/^(BEGIN|COMMIT|ROLLBACK)/i.test(s)) return s.split(" ")[0]!.toUpperCase();
  if (/^WITH /i.test(s)) {
    const tables = [...s.matchAll(/(INSERT INTO|UPDATE|DELETE FROM) "(\w+)"/gi)].map((m) => `${m[1]} ${m[2]}`);
    return `CTE(${tables.join(" + ")})`;
  }
  const m = /^(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b.*?(?:FROM )?"?(?:public"?\.)?"(\w+)"/i.exec(s);
  return m ? `${m[1]!.toUpperCase()} ${m[2]}` : s.slice(0, 40);
}

function wrapQueryable<T extends SqlDriverAdapter | Transaction>(q: T, timeline: Timeline): T {
  return new Proxy(q, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === "queryRaw" || prop === "executeRaw") {
        return (query: SqlQuery) =>
          timeline.time(sqlLabel(query.sql), "sql", () =>
            (value as (q: SqlQuery) => Promise<unknown>).call(target, query),
          );
      }
      if (prop === "commit" || prop === "rollback") {
        return () => timeline.time(prop.toUpperCase(), "sql", () => (value as () => Promise<void>).call(target));
      }
      if (prop === "startTransaction") {
        return async (level?: unknown) =>
          wrapQueryable(
            await timeline.time("BEGIN", "sql", () =>
              (value as (l?: unknown) => Promise<Transaction>).call(target, level),
            ),
            timeline,
          );
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The adapter factory with every statement timed on `timeline`. */
export function timedAdapter<F extends SqlDriverAdapterFactory>(factory: F, timeline: Timeline): F {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => wrapQueryable(await target.connect(), timeline);
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The client with every call timed on `timeline`. */
export function timedClient(client: MoneyClient, timeline: Timeline): MoneyClient {
  return {
    getPaymentDetails: (orderId) => timeline.time("GET /details", "http", () => client.getPaymentDetails(orderId)),
    capturePayment: (input) => timeline.time("POST /capture", "http", () => client.capturePayment(input)),
    cancelPayment: (input) => timeline.time("PUT /cancel", "http", () => client.cancelPayment(input)),
    refundPayment: (input) => timeline.time("POST /refund", "http", () => client.refundPayment(input)),
  };
}

/** Milliseconds of [start, end) covered by at least one span of the kinds given. */
function covered(spans: Span[], kinds: Span["kind"][]): number {
  const xs = spans.filter((s) => kinds.includes(s.kind)).sort((a, b) => a.start - b.start);
  let total = 0;
  let until = -Infinity;
  for (const s of xs) {
    const from = Math.max(s.start, until);
    if (s.end > from) total += s.end - from;
    until = Math.max(until, s.end);
  }
  return total;
}

/** The report: per step (label) its count per capture and time, then the shares of the wall time. */
export function profileReport(title: string, runs: { wall: number; spans: Span[] }[]): string {
  const labels = new Map<string, { count: number; times: number[] }>();
  for (const run of runs) {
    const perRun = new Map<string, number>();
    for (const s of run.spans) perRun.set(s.label, (perRun.get(s.label) ?? 0) + (s.end - s.start));
    for (const s of run.spans) {
      const l = labels.get(s.label) ?? { count: 0, times: [] };
      l.count++;
      labels.set(s.label, l);
    }
    for (const [label, t] of perRun) labels.get(label)!.times.push(t);
  }
  const n = runs.length;
  const fmt = (x: number) => x.toFixed(1).padStart(6);
  const lines = [...labels.entries()]
    .sort((a, b) => pct(b[1].times, 50) * b[1].count - pct(a[1].times, 50) * a[1].count)
    .map(
      ([label, l]) =>
        `  ${label.padEnd(72)} ×${(l.count / n).toFixed(1).padStart(4)}  sum p50 ${fmt(pct(l.times, 50))} ms  p95 ${fmt(pct(l.times, 95))} ms`,
    );
  const walls = runs.map((r) => r.wall);
  const db = runs.map((r) => covered(r.spans, ["sql"]));
  const http = runs.map((r) => covered(r.spans, ["http"]));
  const rest = runs.map((r) => r.wall - covered(r.spans, ["sql", "http"]));
  const statements = runs.map((r) => r.spans.filter((s) => s.kind === "sql").length);
  return [
    `${title} (${n} captures): wall p50 ${fmt(pct(walls, 50))} p95 ${fmt(pct(walls, 95))} ms; ` +
      `SQL statements per capture ${pct(statements, 50)}`,
    `  time in SQL p50 ${fmt(pct(db, 50))} ms, in HTTP p50 ${fmt(pct(http, 50))} ms, in neither (JS) p50 ${fmt(pct(rest, 50))} ms ` +
      `(p95 ${fmt(pct(db, 95))} / ${fmt(pct(http, 95))} / ${fmt(pct(rest, 95))})`,
    ...lines,
  ].join("\n");
}
