// npm run bench -- load: the built app under read load while money moves. Reports only; never fails.
//
// For each database (LOAD_DATABASES, default "postgres,pglite"; PostgreSQL is skipped when not
// reachable): a fresh database with the demo data seeded through the simulator (LOAD_PAYMENTS,
// default 5000) plus a sales unit of its own holding reserved payments for the money operations;
// the simulator in a process of its own (state in memory, a new one per database); ONE `next start`
// of the build with default settings (reconciler on) — or LOAD_INSTANCES of them on PostgreSQL, the
// readers and money operations spread over them round-robin, as one instance per core behind a balancer. First the readers alone for
// LOAD_BASELINE_SECONDS (default 20; 0 skips it), for comparison; then for LOAD_SECONDS (default 120):
//   - LOAD_READERS (default 50) concurrent readers, each signed in with a session of its own, in a
//     closed loop: the history page of a sales unit, a payment page, a lookup (an orderId or the
//     start of one), in turn; the whole streamed body read; anything but HTTP 200 is an error. Once
//     per think time in LOAD_THINK_MS (default "0,1000"), each a phase of its own, reported apart:
//     0 = no pauses (every reader asks again at once: the instance saturated, a throughput test),
//     1000 = a pause of 0.5–1.5 s between pages (people reading a page before the next);
//   - LOAD_MONEY_RATE (default 5) money operations a second, started on schedule whatever the
//     earlier ones are doing (open loop): a partial capture of 1 kr, and a pass later a partial
//     refund of 1 kr, each on a payment no other operation is touching, posted to the money
//     dialog's server action exactly as the dialog sends it (tests/helpers/server-action.ts, as in
//     tests/multi-instance).
// Then the app is stopped and the database read. Reported per phase: the app's CPU (% of one
// core); per read route n, req/s, p50/p95/p99/max and errors; money operations by outcome as
// answered and as the ledger has them (succeeded / failed / pending); and the double-movement
// check — for every payment touched, GET /details at the simulator against the ledger's succeeded
// rows (captured and refunded sums, every request id once). Also written to
// .data/bench/load-<database>.json.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { rollupSink } from "@/lib/api-log/writer";
import type { PrismaClient } from "@/generated/prisma/client";
import { openDirect, type DatabaseTarget } from "@/lib/db/direct";
import { applyMigrations } from "@/lib/db/migrations";
import type { MoneyResult } from "@/lib/money/engine";
import { seedDemoPayments } from "@/lib/seed/payments";
import { SimControl } from "@/lib/seed/sim-control";
import {
  addSimulatorUnit,
  addUser,
  AppInstance,
  freePort,
  freshSecrets,
  reservedPayment,
  type FixtureUnit,
} from "../tests/helpers/app-fixture";
import { databaseKinds, emptyDatabase } from "../tests/helpers/databases";
import { callServerAction, serverActionId } from "../tests/helpers/server-action";
import { signIn } from "./bench/http";
import { buildIfNeeded } from "./build-if-needed";
import { table } from "./bench/report";
import { summarize, type Summary } from "./bench/stats";

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SECONDS = num("LOAD_SECONDS", 120);
const READERS = num("LOAD_READERS", 50);
const MONEY_RATE = num("LOAD_MONEY_RATE", 5);
const DEMO_PAYMENTS = num("LOAD_PAYMENTS", 5000);
/**
 * A reader's pause between pages, ms (uniform in 0.5×–1.5× of it), one load phase per value: 0
 * measures the instance saturated; about a second is a person reading each page before the next.
 */
const THINK_MS = (process.env.LOAD_THINK_MS ?? "0,1000").split(",").map((v) => Math.max(0, Number(v) || 0));
const BASELINE_SECONDS = Number(process.env.LOAD_BASELINE_SECONDS ?? 20) || 0;
const DATABASES = (process.env.LOAD_DATABASES ?? "postgres,pglite").split(",").map((s) => s.trim());
/**
 * `next start` instances on PostgreSQL (PGlite has one owner: always 1), as a deployment runs one per
 * core behind a balancer: reader r and money operation k go to instance r (k) mod n.
 */
