// npm run bench -- money: what exactly-once costs, and how often it holds.
//   1. The app's overhead on a capture: submitMoneyOperation (ledger row + lock, a fresh GET
//      /details, the capture, the outcome, a sync from /details, audit rows) against the same
//      capture as one raw HTTP call, measured interleaved (raw, app, raw, app …) so machine load
//      lands on both alike; embedded PGlite and PostgreSQL (when reachable).
//   2. The capture queue capturing 1,000 payments: wall time and throughput (PGlite; PostgreSQL with
//      one worker and with two, as two instances).
//   3. The randomized property test (tests/integration/money-property.test.ts) with 1,000 runs.
// Reports only; never fails.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { MemoryApiLogSink } from "@/lib/api-log/types";
import type { Actor } from "@/lib/auth/permissions";
import { openDirect, type AdapterWrapper, type DirectDb } from "@/lib/db/direct";
import { applyMigrations } from "@/lib/db/migrations";
import { TokenCache, type EcomClient } from "@/lib/ecom";
import { actorOf, actorUserInclude } from "@/lib/auth/actor-of";
import { forEachLimit } from "@/lib/concurrency";
import { createBatch, runBatchRound } from "@/lib/money/batch";
import { submitMoneyOperation } from "@/lib/money/engine";
import { applyDetails } from "@/lib/payments/sync/sync";
import { SimControl, simulatorClient } from "@/lib/seed/sim-control";
import { startSimulator } from "@/simulator/server";
import { profileReport, timedAdapter, timedClient, Timeline, type Span } from "./bench/money-profile";

