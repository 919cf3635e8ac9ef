// npm run bench -- payments: the customer-service read paths at scale (issue 4, section 8).
//
//   1. data: PostgreSQL databases mo_bench (1,000,000 payments, ~4,000,000 events, 50 sales units)
//      and mo_bench_10k (10,000, same shape), dropped and recreated; a file-backed PGlite with
//      100,000 in a temp dir. Generated inside the database (scripts/bench/generate.ts).
//   2. lookup: server time of the real lookupPayments() per kind of question, scoped (20 of 50 sales
//      units) and admin, on both PostgreSQL sets interleaved run by run (so load on the machine hits
//      both alike); target p95 ≤ 15 ms, ratio 1M/10k ≤ 1.5.
//   3. history: server time of loadHistoryView(), both PostgreSQL sets interleaved run by run (ratio
//      1M/10k ≤ 1.5), and HTTP time of /history?msn= under `next start` per set (built first if the
//      sources changed; signed in as an admin); target HTTP p95 ≤ 150 ms.
//   4. EXPLAIN (ANALYZE, BUFFERS) of the SQL Prisma sends, and the size of every Payment index.
// Prints a table and writes .data/bench/payments.json. Reports; never fails (exit code 0).
//
// Flags (after `npm run bench -- payments`):
//   --reuse            keep mo_bench / mo_bench_10k when they already hold a set of the same size
//                      (pending migrations are applied to them first)
//   --drop             drop both databases at the end (default: keep them for --reuse, ~1.5 GB)
//   --payments=N       big set size (default 1000000); --small=N (10000); --pglite=N (100000, 0 = skip)
//   --runs=N           measured runs per kind (default 200; 20 warm-up runs more, not recorded)
//   --budget=S         seconds before a slow kind may stop early (default 6, HTTP twice that); only a
//                      kind whose median is over its target stops, and never under 30 runs
//   --no-http          skip next start;  --no-build  use the existing .next build as it is
//   --port=N           next start port (default 3900)
//   --db=NAME          database names NAME and NAME_10k instead of mo_bench and mo_bench_10k
//   --only=totals      only the history's chips and totals, kept vs counted, on both PostgreSQL sets
// Environment: BENCH_DATABASE_URL (default postgres://postgres:postgres@127.0.0.1:5432/postgres).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPgBenchDb, openPgliteBenchDb, releaseAppDb, type BenchDb } from "./bench/clients";
import {
  createPgBenchDb,
  createPgliteBenchDb,
  databaseUrl,
  DEFAULT_ADMIN_URL,
  dropPgBenchDb,
  migrate,
  pgBenchDbMatches,
  withPgClient,
} from "./bench/databases";
import { collationInfo, indexSizes } from "./bench/catalog";
import { explainAll, type ExplainResult } from "./bench/explain";
import type { GenerateResult } from "./bench/generate";
import {
  benchHistoryServer,
  benchTotalsPaired,
  historyKinds,
  historyQueries,
  searchOf,
  type HistoryServerResult,
  type TotalsResult,
} from "./bench/history";
import {
  buildInfo,
  BENCH_USER,
  benchSecrets,
  ensureBenchUser,
  getPage,
  nextLinkOf,
  runningBuilds,
  signIn,
  startApp,
  timeGets,
  waitForBuilds,
  type AppServer,
} from "./bench/http";
import {
  benchLookup,
  benchLookupPaired,
  LOOKUP_KIND_LABELS,
  LOOKUP_KINDS,
  lookupQueries,
  lookupQuestions,
  type LookupResult,
} from "./bench/lookup";
import { fmt, seconds, table, verdict } from "./bench/report";
import type { BenchShape } from "./bench/shape";
import { ratio, type RunPlan, type Summary } from "./bench/stats";

interface Options {
  reuse: boolean;
  drop: boolean;
  payments: number;
  small: number;
  pglite: number;
  runs: number;
  budgetMs: number;
  http: boolean;
  build: boolean;
  port: number;
  adminUrl: string;
  totalsOnly: boolean;
  dbName: string;
}

