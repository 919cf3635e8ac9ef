// npm run bench -- errors: the API error dashboard at scale (issue 10, "Benchmark"). Only when named
// (it generates millions of rows). Reports; never fails (exit code 0).
//
//   1. data: PostgreSQL databases mo_bench_errors (5,000,000 calls over 30 days, 50 sales units) and
//      mo_bench_errors_small (50,000, same shape), dropped and recreated; a file-backed PGlite pair
//      (500,000 / 50,000) in a temp dir. Calls generated in SQL, rollups with the app's own backfill
//      SQL, a sample checked against writeCalls' grouping (scripts/bench/api-calls.ts).
//   2. server time of loadDashboard (what /errors awaits) per range, for an admin (all units) and a
//      developer (3 units), big and small measured in turn within each run; ratio big/small.
//   3. ingest: records/s through the POST /api/v1/api-calls handler, batches of 1,000.
//   4. freshness: a logged call (the app's rollup sink) to the 1-hour view showing it.
//   5. JavaScript of /errors from the .next build (gzip), against /history; the lazy chart chunk.
// Prints a table, writes .data/bench/errors.json.
//
// Environment (sizes for a quick run): ERRORS_BENCH_CALLS (5000000), ERRORS_BENCH_SMALL (50000),
// ERRORS_BENCH_PGLITE (500000; 0 skips PGlite), ERRORS_BENCH_PGLITE_SMALL (50000), ERRORS_BENCH_DAYS
// (30), ERRORS_BENCH_RUNS (30 measured runs, after ERRORS_BENCH_WARMUP = 5), ERRORS_BENCH_INGEST
// (batches of 1,000 per ingest run, 20), ERRORS_BENCH_FRESH (trials, 20), ERRORS_BENCH_RANGES
// (1h,24h,7d,30d), ERRORS_BENCH_REUSE=1 (keep
// PostgreSQL sets of the right size from an earlier run), ERRORS_BENCH_KEEP=1 (don't drop them);
// BENCH_DATABASE_URL (default postgres://postgres:postgres@127.0.0.1:5432/postgres).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCalls, type CallsGenerated, type CallsShape } from "./bench/api-calls";
import { captureQueries, openPgBenchDb, openPgliteBenchDb, type BenchDb } from "./bench/clients";
import {
  databaseUrl,
  DEFAULT_ADMIN_URL,
  dropPgBenchDb,
  freshPgDb,
  freshPgliteDb,
  migrate,
  withPgClient,
} from "./bench/databases";
import { printErrorsReport, type ErrorsReport, type SetReport } from "./bench/errors-report";
import {
  benchActors,
  benchDashboard,
  benchFreshness,
  benchIngest,
  DASHBOARD_RANGES,
  rollupsMatchRaw,
} from "./bench/errors-measure";
import { explainAll } from "./bench/explain";
import { routeJs } from "./bench/js-size";
import { loadDashboard, type RangeName } from "@/lib/api-errors/dashboard";
import { openPglite } from "@/lib/db/pglite";
import { benchMsn } from "./bench/shape";
import { seconds } from "./bench/report";
import type { SqlExecutor } from "./bench/generate";

const env = (name: string, fallback: number) => {
  const v = process.env[name];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : fallback;
};