const ROUNDS = Number(process.env.MONEY_BENCH_ROUNDS ?? 300);
const WARMUP = 30;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function database(
  kind: "pglite" | "postgres",
  wrap?: AdapterWrapper,
): Promise<(DirectDb & { drop?: () => Promise<void>; url?: string }) | null> {
  if (kind === "pglite") {
    const db = await openDirect({ driver: "pglite" }, wrap);
    await applyMigrations(db.migrationAdapter);
    return db;
  }
  const admin = process.env.TEST_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
  const name = `mo_bench_money_${Date.now()}`;
  const c = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = await openDirect({ driver: "pg", url: url.toString() }, wrap);
  await applyMigrations(db.migrationAdapter);
  return {
    ...db,
    url: url.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

/**
 * The overhead, or with `timeline` the profile: every statement and call of the app's captures timed
 * (the wrapping costs a little, so a profile run reports no overhead figures).
 */
async function overhead(kind: "pglite" | "postgres", timeline?: Timeline): Promise<void> {
  const db = await database(kind, timeline && ((f) => timedAdapter(f, timeline)));
  if (!db) {
    console.log(`money overhead, ${kind}: skipped (not reachable)`);
    return;
  }
  const sim = await startSimulator();
  try {
    const control = new SimControl(sim.url);
    await control.patchSettings({ rateLimitsEnabled: false });
    const unit = await control.createUnit("299101", "Bench money", "reserve");
    await db.prisma.salesUnit.create({ data: { msn: unit.msn, name: "Bench money", environment: "simulator" } });
    const client: EcomClient = simulatorClient(sim.url, unit, {
      sink: new MemoryApiLogSink(),
      tokenCache: new TokenCache(),
    });
    const actor: Actor = {
      id: randomUUID(),
      email: "bench@example.no",
      name: "Bench",
      role: "admin",
      msns: [],
      allSalesUnits: true,
      canViewPayments: true,
    };
    // A fresh reserved payment per capture, as in real use (a payment's log stays short): the
    // set-up is outside the timing.
    const reserve = async (orderId: string) => {
      await client.initiatePayment({
        orderId,
        amount: 10_000,
        transactionText: "Bench",
        callbackPrefix: "http://127.0.0.1:9/cb",
        fallBack: "https://x.example/",
      });
      await control.user(unit.msn, orderId, "approve");
    };
    const appClient = timeline ? timedClient(client, timeline) : client;
    const deps = { db: db.prisma, clientFor: async () => appClient };
    const raw: number[] = [];
    const app: number[] = [];
    const spans: Span[][] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await reserve(`raw-${i}`);
      await reserve(`app-${i}`);
      await applyDetails(db.prisma, unit.msn, await client.getPaymentDetails(`app-${i}`));
      let t = performance.now();
      await client.capturePayment({
        orderId: `raw-${i}`,
        amount: 5_000,
        transactionText: "Bench",
        requestId: `raw-${i}`,
      });
      raw.push(performance.now() - t);
      if (timeline) timeline.spans = [];
      t = performance.now();
      const r = await submitMoneyOperation(deps, actor, {
        msn: unit.msn,
        orderId: `app-${i}`,
        kind: "capture",
        amount: 5_000,
        idempotencyKey: randomUUID(),
      });
      app.push(performance.now() - t);
      if (timeline) spans.push(timeline.spans ?? []);
      if (timeline) timeline.spans = null;
      if (r.outcome !== "succeeded") throw new Error(`capture ${i}: ${JSON.stringify(r)}`);
    }
    const r = raw.slice(WARMUP);
    const a = app.slice(WARMUP);
    if (timeline) {
      const runs = a.map((wall, i) => ({ wall, spans: spans[WARMUP + i]! }));
      console.log(profileReport(`money profile, ${kind}`, runs));
      return;
    }
    // Per pair (the raw and the app capture of one round, run back to back): app_i − raw_i.
    const pairs = a.map((x, i) => x - r[i]!);
    console.log(
      `money overhead, ${kind} (${r.length} captures each, interleaved): raw capture p50 ${ms(pct(r, 50))} p95 ${ms(pct(r, 95))}; ` +
        `submitMoneyOperation p50 ${ms(pct(a, 50))} p95 ${ms(pct(a, 95))}; overhead p50 ${ms(pct(a, 50) - pct(r, 50))} ` +
        `p95 ${ms(pct(a, 95) - pct(r, 95))} (ledger + lock, 2 × GET /details, sync, audit); ` +
        `per pair (app_i − raw_i) p50 ${ms(pct(pairs, 50))} p90 ${ms(pct(pairs, 90))} p95 ${ms(pct(pairs, 95))} ` +
        `p99 ${ms(pct(pairs, 99))} max ${ms(Math.max(...pairs))}`,
    );
  } finally {
    await sim.close();
    await db.close();
    await db.drop?.();
  }
}

function propertyRuns(runs: number): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ["node_modules/vitest/vitest.mjs", "run", "tests/integration/money-property.test.ts"],
      { env: { ...process.env, MONEY_PROPERTY_RUNS: String(runs) }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => {
      const secs = ((performance.now() - started) / 1000).toFixed(0);
      console.log(`money property test, ${runs} runs: ${code === 0 ? "all invariants held" : "FAILED"} in ${secs} s`);
      if (code !== 0) console.log(out.slice(-4000));
      resolve();
    });
  });
}

/**
 * The capture queue: one batch of QUEUE_BENCH_PAYMENTS (default 1,000) reserved payments captured by
 * the batch worker (concurrency 4, one instance; on PostgreSQL also two workers on two pools, as two
 * instances would), wall time from the batch's creation to its last item, and a check that every
 * payment was captured exactly once at the simulator.
 */