const INSTANCES = num("LOAD_INSTANCES", 1);
const MONEY_MSN = "299501";
const READER = { email: "load-reader@example.invalid", password: "load-reader-not-secret-1", name: "Load Reader" };
const FINANCE = { email: "load-finance@example.invalid", password: "load-finance-not-secret-1", name: "Load Økonomi" };
const ROUTES = ["history", "payment", "lookup"] as const;
type Route = (typeof ROUTES)[number];

const log = (line: string) => console.log(`[load] ${line}`);
/** An error with its cause ("fetch failed (SocketError: other side closed)"). */
const describeError = (err: unknown) => {
  const e = err as Error & { cause?: unknown };
  return `${e.message}${e.cause ? ` (${String(e.cause)})` : ""}`.slice(0, 160);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "—");

async function forEachLimit<T>(items: T[], limit: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

async function startSimulatorProcess(): Promise<{ url: string; pid: number | undefined; stop(): void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/bench/simulator-process.ts"], {
    env: { ...process.env, SIMULATOR_PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stopping = false;
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code, signal) => {
      if (!stopping) log(`the simulator process exited unexpectedly (code ${code}, signal ${signal})`);
      reject(new Error(`simulator exited (${code ?? signal})`));
    });
    child.stdout!.on("data", (b: Buffer) => {
      const m = /ready (\S+)/.exec(b.toString());
      if (m) resolve(m[1]!);
    });
  });
  return {
    url,
    pid: child.pid,
    stop: () => {
      stopping = true;
      child.kill("SIGTERM");
    },
  };
}

interface Prepared {
  /** The app's database settings. */
  env: Record<string, string>;
  target: DatabaseTarget;
  /** Payments the readers read (msn, orderId). */
  payments: { msn: string; orderId: string }[];
  msns: string[];
  /** Reserved payments of MONEY_MSN for the money operations. */
  moneyPayments: string[];
  moneyUnit: FixtureUnit;
  cleanup(): Promise<void>;
}