export async function runErrorsBench(): Promise<void> {
  const started = performance.now();
  const log = (line: string) => console.log(line);
  const adminUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  const o = {
    calls: env("ERRORS_BENCH_CALLS", 5_000_000),
    small: env("ERRORS_BENCH_SMALL", 50_000),
    pglite: env("ERRORS_BENCH_PGLITE", 500_000),
    pgliteSmall: env("ERRORS_BENCH_PGLITE_SMALL", 50_000),
    days: env("ERRORS_BENCH_DAYS", 30),
    runs: env("ERRORS_BENCH_RUNS", 30),
    warmup: env("ERRORS_BENCH_WARMUP", 5),
    ingestBatches: env("ERRORS_BENCH_INGEST", 20),
    fresh: env("ERRORS_BENCH_FRESH", 20),
    reuse: process.env.ERRORS_BENCH_REUSE === "1",
    keep: process.env.ERRORS_BENCH_KEEP === "1",
    ranges: (process.env.ERRORS_BENCH_RANGES ?? DASHBOARD_RANGES.join(","))
      .split(",")
      .filter((r): r is RangeName => (DASHBOARD_RANGES as readonly string[]).includes(r)),
  };
  const plan = { warmup: o.warmup, runs: o.runs, budgetMs: Infinity, minRuns: o.runs };
  const units = 50;
  const devMsns = [benchMsn(0), benchMsn(9), benchMsn(29)];
  const report: ErrorsReport = { options: o, sets: [], notes: [], load: [] };
  const sampleLoad = (at: string) => report.load.push({ at, loadavg1m: Math.round(os.loadavg()[0]! * 100) / 100 });
  sampleLoad("start");
  log(`errors bench: ${JSON.stringify(o)}`);

  // ── PostgreSQL ──
  let pgOk = true;
  await withPgClient(adminUrl, (c) => c.query("SELECT 1")).catch((err: Error) => {
    pgOk = false;
    report.notes.push(`PostgreSQL not reachable (${err.message}): PostgreSQL parts skipped`);
  });
  const pgSets = [
    { name: "pg-big", db: "mo_bench_errors", calls: o.calls },
    { name: "pg-small", db: "mo_bench_errors_small", calls: o.small },
  ];
  if (pgOk) {
    const opened: { set: SetReport; db: BenchDb; nowMs: number }[] = [];
    try {
      for (const s of pgSets) {
        const set: SetReport = { name: s.name, driver: "pg", calls: s.calls };
        report.sets.push(set);
        const url = databaseUrl(adminUrl, s.db);
        const reused = o.reuse ? await reusable(adminUrl, s.db, s.calls) : null;
        let nowMs = reused ?? Date.now();
        if (reused === null) {
          log(`${s.name}: generating ${s.calls.toLocaleString("en")} calls into ${s.db} …`);
          const { migrateMs } = await freshPgDb(adminUrl, s.db);
          nowMs = Date.now();
          set.generation = await withPgClient(url, (c) =>
            withPgClient(url, async (c2) => {
              for (const x of [c, c2]) await x.query(`SET synchronous_commit = off`);
              const shape: CallsShape = { calls: s.calls, salesUnits: units, days: o.days, now: nowMs };
              return generateCalls(c as unknown as SqlExecutor, shape, {
                workers: [c2 as unknown as SqlExecutor],
                log,
              });
            }),
          );
          set.migrateMs = migrateMs;
          log(`${s.name}: ${describe(set.generation)}`);
        } else {
          await migrate({ driver: "pg", url });
          log(`${s.name}: reusing ${s.db} (pending migrations applied)`);
        }
        opened.push({ set, db: await openPgBenchDb(s.name, url), nowMs });
      }
      await measureSets(opened, plan, o.ranges, devMsns, log);
      // The 30-day and last-hour views' queries on the big set (admin, developer), as PostgreSQL runs them.
      const big = opened[0]!;
      const groups = [];
      for (const range of ["30d", "1h"] as const)
        for (const actor of ["admin", "developer"] as const) {
          const { queries } = await captureQueries(() =>
            loadDashboard(big.db.logging, big.set.actors![actor], { range }, new Date(big.nowMs)),
          );
          groups.push({ name: `${range} ${actor}`, queries });
        }
      report.explain = await explainAll(big.db.sql, groups, big.set.name);
      await afterDashboard(opened, o, devMsns, log);
    } catch (err) {
      report.notes.push(`PostgreSQL: ${(err as Error).stack}`);
      log(`PostgreSQL part failed: ${(err as Error).stack}`);
    } finally {
      for (const x of opened) await x.db.close();
      if (!o.keep) for (const s of pgSets) await dropPgBenchDb(adminUrl, s.db).catch(() => {});
    }
    sampleLoad("after PostgreSQL");
  }

  // ── PGlite ──
  if (o.pglite > 0) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), "mo-bench-errors-"));
    const opened: { set: SetReport; db: BenchDb; nowMs: number }[] = [];
    try {
      for (const [name, calls] of [
        ["pglite-big", o.pglite],
        ["pglite-small", o.pgliteSmall],
      ] as const) {
        const set: SetReport = { name, driver: "pglite", calls };
        report.sets.push(set);
        const dir = path.join(tmp, name);
        log(`${name}: generating ${calls.toLocaleString("en")} calls into a file-backed PGlite …`);
        set.migrateMs = (await freshPgliteDb(dir)).migrateMs;
        const nowMs = Date.now();
        const lite = openPglite(dir);
        try {
          const shape: CallsShape = { calls, salesUnits: units, days: o.days, now: nowMs };
          set.generation = await generateCalls(lite as unknown as SqlExecutor, shape, { batch: 50_000, log });
        } finally {
          await lite.close();
        }
        log(`${name}: ${describe(set.generation)}`);
        opened.push({ set, db: await openPgliteBenchDb(name, dir), nowMs });
      }
      await measureSets(opened, plan, o.ranges, devMsns, log);
      await afterDashboard(opened.slice(0, 1), { ...o, concurrency: [1] }, devMsns, log);
    } catch (err) {
      report.notes.push(`PGlite: ${(err as Error).stack}`);
      log(`PGlite part failed: ${(err as Error).stack}`);
    } finally {
      for (const x of opened) await x.db.close();
      rmSync(tmp, { recursive: true, force: true });
    }
    sampleLoad("after PGlite");
  }

  // ── JavaScript ──
  const errorsJs = routeJs("(app)/errors");
  if (!errorsJs) report.notes.push("no .next build with /errors: run npm run build for the JavaScript sizes");
  else report.js = { errors: errorsJs, history: routeJs("(app)/history") };

  report.totalMs = performance.now() - started;
  const busiest = Math.max(...report.load.map((l) => l.loadavg1m));
  if (busiest > os.cpus().length)
    report.notes.push(`the machine was busy (load average up to ${busiest} on ${os.cpus().length} CPUs)`);
  printErrorsReport(report, log);
  const outDir = path.resolve(".data", "bench");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, "errors.json"), JSON.stringify({ generatedAt: new Date(), ...report }, null, 2));
  log(`written: .data/bench/errors.json; total ${seconds(report.totalMs)}`);
}