function parseFlags(flags: readonly string[]): Options {
  const get = (name: string) => flags.find((f) => f.startsWith(`--${name}=`))?.split("=")[1];
  const num = (name: string, fallback: number) => {
    const v = get(name);
    return v !== undefined && /^\d+$/.test(v) ? Number(v) : fallback;
  };
  return {
    reuse: flags.includes("--reuse"),
    drop: flags.includes("--drop"),
    payments: num("payments", 1_000_000),
    small: num("small", 10_000),
    pglite: num("pglite", 100_000),
    runs: Math.max(1, num("runs", 200)),
    budgetMs: num("budget", 6) * 1000,
    http: !flags.includes("--no-http"),
    build: !flags.includes("--no-build"),
    port: num("port", 3900),
    adminUrl: process.env.BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL,
    totalsOnly: get("only") === "totals",
    dbName: /^[a-z_][a-z0-9_]{0,40}$/.test(get("db") ?? "") ? get("db")! : "mo_bench",
  };
}

const label = (n: number) =>
  n >= 1_000_000 && n % 1_000_000 === 0
    ? `${n / 1_000_000}M`
    : n >= 1000 && n % 1000 === 0
      ? `${n / 1000}k`
      : String(n);

interface HttpResult {
  kind: string;
  label: string;
  path: string;
  summary: Summary;
}

interface DatasetReport {
  name: string;
  driver: "pg" | "pglite";
  payments: number;
  events?: number;
  generation?: GenerateResult & { migrateMs: number; reused?: boolean };
  collation?: Record<string, string>;
  lookup?: LookupResult[];
  historyServer?: HistoryServerResult[];
  http?:
    { pages: "history" | "fallback"; results: HttpResult[]; signInMs: number; startMs: number } | { skipped: string };
  indexSizes?: Record<string, string>;
  errors: string[];
}