async function prepare(
  kind: string,
  simUrl: string,
  secrets: ReturnType<typeof freshSecrets>,
  moneyCount: number,
): Promise<Prepared | null> {
  let target: DatabaseTarget;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  const dataDir = mkdtempSync(path.join(tmpdir(), "mo-load-"));
  if (kind === "postgres") {
    const kinds: string[] = await databaseKinds().catch(() => []);
    if (!kinds.includes("postgres")) {
      log("postgres: skipped (no PostgreSQL reachable at TEST_DATABASE_URL or the local default)");
      return null;
    }
    // A new database, dropped afterwards; the handle that created it stays idle until then.
    const created = await emptyDatabase("postgres");
    target = { driver: "pg", url: created.url! };
    env = { DATABASE_URL: created.url! };
    cleanup = async () => {
      await created.close();
      rmSync(dataDir, { recursive: true, force: true });
    };
  } else {
    const dir = path.join(dataDir, "pglite");
    target = { driver: "pglite", dir };
    env = { PGLITE_DIR: dir };
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  // PGlite has one owner at a time: everything is written here, then closed before next start opens it.
  const handle = await openDirect(target);
  try {
    await applyMigrations(handle.migrationAdapter);
    const t0 = performance.now();
    const sink = rollupSink(async () => handle.prisma, { batchSize: 500 });
    const seeded = await seedDemoPayments({
      simulatorUrl: simUrl,
      prisma: handle.prisma,
      sink,
      encryptionKey: Buffer.from(secrets.ENCRYPTION_KEY, "base64"),
      callbackPrefix: "http://127.0.0.1:9/api/vipps", // nobody listens: the app is not up while seeding
      count: DEMO_PAYMENTS,
    });
    await sink.flush();
    // Writing the API log into PGlite keeps this event loop busy for seconds, long enough for the
    // simulator to close idle keep-alive connections unnoticed: let the closes be read first.
    await sleep(500);
    await new SimControl(simUrl).clearFaults(); // the seed provokes a few API errors on purpose
    const moneyUnit = await addSimulatorUnit(handle.prisma, simUrl, secrets, MONEY_MSN);
    const stamp = Date.now().toString(36);
    const moneyPayments = Array.from({ length: moneyCount }, (_, i) => `LOAD-${stamp}-${i}`);
    await forEachLimit(moneyPayments, 8, async (orderId) => {
      await reservedPayment(handle.prisma, simUrl, moneyUnit, orderId, 100_000);
    });
    const units = await handle.prisma.salesUnit.findMany({ select: { msn: true } });
    const msns = units.map((u) => u.msn);
    await addUser(handle.prisma, { ...READER, role: "admin", msns: [] });
    await addUser(handle.prisma, { ...FINANCE, role: "finance", msns: [MONEY_MSN] });
    const payments = await handle.prisma.payment.findMany({ select: { msn: true, orderId: true } });
    log(
      `${kind}: ${seeded.payments} demo payments + ${moneyCount} for money operations seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    return {
      env: { ...env, DATA_DIR: dataDir },
      target,
      payments,
      msns,
      moneyPayments,
      moneyUnit,
      cleanup,
    };
  } finally {
    await handle.close();
  }
}

interface MoneyRecord {
  kind: "capture" | "refund";
  orderId: string;
  ms: number;
  outcome: string;
  startedAt: number;
}

interface Phase {
  seconds: number;
  /** The readers' pause between pages (0: none). */
  thinkMs: number;
  /** CPU time of the next start process over the phase, in % of one core. */
  appCpuPercent: number | null;
  /**
   * Where the machine's CPU went over the phase, in % of one core: the whole machine (all cores
   * busy = cores × 100), this load generator, the simulator and PostgreSQL's processes.
   */
  cpu: { machine: number | null; cores: number; generator: number; simulator: number | null; postgres: number | null };
  reads: Record<Route, Summary & { rps: number; errors: number }>;
  /** Every read, whatever the route. */
  allReads: Summary & { rps: number; errors: number };
  readErrors: string[];
  readErrorKinds: Record<string, number>;
  money: {
    started: number;
    maxInFlight: number;
    /** Still without an answer when the app was stopped (60 s after the phase). */
    unanswered: number;
    answered: Record<string, number>;
    latency: Summary;
    errors: string[];
  };
}

interface LoadResult {
  database: string;
  readers: number;
  /** `next start` instances sharing the load. */
  instances: number;
  moneyRate: number;
  /** The readers alone (no pauses), for comparison. */
  baseline?: Phase;
  /** One phase per think time, money operations beside the readers. */
  loads: Phase[];
  ledger: Record<string, number>;
  doubleMovement: {
    payments: number;
    duplicateRequestIds: number;
    movementsWithoutRow: number;
    movedButFailed: number;
    amountMismatches: number;
    succeededNotAtVipps: number;
    movedStillPending: number;
    vippsCaptured: number;
    ledgerCaptured: number;
    vippsRefunded: number;
    ledgerRefunded: number;
    examples: string[];
  };
}

const nonNegative = (x: number | null) => (x !== null && x >= 0 ? x : null);

/** Busy CPU seconds of the whole machine since boot, all cores (Linux /proc/stat), or null. */
function machineBusySeconds(): number | null {
  try {
    const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal …: busy is all but idle and iowait.
    return ticks.reduce((t, v, i) => (i === 3 || i === 4 ? t : t + (v || 0)), 0) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds of every PostgreSQL server process on the machine (the bench's database), or null. */
function postgresCpuSeconds(): number | null {
  try {
    let total = 0;
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      try {
        if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") continue;
        total += cpuSeconds(Number(pid)) ?? 0;
      } catch {
        /* gone meanwhile */
      }
    }
    return total;
  } catch {
    return null;
  }
}

/** utime + stime of a process in seconds (Linux /proc), or null. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks; USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

async function runOne(kind: string, simUrl: string, simPid: number | undefined): Promise<LoadResult | null> {
  const secrets = freshSecrets();
  // Each phase captures 1 kr of each payment, then refunds it (two passes over the pool).
  const moneyCount = Math.max(20, Math.ceil((MONEY_RATE * SECONDS) / 2));
  const prepared = await prepare(kind, simUrl, secrets, moneyCount);
  if (!prepared) return null;
  const port = new URL(simUrl).port;
  const logDir = path.resolve(".data/bench");
  const instances = kind === "postgres" ? INSTANCES : 1;
  const appEnv = {
    ...prepared.env,
    ...secrets,
    DEMO_MODE: "false",
    // Users here sign in with a password only: two-factor has its own tests.
    TWO_FACTOR_REQUIRED_ROLES: "",
    // LOAD_APP_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"): Node flags for the app's process.
    ...(process.env.LOAD_APP_NODE_ARGS ? { BENCH_NODE_ARGS: process.env.LOAD_APP_NODE_ARGS } : {}),
    SIMULATOR_PORT: port,
  };
  const apps: AppInstance[] = [];
  for (let i = 0; i < instances; i++)
    apps.push(new AppInstance(`load-${kind}${i ? `-${i}` : ""}`, await freePort(), appEnv, logDir));
  const app = apps[0]!;
  const appFor = (i: number) => apps[i % apps.length]!;
  /** The instances' CPU seconds together, or null. */
  const appsCpu = () => {
    const each = apps.map((a) => cpuSeconds(a.pid));
    return each.every((c) => c !== null) ? each.reduce((t: number, c) => t + c!, 0) : null;
  };
  try {
    for (const a of apps) await a.start();
    const actionId = serverActionId("lib/actions/money/submit-money-operation.ts", "submitMoneyOperationAction");
    const cookies: string[] = [];
    await forEachLimit(
      Array.from({ length: READERS }, (_, i) => i),
      4,
      async () => {
        cookies.push(await signIn(appFor(cookies.length).url, READER.email, READER.password));
      },
    );
    const financeCookie = await signIn(app.url, FINANCE.email, FINANCE.password);

    const { payments, msns } = prepared;
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
    const urlFor = (route: Route): string => {
      // The history of one sales unit (/history/<msn> only redirects here now).
      if (route === "history") return `/history?msn=${pick(msns)}`;
      const p = pick(payments);
      if (route === "payment") return `/payments/${p.msn}/${encodeURIComponent(p.orderId)}`;
      const q = Math.random() < 0.5 ? p.orderId : p.orderId.slice(0, Math.max(4, p.orderId.length - 3));
      return `/?q=${encodeURIComponent(q)}`;
    };
    const get = async (cookie: string, pathAndQuery: string, instance = 0) => {
      const res = await fetch(`${appFor(instance).url}${pathAndQuery}`, {
        headers: { Cookie: cookie, "Accept-Language": "nb" },
        redirect: "manual",
      });
      await res.arrayBuffer();
      return res.status;
    };
    // Warm-up (not recorded): every route a few times, so first-request costs are not measured.
    for (let i = 0; i < 3; i++) for (const r of ROUTES) await get(cookies[0]!, urlFor(r));

    /** One measured phase: the readers for `seconds`, with `moneyRate` operations a second beside them. */
    const phase = async (seconds: number, moneyRate: number, pool: string[], thinkMs: number) => {
      const samples: Record<Route, number[]> = { history: [], payment: [], lookup: [] };
      const errors: Record<Route, number> = { history: 0, payment: 0, lookup: 0 };
      const errorExamples: string[] = [];
      const errorKinds: string[] = [];
      const note = (url: string, what: string) => {
        errorKinds.push(what.replace(/\d+/g, "N"));
        if (errorExamples.length < 10)
          errorExamples.push(`${((performance.now() - t0) / 1000).toFixed(1)} s ${url} → ${what}`);
      };
      const cpu0 = appsCpu();
      const machine0 = machineBusySeconds();
      const self0 = process.cpuUsage();
      const sim0 = cpuSeconds(simPid);
      const pg0 = postgresCpuSeconds();
      const t0 = performance.now();
      const end = t0 + seconds * 1000;

      const readers = cookies.map(async (cookie, r) => {
        // People do not all click at the same instant: with pauses, each reader's first page comes
        // at a random point of one pause (without, all 50 asked at t0 and the first wave queued
        // behind each other: ~8 % of a 60-s phase's reads at 5-s pauses waited 1–1.3 s for it).
        if (thinkMs > 0) await sleep(thinkMs * Math.random());
        for (let i = r; performance.now() < end; i++) {
          const route = ROUTES[i % ROUTES.length]!;
          const url = urlFor(route);
          const t = performance.now();
          try {
            const status = await get(cookie, url, r);
            if (status === 200) samples[route].push(performance.now() - t);
            else {
              errors[route]++;
              note(url, `HTTP ${status}`);
            }
          } catch (err) {
            errors[route]++;
            note(url, describeError(err));
          }
          if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
        }
      });

      const money: MoneyRecord[] = [];
      const inFlight: Promise<void>[] = [];
      let open = 0;
      let maxOpen = 0;
      const moneyLoop = (async () => {
        if (moneyRate <= 0) return;
        for (let k = 0; ; k++) {
          const at = t0 + (k * 1000) / moneyRate;
          if (at >= end) break;
          const wait = at - performance.now();
          if (wait > 0) await sleep(wait);
          // Operation k: payment k of the pool, a capture in even passes over the pool, a refund in odd ones.
          const orderId = pool[k % pool.length]!;
          const kind = Math.floor(k / pool.length) % 2 === 0 ? "capture" : "refund";
          maxOpen = Math.max(maxOpen, ++open);
          inFlight.push(
            submitMoney(orderId, kind, k).then((m) => {
              open--;
              money.push(m);
            }),
          );
        }
      })();

      await Promise.all([...readers, moneyLoop]);
      const elapsed = (performance.now() - t0) / 1000;
      const cpu = appsCpu();
      const self = process.cpuUsage(self0);
      const pct = (a: number | null, b: number | null) =>
        a !== null && b !== null ? Math.round(((b - a) / elapsed) * 100) : null;
      const cpuShares: Phase["cpu"] = {
        machine: pct(machine0, machineBusySeconds()),
        cores: os.cpus().length,
        generator: Math.round(((self.user + self.system) / 1e6 / elapsed) * 100),
        simulator: pct(sim0, cpuSeconds(simPid)),
        // Backends that closed meanwhile take their CPU time with them: a negative sum says nothing.
        postgres: kind === "postgres" ? nonNegative(pct(pg0, postgresCpuSeconds())) : null,
      };
      await Promise.race([Promise.all(inFlight), sleep(60_000)]);
      return {
        seconds: Math.round(elapsed),
        thinkMs,
        appCpuPercent: cpu0 !== null && cpu !== null ? Math.round(((cpu - cpu0) / elapsed) * 100) : null,
        cpu: cpuShares,
        reads: Object.fromEntries(
          ROUTES.map((r) => [
            r,
            { ...summarize(samples[r]), rps: Math.round((samples[r].length / elapsed) * 10) / 10, errors: errors[r] },
          ]),
        ) as Phase["reads"],
        allReads: {
          ...summarize(ROUTES.flatMap((r) => samples[r])),
          rps: Math.round((ROUTES.reduce((t, r) => t + samples[r].length, 0) / elapsed) * 10) / 10,
          errors: ROUTES.reduce((t, r) => t + errors[r], 0),
        },
        readErrors: errorExamples,
        readErrorKinds: count(errorKinds),
        money: {
          started: inFlight.length,
          maxInFlight: maxOpen,
          unanswered: inFlight.length - money.length,
          answered: count(money.map((m) => m.outcome)),
          latency: summarize(money.map((m) => m.ms)),
          errors: money
            .filter((m) => m.outcome.startsWith("error:"))
            .slice(0, 10)
            .map(
              (m) =>
                `${((m.startedAt - t0) / 1000).toFixed(1)} s, answered after ${ms(m.ms)} ms: ${m.kind} ${m.orderId} → ${m.outcome}`,
            ),
        },
        touched: money.map((m) => m.orderId),
      };
    };

    const submitMoney = async (orderId: string, kind: "capture" | "refund", k: number): Promise<MoneyRecord> => {
      const t = performance.now();
      let outcome: string;
      try {
        const r = await callServerAction<MoneyResult>({
          baseUrl: appFor(k).url,
          pagePath: `/payments/${MONEY_MSN}/${orderId}`,
          actionId,
          cookie: financeCookie,
          form: {
            msn: MONEY_MSN,
            orderId,
            kind,
            amount: "1,00",
            ...(kind === "refund" ? { reason: "goodwill" } : {}),
            note: "",
            idempotencyKey: randomUUID(),
          },
        });
        outcome = r.data
          ? r.data.outcome === "refused"
            ? `refused:${r.data.refusal.code}`
            : r.data.outcome === "failed"
              ? `failed:${r.data.code}`
              : r.data.outcome
          : r.serverError
            ? "error:server error (logged with a reference)"
            : "error:validation";
      } catch (err) {
        outcome = `error:${describeError(err)}`;
      }
      return { kind, orderId, ms: performance.now() - t, outcome, startedAt: t };
    };

    let baseline: Phase | undefined;
    if (BASELINE_SECONDS > 0) {
      log(`${kind}: baseline, ${READERS} readers and no money operations for ${BASELINE_SECONDS} s …`);
      const { touched: _, ...b } = await phase(BASELINE_SECONDS, 0, [], 0);
      baseline = b;
    }
    const loads: Phase[] = [];
    const touched: string[] = [];
    for (const thinkMs of THINK_MS) {
      log(
        `${kind}: ${READERS} readers (${thinking(thinkMs)}) + ${MONEY_RATE} money operations/s for ${SECONDS} s against ${apps.map((a) => `${a.url} (pid ${a.pid})`).join(", ")} …`,
      );
      const { touched: t, ...p } = await phase(SECONDS, MONEY_RATE, prepared.moneyPayments, thinkMs);
      loads.push(p);
      touched.push(...t);
    }
    for (const a of apps) await a.stop();

    // The ledger and the simulator, with the app stopped (PGlite has one owner at a time).
    const handle = await openDirect(prepared.target);
    try {
      const result: LoadResult = {
        database: kind,
        readers: READERS,
        instances,
        moneyRate: MONEY_RATE,
        baseline,
        loads,
        ledger: await ledgerStates(handle.prisma),
        doubleMovement: await doubleMovement(handle.prisma, prepared.moneyUnit, [...new Set(touched)]),
      };
      return result;
    } finally {
      await handle.close();
    }
  } finally {
    for (const a of apps) await a.stop();
    await prepared.cleanup();
  }
}

function count(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

async function ledgerStates(prisma: PrismaClient): Promise<Record<string, number>> {
  const rows = await prisma.moneyOperation.groupBy({ by: ["state"], where: { msn: MONEY_MSN }, _count: true });
  return Object.fromEntries(rows.map((r) => [r.state, r._count]));
}

/**
 * Every payment touched: what moved at the simulator (GET /details) against the ledger. Each
 * successful CAPTURE/REFUND must carry the request id of exactly one ledger row, with its amount;
 * each succeeded row must be at Vipps. A movement whose row is still pending/unknown (the app was
 * stopped before it recorded the outcome; the reconciler settles it after MONEY_STALE_PENDING_MS)
 * is counted apart: moved once, not yet booked. A double movement is a request id twice, a
 * movement without a row, or one booked as failed.
 */
async function doubleMovement(prisma: PrismaClient, unit: FixtureUnit, orderIds: string[]) {
  const out: LoadResult["doubleMovement"] = {
    payments: orderIds.length,
    duplicateRequestIds: 0,
    movementsWithoutRow: 0,
    movedButFailed: 0,
    amountMismatches: 0,
    succeededNotAtVipps: 0,
    movedStillPending: 0,
    vippsCaptured: 0,
    ledgerCaptured: 0,
    vippsRefunded: 0,
    ledgerRefunded: 0,
    examples: [],
  };
  const ops = await prisma.moneyOperation.findMany({
    where: { msn: MONEY_MSN, orderId: { in: orderIds } },
    select: { orderId: true, kind: true, amount: true, xRequestId: true, state: true },
  });
  const byRequestId = new Map(ops.map((o) => [o.xRequestId, o]));
  await forEachLimit(orderIds, 8, async (orderId) => {
    const d = await unit.client.getPaymentDetails(orderId);
    const moves = d.transactionLogHistory.filter(
      (e) => e.operationSuccess && (e.operation === "CAPTURE" || e.operation === "REFUND"),
    );
    const problems: string[] = [];
    const ids = moves.map((e) => e.requestId ?? "");
    const duplicates = ids.length - new Set(ids).size;
    if (duplicates) problems.push(`${duplicates} request id(s) twice`);
    out.duplicateRequestIds += duplicates;
    for (const e of moves) {
      const op = byRequestId.get(e.requestId ?? "");
      if (!op) {
        out.movementsWithoutRow++;
        problems.push(`${e.operation} ${e.amount} without a ledger row`);
      } else if (op.state === "failed") {
        out.movedButFailed++;
        problems.push(`${e.operation} ${e.amount} booked as failed`);
      } else if (op.state !== "succeeded") out.movedStillPending++;
      if (op && op.amount !== e.amount) {
        out.amountMismatches++;
        problems.push(`${e.operation} ${e.amount} ≠ row ${op.amount}`);
      }
    }
    const mine = ops.filter((o) => o.orderId === orderId && o.state === "succeeded");
    for (const o of mine)
      if (!ids.includes(o.xRequestId)) {
        out.succeededNotAtVipps++;
        problems.push(`succeeded ${o.kind} not at Vipps`);
      }
    const sum = (kind: string) => mine.filter((o) => o.kind === kind).reduce((t, o) => t + (o.amount ?? 0), 0);
    out.vippsCaptured += d.transactionSummary?.capturedAmount ?? 0;
    out.vippsRefunded += d.transactionSummary?.refundedAmount ?? 0;
    out.ledgerCaptured += sum("capture");
    out.ledgerRefunded += sum("refund");
    if (problems.length && out.examples.length < 5) out.examples.push(`${orderId}: ${problems.join("; ")}`);
  });
  return out;
}

function readTable(p: Phase): string {
  const a = p.allReads;
  const all = `  all reads: ${a.n} in ${p.seconds} s = ${a.rps} req/s; p50 ${ms(a.p50)} / p95 ${ms(a.p95)} / p99 ${ms(a.p99)} ms; errors ${a.errors}`;
  return `${table(
    ["read route", "n", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"],
    ROUTES.map((route) => {
      const s = p.reads[route];
      return [route, s.n, s.rps, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), s.errors];
    }),
  )}\n${all}`;
}

const cpuLine = ({ cpu: c }: Phase) =>
  `\n  CPU in % of one core: machine ${c.machine ?? "?"} of ${c.cores * 100}; load generator ${c.generator}, simulator ${c.simulator ?? "?"}, PostgreSQL ${c.postgres ?? "—"}`;
const starts = (n: number) => (n === 1 ? "one next start" : `${n} next start instances`);
const thinking = (thinkMs: number) =>
  thinkMs > 0
    ? `pausing ${(thinkMs / 2000).toFixed(1)}–${((thinkMs * 1.5) / 1000).toFixed(1)} s between pages, as people do`
    : "no pauses: each reader asks again at once — the instance saturated, a throughput test";

function report(r: LoadResult) {
  if (r.baseline) {
    console.log(
      `\nBaseline on ${r.database}: ${r.readers} readers alone for ${r.baseline.seconds} s (${starts(r.instances)} CPU ${r.baseline.appCpuPercent ?? "?"}% of a core)`,
      cpuLine(r.baseline),
    );
    console.log(readTable(r.baseline));
  }
  for (const p of r.loads) {
    console.log(
      `\nLoad on ${r.database}: ${r.readers} readers (${thinking(p.thinkMs)}) + ${r.moneyRate} money operations/s for ${p.seconds} s, ${starts(r.instances)} (CPU ${p.appCpuPercent ?? "?"}% of a core)`,
      cpuLine(p),
    );
    console.log(readTable(p));
    for (const e of p.readErrors) console.log(`  error: ${e}`);
    const m = p.money;
    console.log(
      `money operations: ${m.started} started (at most ${m.maxInFlight} in flight, ${m.unanswered} unanswered when the app was stopped); answered ${JSON.stringify(m.answered)}; round trip p50 ${ms(m.latency.p50)} / p95 ${ms(m.latency.p95)} / p99 ${ms(m.latency.p99)} ms`,
    );
    for (const e of m.errors) console.log(`  error: ${e}`);
  }
  console.log(
    `ledger (all phases): ${["succeeded", "failed", "pending", "unknown", "awaiting_approval"].map((s) => `${s} ${r.ledger[s] ?? 0}`).join(", ")}`,
  );
  const d = r.doubleMovement;
  const bad =
    d.duplicateRequestIds + d.movementsWithoutRow + d.movedButFailed + d.amountMismatches + d.succeededNotAtVipps;
  console.log(
    `double movement: ${d.payments} payments checked at the simulator: ${bad ? "PROBLEMS" : "none"} — ${d.duplicateRequestIds} request ids twice, ` +
      `${d.movementsWithoutRow} movements without a ledger row, ${d.movedButFailed} booked as failed, ${d.amountMismatches} amount mismatches, ` +
      `${d.succeededNotAtVipps} succeeded rows not at Vipps; ${d.movedStillPending} moved once but still pending in the ledger (the reconciler books them); ` +
      `Vipps captured ${d.vippsCaptured} / refunded ${d.vippsRefunded} øre, ledger succeeded ${d.ledgerCaptured} / ${d.ledgerRefunded} øre`,
  );
  for (const e of d.examples) console.log(`  ${e}`);
}

export async function runLoadBench(): Promise<void> {
  // The app's database is chosen per run below (PostgreSQL: TEST_DATABASE_URL's server), never inherited.
  delete process.env.DATABASE_URL;
  buildIfNeeded((line) => log(line)); // measure the sources as they are, not an older build
  const outDir = path.resolve(".data/bench");
  mkdirSync(outDir, { recursive: true });
  for (const kind of DATABASES) {
    if (kind !== "postgres" && kind !== "pglite") {
      log(`unknown database "${kind}" in LOAD_DATABASES (postgres, pglite)`);
      continue;
    }
    // A simulator of its own per database: nothing of one run's state reaches the next.
    const sim = await startSimulatorProcess();
    try {
      const r = await runOne(kind, sim.url, sim.pid);
      if (!r) continue;
      report(r);
      writeFileSync(path.join(outDir, `load-${kind}.json`), JSON.stringify(r, null, 2));
    } catch (err) {
      const cause = (err as Error).cause;
      console.error(`[load] ${kind} failed: ${(err as Error).stack}${cause ? `\n  cause: ${String(cause)}` : ""}`);
    } finally {
      sim.stop();
    }
  }
}