const describe = (g: CallsGenerated) =>
  `${g.calls.toLocaleString("en")} calls, ${g.rollups.toLocaleString("en")} rollup rows; load ${seconds(g.loadMs)}, rollups ${seconds(g.rollupMs)}, indexes ${seconds(g.indexMs)}, vacuum ${seconds(g.analyzeMs)}; sample check: ${g.check.keys} keys / ${g.check.calls} calls, ${g.check.mismatches} mismatches`;

/** The data's "now" when `name` already holds `calls` calls (ERRORS_BENCH_REUSE), else null. */
async function reusable(adminUrl: string, name: string, calls: number): Promise<number | null> {
  const exists = await withPgClient(
    adminUrl,
    async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rows.length === 1,
  );
  if (!exists) return null;
  return withPgClient(databaseUrl(adminUrl, name), async (c) => {
    // The generated calls' latest time (ingested calls and freshness probes left out).
    const r = await c.query<{ n: string; at: Date }>(
      `SELECT count(*)::text AS n, max(at) FILTER (WHERE "orderId" LIKE 'FS-%' AND "errorGroup" IS DISTINCT FROM 'BenchFresh') AS at
       FROM "ApiCallLog"`,
    );
    return Number(r.rows[0]!.n) >= calls ? new Date(r.rows[0]!.at).getTime() : null;
  });
}

type Opts = { ingestBatches: number; fresh: number; concurrency?: number[] };

async function measureSets(
  opened: { set: SetReport; db: BenchDb; nowMs: number }[],
  plan: { warmup: number; runs: number; budgetMs: number; minRuns: number },
  ranges: readonly RangeName[],
  devMsns: string[],
  log: (line: string) => void,
): Promise<void> {
  for (const x of opened) x.set.actors = await benchActors(x.db.prisma, devMsns);
  log(`dashboard server time, ${opened.map((x) => x.set.name).join(" / ")} interleaved …`);
  const results = await benchDashboard(
    opened.map((x) => ({ db: x.db.prisma, actors: x.set.actors!, nowMs: x.nowMs })),
    plan,
    ranges,
    log,
  );
  opened.forEach((x, i) => {
    x.set.dashboard = results.map((r) => ({ range: r.range, actor: r.actor, view: r.view, summary: r.summaries[i]! }));
  });
}

/** Ingest and freshness on the first (big) set, then the raw-vs-rollup count on each. */
async function afterDashboard(
  opened: { set: SetReport; db: BenchDb }[],
  o: Opts,
  devMsns: string[],
  log: (line: string) => void,
): Promise<void> {
  const big = opened[0]!;
  const msns = Array.from({ length: 50 }, (_, i) => benchMsn(i));
  big.set.ingest = [];
  for (const concurrency of o.concurrency ?? [1, 4]) {
    const r = await benchIngest(big.db.prisma, big.set.actors!.admin, msns, { batches: o.ingestBatches, concurrency });
    big.set.ingest.push(r);
    log(
      `${big.set.name}: ingest ×${concurrency}: ${r.records} records in ${r.seconds.toFixed(1)} s = ${r.recordsPerSecond} records/s`,
    );
  }
  big.set.freshness = await benchFreshness(big.db.prisma, big.set.actors!.admin, devMsns[0]!, o.fresh);
  log(`${big.set.name}: freshness p50 ${big.set.freshness.summary.p50} p95 ${big.set.freshness.summary.p95} ms`);
  for (const x of opened) x.set.consistency = await rollupsMatchRaw(x.db.prisma);
}