export async function runPaymentsBench(flags: readonly string[] = []): Promise<void> {
  const opts = parseFlags(flags);
  const started = performance.now();
  const log = (line: string) => console.log(line);
  const now = Date.now();
  const shapeOf = (payments: number): BenchShape => ({ payments, salesUnits: 50, now });
  // A kind stops before `runs` only when it is both over its time budget and clearly slow (median
  // above the target), so a kind that meets its target always gets all its runs.
  const base = { warmup: 20, runs: opts.runs, minRuns: Math.min(30, opts.runs) };
  const plan: RunPlan = { ...base, budgetMs: opts.budgetMs, stopAboveMs: 15 };
  const historyPlan: RunPlan = { ...base, budgetMs: opts.budgetMs, stopAboveMs: 50 };
  const httpPlan: RunPlan = { ...base, budgetMs: opts.budgetMs * 2, stopAboveMs: 150 };
  const outDir = path.resolve(".data", "bench");
  mkdirSync(outDir, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), "mo-bench-payments-"));
  const explains: ExplainResult[] = [];
  const datasets: DatasetReport[] = [];
  const notes: string[] = [];
  // Other work on this machine (builds, browser tests) shows up in the percentiles: record it.
  const load: { at: string; loadavg1m: number }[] = [];
  const sampleLoad = (at: string) => load.push({ at, loadavg1m: Math.round(os.loadavg()[0]! * 100) / 100 });
  sampleLoad("start");

  log(
    `payments bench: ${opts.payments.toLocaleString("en")} / ${opts.small.toLocaleString("en")} payments on PostgreSQL, ${opts.pglite.toLocaleString("en")} on PGlite; ${opts.runs} runs per kind (+${plan.warmup} warm-up)`,
  );

  // ── PostgreSQL ──────────────────────────────────────────────────────────────────────────────
  let pgOk = true;
  try {
    await withPgClient(opts.adminUrl, (c) => c.query("SELECT 1"));
  } catch (err) {
    pgOk = false;
    notes.push(
      `PostgreSQL not reachable at ${redact(opts.adminUrl)}: ${(err as Error).message}; PostgreSQL parts skipped`,
    );
    log(`  ${notes[notes.length - 1]}`);
  }

  const pgSets = pgOk
    ? [
        { name: `pg-${label(opts.payments)}`, db: opts.dbName, payments: opts.payments },
        { name: `pg-${label(opts.small)}`, db: `${opts.dbName}_10k`, payments: opts.small },
      ]
    : [];

  for (const set of pgSets) {
    const report: DatasetReport = { name: set.name, driver: "pg", payments: set.payments, errors: [] };
    datasets.push(report);
    const shape = shapeOf(set.payments);
    try {
      if (opts.reuse && (await pgBenchDbMatches(opts.adminUrl, set.db, shape))) {
        log(`${set.name}: reusing database ${set.db}`);
        const t = performance.now();
        await migrate({ driver: "pg", url: databaseUrl(opts.adminUrl, set.db) });
        log(`${set.name}: migrations applied in ${seconds(performance.now() - t)}`);
        report.generation = {
          payments: set.payments,
          events: 0,
          loadMs: 0,
          indexMs: 0,
          analyzeMs: 0,
          totalMs: 0,
          migrateMs: 0,
          reused: true,
        };
        // reused data keeps the "now" it was generated with: take it from the data
        shape.now = await withPgClient(databaseUrl(opts.adminUrl, set.db), async (c) => {
          const r = await c.query<{ t: Date }>(`SELECT max("createdAt") AS t FROM "Payment"`);
          return r.rows[0]!.t.getTime();
        });
      } else {
        log(`${set.name}: generating ${set.payments.toLocaleString("en")} payments into ${set.db} …`);
        report.generation = await createPgBenchDb(opts.adminUrl, set.db, shape, log);
        log(
          `${set.name}: ${report.generation.payments.toLocaleString("en")} payments, ${report.generation.events.toLocaleString("en")} events in ${seconds(report.generation.totalMs)} (load ${seconds(report.generation.loadMs)}, indexes ${seconds(report.generation.indexMs)}, vacuum/analyze ${seconds(report.generation.analyzeMs)}; migrate ${seconds(report.generation.migrateMs)})`,
        );
      }
    } catch (err) {
      report.errors.push(`generation: ${(err as Error).message}`);
      log(`${set.name}: generation failed: ${(err as Error).stack}`);
      continue;
    }

    let db: BenchDb | undefined;
    let http: HttpSession | undefined;
    try {
      db = await openPgBenchDb(set.name, databaseUrl(opts.adminUrl, set.db));
      report.collation = await collationInfo(db.sql);
      const counts = await db.sql.query<{ e: string }>(`SELECT count(*)::text AS e FROM "PaymentEvent"`);
      report.events = Number(counts.rows[0]!.e);
      if (report.generation?.reused) report.generation.events = report.events;
      report.indexSizes = await indexSizes(db.sql);
      // --only=totals: the sets are ready; the totals run below, both sets at once.
      if (!opts.totalsOnly) {
        explains.push(...(await explainAll(db.sql, await lookupQueries(db, set.payments, shape.salesUnits), set.name)));
        // History server time: both sets interleaved, below.
        explains.push(...(await explainAll(db.sql, await historyQueries(db, shape, HISTORY_EXPLAIN), set.name)));
        if (!opts.http) report.http = { skipped: "--no-http" };
        else {
          try {
            http = await openHttp(db, set.db, opts, outDir, log, notes);
            log(`${set.name}: HTTP …`);
            report.http = {
              pages: http.pages,
              results: await httpKinds(http, db, shape, httpPlan, log),
              signInMs: http.signInMs,
              startMs: http.startMs,
            };
          } catch (err) {
            report.http = { skipped: (err as Error).message };
            report.errors.push(`http: ${(err as Error).message}`);
            log(`${set.name}: HTTP skipped: ${(err as Error).message}`);
          }
        }
      }
    } catch (err) {
      report.errors.push((err as Error).message);
      log(`${set.name}: ${(err as Error).stack}`);
    } finally {
      await http?.server.stop();
    }
    releaseAppDb();
    await db?.close();
    sampleLoad(`after ${set.name}`);
  }

  // Lookup on both PostgreSQL sets at once, interleaved run by run (scripts/bench/lookup.ts).
  const [bigSet, smallSet] = pgSets;
  const bigReport = datasets.find((d) => d.name === bigSet?.name);
  const smallReport = datasets.find((d) => d.name === smallSet?.name);
  if (bigSet && smallSet && bigReport?.generation && smallReport?.generation && !opts.totalsOnly) {
    const opened: BenchDb[] = [];
    try {
      log(`lookup: ${bigSet.name} and ${smallSet.name}, interleaved …`);
      for (const set of [bigSet, smallSet])
        opened.push(await openPgBenchDb(set.name, databaseUrl(opts.adminUrl, set.db)));
      const [b, s] = await benchLookupPaired(
        [
          { db: opened[0]!, payments: bigSet.payments },
          { db: opened[1]!, payments: smallSet.payments },
        ],
        shapeOf(bigSet.payments).salesUnits,
        plan,
        log,
      );
      bigReport.lookup = b;
      smallReport.lookup = s;
    } catch (err) {
      bigReport.errors.push(`lookup: ${(err as Error).message}`);
      log(`lookup: ${(err as Error).stack}`);
    } finally {
      releaseAppDb();
      for (const d of opened) await d.close();
    }
  }

  // The history's server time, then its chips and totals (kept daily totals vs a direct count):
  // both sets interleaved run by run.
  let totals: TotalsResult[] | undefined;
  if (bigSet && smallSet && bigReport?.generation && smallReport?.generation) {
    const opened: BenchDb[] = [];
    try {
      for (const set of [bigSet, smallSet])
        opened.push(await openPgBenchDb(set.name, databaseUrl(opts.adminUrl, set.db)));
      const shapes = await Promise.all(
        opened.map(async (d, i) => ({
          ...shapeOf([bigSet, smallSet][i]!.payments),
          now: Number(
            (
              await d.sql.query<{ t: string }>(
                `SELECT (extract(epoch FROM max("createdAt")) * 1000)::bigint::text AS t FROM "Payment"`,
              )
            ).rows[0]!.t,
          ),
        })),
      );
      const pair = [
        { db: opened[0]!, shape: shapes[0]! },
        { db: opened[1]!, shape: shapes[1]! },
      ] as const;
      if (!opts.totalsOnly) {
        log(`history: ${bigSet.name} and ${smallSet.name}, server time, interleaved …`);
        [bigReport.historyServer, smallReport.historyServer] = await benchHistoryServer(pair, historyPlan, log);
      }
      log(`history totals: ${bigSet.name} and ${smallSet.name}, kept and counted, interleaved …`);
      totals = await benchTotalsPaired(pair, { ...base, budgetMs: opts.budgetMs }, log);
    } catch (err) {
      bigReport.errors.push(`totals: ${(err as Error).message}`);
      log(`totals: ${(err as Error).stack}`);
    } finally {
      for (const d of opened) await d.close();
    }
  }

  // ── PGlite ──────────────────────────────────────────────────────────────────────────────────
  if (opts.pglite > 0 && !opts.totalsOnly) {
    const name = `pglite-${label(opts.pglite)}`;
    const report: DatasetReport = { name, driver: "pglite", payments: opts.pglite, errors: [] };
    datasets.push(report);
    const dir = path.join(tmp, "pglite");
    const shape = shapeOf(opts.pglite);
    try {
      log(`${name}: generating ${opts.pglite.toLocaleString("en")} payments into a file-backed PGlite (${dir}) …`);
      report.generation = await createPgliteBenchDb(dir, shape, log);
      report.events = report.generation.events;
      log(
        `${name}: ${report.generation.payments.toLocaleString("en")} payments, ${report.generation.events.toLocaleString("en")} events in ${seconds(report.generation.totalMs)} (load ${seconds(report.generation.loadMs)}, indexes ${seconds(report.generation.indexMs)}, vacuum/analyze ${seconds(report.generation.analyzeMs)}; migrate ${seconds(report.generation.migrateMs)})`,
      );
      const db = await openPgliteBenchDb(name, dir);
      try {
        report.collation = await collationInfo(db.sql);
        log(`${name}: lookup …`);
        report.lookup = await benchLookup(db, opts.pglite, shape.salesUnits, plan, log);
        explains.push(...(await explainAll(db.sql, await lookupQueries(db, opts.pglite, shape.salesUnits), name)));
        log(`${name}: history, server time …`);
        [report.historyServer] = await benchHistoryServer([{ db, shape }], historyPlan, log);
        explains.push(...(await explainAll(db.sql, await historyQueries(db, shape, ["first", "text"]), name)));
      } finally {
        releaseAppDb();
        await db.close();
      }
    } catch (err) {
      report.errors.push((err as Error).message);
      log(`${name}: ${(err as Error).stack}`);
    }
  }

  rmSync(tmp, { recursive: true, force: true });
  if (opts.drop) for (const set of pgSets) await dropPgBenchDb(opts.adminUrl, set.db).catch(() => {});
  sampleLoad("end");
  const busiest = Math.max(...load.map((l) => l.loadavg1m));
  if (busiest > os.cpus().length)
    notes.push(
      `the machine was busy (1-minute load average up to ${busiest} on ${os.cpus().length} CPUs): percentiles, p95/p99 above all, include time spent waiting for a CPU`,
    );
  const totalMs = performance.now() - started;
  const summary = printReport(datasets, explains, notes, opts, totalMs, totals);
  const file = path.join(outDir, "payments.json");
  writeFileSync(
    file,
    JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        machine: {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model,
          memoryGb: Math.round(os.totalmem() / 2 ** 30),
          node: process.version,
          load,
        },
        options: { ...opts, adminUrl: redact(opts.adminUrl) },
        plans: { lookup: plan, historyServer: historyPlan, http: httpPlan },
        targets: { lookupP95Ms: 15, historyHttpP95Ms: 150, ratio: 1.5 },
        datasets,
        totals,
        ratios: summary.ratios,
        notes,
        explain: explains,
        totalMs: Math.round(totalMs),
      },
      null,
      2,
    ),
  );
  log(`\nwritten: ${path.relative(process.cwd(), file)}; total ${seconds(totalMs)}`);
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