async function queueThroughput(kind: "pglite" | "postgres", workers: 1 | 2): Promise<void> {
  const count = Number(process.env.QUEUE_BENCH_PAYMENTS ?? 1000);
  const db = await database(kind);
  if (!db) {
    console.log(`capture queue, ${kind}: skipped (not reachable)`);
    return;
  }
  const second = workers === 2 && db.url ? await openDirect({ driver: "pg", url: db.url }) : null;
  const sim = await startSimulator();
  try {
    const control = new SimControl(sim.url);
    await control.patchSettings({ rateLimitsEnabled: false });
    const unit = await control.createUnit("299102", "Bench queue", "reserve");
    const su = await db.prisma.salesUnit.create({
      data: { msn: unit.msn, name: "Bench queue", environment: "simulator" },
    });
    const client: EcomClient = simulatorClient(sim.url, unit, {
      sink: new MemoryApiLogSink(),
      tokenCache: new TokenCache(),
    });
    const user = await db.prisma.user.create({
      data: {
        email: "queue-bench@example.no",
        name: "Queue bench",
        role: "finance",
        passwordHash: "x",
        salesUnits: { create: [{ salesUnitId: su.id }] },
      },
      include: actorUserInclude,
    });
    const ids = Array.from({ length: count }, (_, i) => `q-${i}`);
    await forEachLimit(ids, 8, async (orderId) => {
      await client.initiatePayment({
        orderId,
        amount: 10_000 + (orderId.length % 7) * 100,
        transactionText: "Bench",
        callbackPrefix: "http://127.0.0.1:9/cb",
        fallBack: "https://x.example/",
      });
      await control.user(unit.msn, orderId, "approve");
      await applyDetails(db.prisma, unit.msn, await client.getPaymentDetails(orderId));
    });
    const rows = await db.prisma.payment.findMany({
      where: { msn: unit.msn },
      select: { orderId: true, remainingToCapture: true },
    });
    const started = performance.now();
    const created = await createBatch({ db: db.prisma }, actorOf(user), {
      kind: "capture",
      idempotencyKey: randomUUID(),
      items: rows.map((r) => ({ msn: unit.msn, orderId: r.orderId, amount: r.remainingToCapture })),
    });
    if (created.outcome === "refused") throw new Error(`batch refused: ${JSON.stringify(created.refusal)}`);
    const worker = async (prisma: typeof db.prisma) => {
      const deps = { db: prisma, clientFor: async () => client, concurrency: 4 };
      while ((await runBatchRound(deps)) > 0);
    };
    await Promise.all([worker(db.prisma), ...(second ? [worker(second.prisma)] : [])]);
    const wall = (performance.now() - started) / 1000;
    const states = await db.prisma.moneyBatchItem.groupBy({ by: ["state"], _count: true });
    let twice = 0;
    for (const orderId of ids.slice(0, 200)) {
      const captures = (await client.getPaymentDetails(orderId)).transactionLogHistory.filter(
        (e) => e.operation === "CAPTURE" && e.operationSuccess,
      );
      if (captures.length !== 1) twice++;
    }
    console.log(
      `capture queue, ${kind}, ${workers} worker${workers === 2 ? "s (two pools, as two instances)" : ""} × concurrency 4: ` +
        `${count} payments in ${wall.toFixed(1)} s = ${(count / wall).toFixed(0)} payments/s; ` +
        `items ${states.map((s) => `${s.state} ${s._count}`).join(", ")}; ` +
        `payments not captured exactly once (first 200 checked at the simulator): ${twice}`,
    );
  } finally {
    await sim.close();
    await second?.close();
    await db.close();
    await db.drop?.();
  }
}

/** MONEY_BENCH_ONLY=overhead,queue,property,profile picks parts (default: all but the profile). */
export async function runMoneyBench(): Promise<void> {
  const only = (process.env.MONEY_BENCH_ONLY ?? "overhead,queue,property").split(",");
  if (only.includes("overhead")) {
    await overhead("pglite");
    await overhead("postgres");
  }
  if (only.includes("profile")) {
    await overhead("pglite", new Timeline());
    await overhead("postgres", new Timeline());
  }
  if (only.includes("queue")) {
    await queueThroughput("pglite", 1);
    await queueThroughput("postgres", 1);
    await queueThroughput("postgres", 2);
  }
  if (only.includes("property")) await propertyRuns(Number(process.env.MONEY_PROPERTY_BENCH_RUNS ?? 1000));
}