const HISTORY_EXPLAIN = ["first", "next", "status", "dates", "amount", "text", "all"];

interface HttpSession {
  server: AppServer;
  cookie: string;
  pages: "history" | "fallback";
  startMs: number;
  signInMs: number;
}

/** Builds if needed (waiting for someone else's build), starts next start on the bench database, signs in. */
async function openHttp(
  db: BenchDb,
  dbName: string,
  opts: Options,
  outDir: string,
  log: (line: string) => void,
  notes: string[],
): Promise<HttpSession> {
  if (opts.build) {
    if (runningBuilds().length > 0) await waitForBuilds(log);
    try {
      const { buildIfNeeded } = await import("./build-if-needed");
      buildIfNeeded((line) => log(`  ${line}`));
    } catch (err) {
      const msg = `next build failed (${(err as Error).message}); using the existing build`;
      if (!notes.includes(msg)) notes.push(msg);
      log(`  ${msg}`);
    }
  }
  const info = buildInfo();
  if (!info.present) throw new Error("no .next build (run npx next build)");
  await ensureBenchUser(db.prisma);
  const t0 = performance.now();
  const server = await startApp({
    port: opts.port,
    logFile: path.join(outDir, `next-${dbName}.log`),
    env: {
      DATABASE_URL: databaseUrl(opts.adminUrl, dbName),
      ...benchSecrets(),
      DEMO_MODE: "false",
      // Users here sign in with a password only: two-factor has its own tests.
      TWO_FACTOR_REQUIRED_ROLES: "",
      RECONCILER_ENABLED: "false",
      DATA_DIR: path.join(outDir, "app-data"),
    },
  });
  const startMs = performance.now() - t0;
  try {
    const t1 = performance.now();
    const cookie = await signIn(server.url, BENCH_USER.email, BENCH_USER.password);
    const pages = info.hasHistory ? "history" : "fallback";
    if (pages === "fallback") {
      const msg =
        "the .next build has no /history page across sales units: HTTP measured on /payments/<msn>/<orderId> and /?q=<orderId> instead";
      if (!notes.includes(msg)) notes.push(msg);
      log(`  ${msg}`);
    }
    return { server, cookie, pages, startMs, signInMs: performance.now() - t1 };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

async function httpKinds(
  http: HttpSession,
  db: BenchDb,
  shape: BenchShape,
  plan: RunPlan,
  log: (line: string) => void,
  only?: readonly string[],
): Promise<HttpResult[]> {
  const { server, cookie } = http;
  const results: HttpResult[] = [];
  const marker = /data-testid="history-total"/;
  if (http.pages === "history") {
    for (const kind of historyKinds(shape).filter((k) => !only || only.includes(k.id))) {
      const search = searchOf(kind);
      let pathAndQuery = `/history${search ? `?${search}` : ""}`;
      if (kind.nextPage) {
        const link = nextLinkOf(await getPage(`${server.url}${pathAndQuery}`, cookie, marker));
        if (!link) throw new Error(`no next-page link on ${pathAndQuery}`);
        pathAndQuery = link;
      }
      const summary = await timeGets(plan, () => `${server.url}${pathAndQuery}`, cookie, marker);
      results.push({ kind: kind.id, label: kind.label, path: pathAndQuery, summary });
      log(
        `  ${db.label} HTTP ${kind.id.padEnd(11)} p50 ${summary.p50.toFixed(1)} p95 ${summary.p95.toFixed(1)} p99 ${summary.p99.toFixed(1)} ms (n=${summary.n}${summary.truncated ? ", budget" : ""})`,
      );
    }
    return results;
  }
  // The build has no history page yet: the payment page and the lookup page instead.
  const sample = await db.prisma.payment.findMany({
    select: { msn: true, orderId: true },
    where: { msn: { in: ["300001", "300010", "300026"] } },
    take: 300,
  });
  const byIndex = (i: number) => sample[i % sample.length]!;
  const exact = lookupQuestions("exact", shape.payments, 3);
  for (const [kind, urlFor] of [
    ["payment", (i: number) => `${server.url}/payments/${byIndex(i).msn}/${encodeURIComponent(byIndex(i).orderId)}`],
    ["lookupPage", () => `${server.url}/?q=${encodeURIComponent(exact(0))}`],
  ] as const) {
    if (only && !only.includes(kind)) continue;
    const summary = await timeGets(plan, urlFor, cookie);
    results.push({
      kind,
      label: kind === "payment" ? "payment detail page" : "lookup page, exact orderId",
      path: kind === "payment" ? "/payments/<msn>/<orderId>" : "/?q=<orderId>",
      summary,
    });
    log(
      `  ${db.label} HTTP ${kind.padEnd(11)} p50 ${summary.p50.toFixed(1)} p95 ${summary.p95.toFixed(1)} p99 ${summary.p99.toFixed(1)} ms (n=${summary.n})`,
    );
  }
  return results;
}

function printReport(
  datasets: DatasetReport[],
  explains: ExplainResult[],
  notes: string[],
  opts: Options,
  totalMs: number,
  totals?: TotalsResult[],
) {
  const log = (s = "") => console.log(s);
  const big = datasets.find((d) => d.driver === "pg" && d.payments === opts.payments);
  const small = datasets.find((d) => d.driver === "pg" && d.payments === opts.small);
  const lite = datasets.find((d) => d.driver === "pglite");
  const ratios: Record<string, { p50: number | null; p95: number | null }> = {};
  const both = (b: Summary | undefined, s: Summary | undefined) => ({
    p50: ratio(b, s, "p50"),
    p95: ratio(b, s, "p95"),
  });
  const bigName = big?.name ?? "big";
  const smallName = small?.name ?? "small";

  log("\n════════ payments bench: results (ms, p50 / p95 / p99; warm-up excluded) ════════");
  log("\nData generation");
  log(
    table(
      ["set", "payments", "events", "migrate", "load", "indexes", "vacuum+analyze", "total", "all-visible"],
      datasets.map((d) => {
        const g = d.generation;
        if (!g || g.reused)
          return [
            d.name,
            d.payments.toLocaleString("en"),
            (d.events ?? g?.events)?.toLocaleString("en"),
            g ? "reused (--reuse)" : "failed",
            "",
            "",
            "",
            "",
            "",
          ];
        return [
          d.name,
          d.payments.toLocaleString("en"),
          (d.events ?? g.events).toLocaleString("en"),
          seconds(g.migrateMs),
          seconds(g.loadMs),
          seconds(g.indexMs),
          seconds(g.analyzeMs),
          seconds(g.totalMs),
          g.allVisiblePct === undefined ? "" : `${g.allVisiblePct} %`,
        ];
      }),
    ),
  );
  for (const d of datasets)
    if (d.collation)
      log(
        `  ${d.name}: ${Object.entries(d.collation)
          .map(([k, v]) => `${k}=${v}`)
          .join(", ")}`,
      );

  // ── lookup ──
  log(
    `\nCross-sales-unit lookup: server time of lookupPayments(actor, q); scoped = 20 of 50 sales units. Targets: p95 ≤ 15 ms, ${bigName}/${smallName} ≤ 1.5`,
  );
  log(
    table(
      ["question", "actor", bigName, "≤15", smallName, lite?.name ?? "pglite", "ratio p50/p95", "≤1.5"],
      LOOKUP_KINDS.flatMap((kind) =>
        (["scoped", "admin"] as const).map((actor) => {
          const f = (d: DatasetReport | undefined) =>
            d?.lookup?.find((r) => r.kind === kind && r.actor === actor)?.summary;
          const r = both(f(big), f(small));
          ratios[`lookup ${kind} ${actor}`] = r;
          return [
            LOOKUP_KIND_LABELS[kind],
            actor,
            fmt(f(big)),
            verdict(f(big)?.p95, 15),
            fmt(f(small)),
            fmt(f(lite)),
            `${r.p50 ?? "—"} / ${r.p95 ?? "—"}`,
            verdict(r.p95, 1.5),
          ];
        }),
      ),
    ),
  );

  // ── history, server ──
  log(
    `\nHistory: server time of loadHistoryView() (rows + per-status counts, what the page awaits); admin; largest sales unit unless noted`,
  );
  const kinds = big?.historyServer ?? small?.historyServer ?? lite?.historyServer ?? [];
  log(
    table(
      ["view", bigName, "rows/matches", smallName, "rows/matches", "ratio p50/p95", lite?.name ?? "pglite"],
      kinds.map((k) => {
        const f = (d: DatasetReport | undefined) => d?.historyServer?.find((x) => x.kind === k.kind);
        const r = both(f(big)?.summary, f(small)?.summary);
        ratios[`history server ${k.kind}`] = r;
        const b = f(big);
        const sm = f(small);
        return [
          k.label,
          fmt(b?.summary),
          b ? `${b.rows}/${b.total}` : "",
          fmt(sm?.summary),
          sm ? `${sm.rows}/${sm.total}` : "",
          `${r.p50 ?? "—"} / ${r.p95 ?? "—"}`,
          fmt(f(lite)?.summary),
        ];
      }),
    ),
  );

  // ── history, chips and totals ──
  if (totals) {
    log(
      `\nHistory chips and totals (countHistory), admin: kept daily totals vs counted from the payments; ${bigName} and ${smallName} interleaved`,
    );
    log(
      table(
        [
          "view",
          `kept ${bigName}`,
          `kept ${smallName}`,
          "ratio p50/p95",
          `counted ${bigName}`,
          `counted ${smallName}`,
          "ratio p50/p95",
          `counted/kept ${bigName} p50/p95`,
        ],
        totals.map((t) => {
          const k = both(t.kept[0], t.kept[1]);
          const d = both(t.direct[0], t.direct[1]);
          const gain = both(t.direct[0], t.kept[0]);
          ratios[`history totals kept ${t.kind}`] = k;
          ratios[`history totals counted ${t.kind}`] = d;
          ratios[`history totals counted/kept ${t.kind}`] = gain;
          return [
            `${t.label} (${t.total[0].toLocaleString("en")} / ${t.total[1].toLocaleString("en")})`,
            fmt(t.kept[0]),
            fmt(t.kept[1]),
            `${k.p50 ?? "—"} / ${k.p95 ?? "—"}`,
            fmt(t.direct[0]),
            fmt(t.direct[1]),
            `${d.p50 ?? "—"} / ${d.p95 ?? "—"}`,
            `${gain.p50 ?? "—"} / ${gain.p95 ?? "—"}`,
          ];
        }),
      ),
    );
  }

  // ── history, HTTP ──
  const httpOf = (d: DatasetReport | undefined) => (d?.http && "results" in d.http ? d.http : undefined);
  const bh = httpOf(big);
  const sh = httpOf(small);
  if (bh || sh) {
    const pages = (bh ?? sh)!.pages;
    log(
      `\nHTTP under next start: ${pages === "history" ? "GET /history?…" : "FALLBACK (no history page in the build)"}, signed-in admin, whole streamed body. Targets: p95 ≤ 150 ms, ratio ≤ 1.5`,
    );
    log(
      table(
        ["page", bigName, "≤150", smallName, "ratio p50/p95", "≤1.5"],
        (bh ?? sh)!.results.map((k) => {
          const f = (d: DatasetReport | undefined) => httpOf(d)?.results.find((x) => x.kind === k.kind)?.summary;
          const r = both(f(big), f(small));
          ratios[`http ${k.kind}`] = r;
          return [
            k.label,
            fmt(f(big)),
            verdict(f(big)?.p95, 150),
            fmt(f(small)),
            `${r.p50 ?? "—"} / ${r.p95 ?? "—"}`,
            verdict(r.p95, 1.5),
          ];
        }),
      ),
    );
    log(`  next start ready in ${seconds((bh ?? sh)!.startMs)}; sign-in ${(bh ?? sh)!.signInMs.toFixed(0)} ms`);
  }
  for (const d of [big, small])
    if (d?.http && "skipped" in d.http) log(`\nHTTP (${d.name}): skipped — ${d.http.skipped}`);

  // ── EXPLAIN ──
  log("\nEXPLAIN (ANALYZE, BUFFERS) of the SQL Prisma sent — scans and indexes (full plans and SQL in payments.json)");
  log(
    table(
      ["query", "exec ms", "scans"],
      explains.map((e) => [
        e.name.length > 80 ? `${e.name.slice(0, 79)}…` : e.name,
        e.executionMs.toFixed(2),
        e.scans.join("; "),
      ]),
    ),
  );
  if (big?.indexSizes)
    log(
      `\nPayment index sizes on ${big.name}: ${Object.entries(big.indexSizes)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
  for (const n of notes) log(`note: ${n}`);
  for (const d of datasets) for (const e of d.errors) log(`error (${d.name}): ${e}`);
  log(`\ntotal ${seconds(totalMs)}`);
  return { ratios };
}

// Run directly: tsx scripts/bench-payments.ts [flags]
if (import.meta.url === `file://${process.argv[1]}`) {
  await runPaymentsBench(process.argv.slice(2)).catch((err) =>
    console.error(`payments bench failed: ${(err as Error).stack}`),
  );
}
