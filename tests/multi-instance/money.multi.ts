// Exactly once across real processes (ARCHITECTURE.md "Money: exactly once"): two `next start`
// instances of the built app on ONE fresh PostgreSQL database, sharing one eCom simulator, both
// running the reconciler (every second here).
//   1. 20 submissions on one payment at once, 10 through each instance: distinct idempotency keys
//      and keys sent twice (once to each instance, at the same moment). What moved at the
//      simulator equals the ledger's succeeded rows, never more than reserved; never two
//      operations in flight on the payment (the others are told "busy"); a key never has two rows.
//   2. `kill -9` of an instance between the ledger write and the answer — once after the capture
//      reached the simulator (it answers slowly: a latency fault), once before anything was sent
//      (GET /details of the fresh check answers slowly) — then both restarted: the reconciler
//      settles each operation to exactly one movement (succeeded) or none (failed: interrupted),
//      and the payment's lock is freed.
//
// How submissions are made: by POSTing the money dialog's own server action (its id from
// .next/server/server-reference-manifest.json), encoded exactly as the dialog's React client sends
// it (tests/helpers/server-action.ts), with a real session cookie — through the same proxy,
// session check, permission, input schema, action and engine as a click. Not by clicking the
// dialog in Chromium because: 20 requests must really be in flight together (20 browser pages on
// a 2-core machine would spread them over seconds); the test must choose idempotency keys (the
// dialog makes a new one per opening, so a key shared by two instances is unreachable by clicks);
// and a request must stay in flight while its instance is killed. The dialog itself is covered by
// e2e/money.spec.ts.
//
// Needs PostgreSQL (TEST_DATABASE_URL, default the local cluster): skipped with a message when none
// is reachable, a failure when REQUIRE_POSTGRES=1. Run alone: npm run test:multi.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAuditChain } from "@/lib/audit/chain";
import type { PaymentDetails } from "@/lib/ecom";
import type { MoneyResult } from "@/lib/money/engine";
import { SimControl } from "@/lib/seed/sim-control";
import { startSimulator, type Simulator } from "@/simulator/server";
import { paymentKey } from "@/simulator/types";
import { getPage, signIn } from "../../scripts/bench/http";
import { buildIfNeeded } from "../../scripts/build-if-needed";
import {
  addSimulatorUnit,
  addUser,
  AppInstance,
  freePort,
  freshSecrets,
  reservedPayment,
  type FixtureUnit,
} from "../helpers/app-fixture";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { callServerAction, serverActionId } from "../helpers/server-action";

/** MONEY_STALE_PENDING_MS for the instances: how long a pending row waits before the reconciler settles it. */
const STALE_MS = 6_000;
const MAIN = "812345"; // the payment everyone captures at once
const AFTER_SEND = "812346"; // killed after the capture reached Vipps
const BEFORE_SEND = "812347"; // killed before anything was sent
const USER = { email: "multi-finance@example.invalid", password: "multi-instance-not-secret-1", name: "Multi Økonomi" };

let pgProblem: string | undefined;
const pgUp = await databaseKinds().then(
  (kinds) => kinds.includes("postgres"),
  (err: Error) => {
    pgProblem = err.message;
    return false;
  },
);
if (!pgUp && !pgProblem) {
  console.warn(
    "[multi-instance] SKIPPED: no PostgreSQL reachable (TEST_DATABASE_URL, default postgres://postgres:***@127.0.0.1:5432/postgres); " +
      "two app instances need one shared database. Start PostgreSQL, or set REQUIRE_POSTGRES=1 to make this a failure.",
  );
}
if (pgProblem) {
  describe("two app instances on one PostgreSQL", () => {
    it("needs PostgreSQL (REQUIRE_POSTGRES=1)", () => {
      throw new Error(pgProblem);
    });
  });
}

type Reply = Awaited<ReturnType<typeof callServerAction<MoneyResult>>>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(50);
  }
}

describe.skipIf(!pgUp)("two next start instances on one PostgreSQL, one simulator, reconcilers on", () => {
  let db: TestDb;
  let sim: Simulator;
  let control: SimControl;
  const units = new Map<string, FixtureUnit>();
  let a: AppInstance;
  let b: AppInstance;
  const cookies = new Map<AppInstance, string>();
  let actionId: string;
  let dataDir: string;
  const started = Date.now();

  beforeAll(async () => {
    buildIfNeeded((line) => console.info(`[multi-instance] ${line}`)); // nothing to do when npm test just built
    actionId = serverActionId("lib/actions/money/submit-money-operation.ts", "submitMoneyOperationAction");
    db = await migratedDatabase("postgres");
    sim = await startSimulator();
    control = new SimControl(sim.url);
    const secrets = freshSecrets();
    for (const msn of [MAIN, AFTER_SEND, BEFORE_SEND])
      units.set(msn, await addSimulatorUnit(db.prisma, sim.url, secrets, msn));
    await addUser(db.prisma, { ...USER, role: "finance", msns: [MAIN, AFTER_SEND, BEFORE_SEND] });
    dataDir = mkdtempSync(path.join(tmpdir(), "mo-multi-"));
    const env = {
      DATABASE_URL: db.url!,
      ...secrets,
      DEMO_MODE: "false",
      // Users here sign in with a password only: two-factor has its own tests.
      TWO_FACTOR_REQUIRED_ROLES: "",
      DATA_DIR: dataDir,
      SIMULATOR_PORT: String(sim.port),
      RECONCILER_ENABLED: "true",
      RECONCILER_INTERVAL_MS: "1000",
      MONEY_STALE_PENDING_MS: String(STALE_MS),
    };
    const logs = path.resolve(".data/test-results/multi-instance");
    a = new AppInstance("a", await freePort(), env, logs);
    b = new AppInstance("b", await freePort(), env, logs);
    await Promise.all([a.start(), b.start()]);
    // One finance user, signed in once on each instance (sessions live in the shared database).
    for (const app of [a, b]) cookies.set(app, await signIn(app.url, USER.email, USER.password));
    console.info(
      `[multi-instance] set-up ${((Date.now() - started) / 1000).toFixed(1)} s; app logs in ${logs}/{a,b}-N.log`,
    );
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await sim?.close();
    await db?.close(); // drops the database
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    console.info(`[multi-instance] wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  const submit = (app: AppInstance, msn: string, orderId: string, ore: number, key: string) =>
    callServerAction<MoneyResult>({
      baseUrl: app.url,
      pagePath: `/payments/${msn}/${orderId}`,
      actionId,
      cookie: cookies.get(app)!,
      form: { msn, orderId, kind: "capture", amount: (ore / 100).toFixed(2), note: "", idempotencyKey: key },
    });

  const details = (msn: string, orderId: string): Promise<PaymentDetails> =>
    units.get(msn)!.client.getPaymentDetails(orderId);
  const rows = (orderId: string) =>
    db.prisma.moneyOperation.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } });
  const locks = (orderId: string) => db.prisma.paymentLock.count({ where: { payment: { orderId } } });

  /** GET /details at the simulator against the ledger: one CAPTURE per succeeded row, nothing else. */
  async function vippsMatchesLedger(msn: string, orderId: string, reserved: number) {
    const d = await details(msn, orderId);
    const ops = await rows(orderId);
    const succeeded = ops.filter((o) => o.state === "succeeded" && o.kind === "capture");
    const captures = d.transactionLogHistory.filter((e) => e.operation === "CAPTURE" && e.operationSuccess);
    const sum = (xs: { amount: number | null }[]) => xs.reduce((s, x) => s + (x.amount ?? 0), 0);
    expect(d.transactionSummary?.capturedAmount).toBe(sum(succeeded));
    expect(sum(captures)).toBe(sum(succeeded));
    expect(d.transactionSummary!.capturedAmount).toBeLessThanOrEqual(reserved);
    // Each movement carries one of our request ids, each exactly once, with the row's amount.
    const ids = captures.map((e) => e.requestId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(captures.length).toBe(succeeded.length);
    for (const op of succeeded) {
      expect(captures.find((e) => e.requestId === op.xRequestId)?.amount, op.xRequestId).toBe(op.amount);
    }
    return { captured: d.transactionSummary!.capturedAmount, ops };
  }

  it("20 parallel captures on one payment, 10 through each instance, some keys sent to both: money moves once per succeeded row", async () => {
    const RESERVED = 100_000;
    const orderId = await reservedPayment(db.prisma, sim.url, units.get(MAIN)!, `MULTI-${Date.now()}`, RESERVED);
    const paymentId = (await db.prisma.payment.findFirstOrThrow({ where: { orderId } })).id;

    // 14 distinct keys (7 per instance) and 3 keys sent to both instances at once: 10 + 10.
    type Plan = { app: AppInstance; key: string; ore: number; delayMs: number; twin: boolean };
    const plan: Plan[] = [];
    for (let i = 0; i < 14; i++)
      plan.push({ app: i % 2 ? b : a, key: randomUUID(), ore: 1_000 + i * 100, delayMs: (i * 37) % 200, twin: false });
    for (let j = 0; j < 3; j++) {
      const key = randomUUID();
      const delayMs = (j * 53) % 200;
      plan.push({ app: a, key, ore: 5_000 + j * 100, delayMs, twin: true });
      plan.push({ app: b, key, ore: 5_000 + j * 100, delayMs, twin: true });
    }
    expect(plan.filter((p) => p.app === a)).toHaveLength(10);
    // Each instance renders the payment page once first, as the person opening the dialog had.
    for (const app of [a, b]) await getPage(`${app.url}/payments/${MAIN}/${orderId}`, cookies.get(app)!);

    // Meanwhile: how many operations on this payment are open at once, sampled from PostgreSQL.
    let sampling = true;
    let maxOpen = 0;
    let samples = 0;
    const sampler = (async () => {
      while (sampling) {
        const open = await db.prisma.moneyOperation.count({
          where: { paymentId, state: { in: ["pending", "unknown", "awaiting_approval"] } },
        });
        maxOpen = Math.max(maxOpen, open);
        samples++;
      }
    })();

    const t0 = Date.now();
    const replies: { p: Plan; r: Reply }[] = await Promise.all(
      plan.map(async (p) => {
        await sleep(p.delayMs);
        return { p, r: await submit(p.app, MAIN, orderId, p.ore, p.key) };
      }),
    );
    const tookMs = Date.now() - t0;
    sampling = false;
    await sampler;

    for (const { r } of replies) expect(r.serverError ?? r.validationErrors, JSON.stringify(r)).toBeUndefined();
    const outcome = (r: Reply) => (r.data!.outcome === "refused" ? `refused:${r.data!.refusal.code}` : r.data!.outcome);
    const counts: Record<string, number> = {};
    for (const { p, r } of replies) {
      const k = `${p.app.name}:${outcome(r)}`;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    console.info(
      `[multi-instance] 20 submissions in ${tookMs} ms: ${JSON.stringify(counts)}; max open operations seen ${maxOpen} over ${samples} samples`,
    );

    // Only three answers exist: it happened, another operation holds the payment (busy), or — for a
    // key whose twin is in flight on the other instance — that operation, still pending.
    for (const { p, r } of replies) {
      const o = outcome(r);
      if (p.twin) expect(["succeeded", "refused:busy", "pending"]).toContain(o);
      else expect(["succeeded", "refused:busy"]).toContain(o);
    }
    const succeeded = replies.filter(({ r }) => r.data!.outcome === "succeeded");
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    expect(replies.filter(({ r }) => outcome(r) === "refused:busy").length).toBeGreaterThanOrEqual(1);
    // Never two in flight: every sample saw at most one open operation (the lock is the payment's key).
    expect(maxOpen).toBeLessThanOrEqual(1);

    // A key never has a second row; both answers to a twin name the same operation.
    const ledger = await rows(orderId);
    const perKey = new Map<string, number>();
    for (const op of ledger) perKey.set(op.idempotencyKey, (perKey.get(op.idempotencyKey) ?? 0) + 1);
    for (const [key, n] of perKey) expect(n, key).toBe(1);
    for (const key of new Set(plan.filter((p) => p.twin).map((p) => p.key))) {
      const ids = replies
        .filter(({ p }) => p.key === key)
        .map(({ r }) => (r.data && "operation" in r.data ? r.data.operation?.id : undefined))
        .filter(Boolean);
      expect(new Set(ids).size, key).toBeLessThanOrEqual(1);
      if (ids.length) expect(ledger.find((op) => op.idempotencyKey === key)?.id).toBe(ids[0]);
    }
    // Every row answers somebody; a busy answer left no row of its own.
    const answered = new Set(
      replies.map(({ r }) => (r.data && "operation" in r.data ? r.data.operation?.id : undefined)).filter(Boolean),
    );
    expect(new Set(ledger.map((op) => op.id))).toEqual(answered);
    // Every operation is finished (pending answers were twins; their row completed meanwhile).
    await until("operations to finish", async () =>
      (await rows(orderId)).every((op) => op.state === "succeeded" || op.state === "failed"),
    );
    expect((await rows(orderId)).every((op) => op.state === "succeeded")).toBe(true);

    // What moved is what the ledger says, each row with the amount its own request asked for.
    const { captured, ops } = await vippsMatchesLedger(MAIN, orderId, RESERVED);
    for (const op of ops) expect(op.amount).toBe(plan.find((p) => p.key === op.idempotencyKey)!.ore);
    // Every key answered "succeeded" moved its amount; a twin answered so on both instances is one
    // operation (the second answer is the first one's result), so it counts once.
    const succeededKeys = new Map(succeeded.map(({ p }) => [p.key, p.ore]));
    expect(captured).toBeGreaterThanOrEqual([...succeededKeys.values()].reduce((s, ore) => s + ore, 0));
    expect(await locks(orderId)).toBe(0);
  });

  it("kill -9 between the ledger write and the answer, then restart: each operation settles to one movement or none, and the lock is freed", async () => {
    const RESERVED = 50_000;
    const sent = await reservedPayment(db.prisma, sim.url, units.get(AFTER_SEND)!, `KILL-SENT-${Date.now()}`, RESERVED);
    const unsent = await reservedPayment(
      db.prisma,
      sim.url,
      units.get(BEFORE_SEND)!,
      `KILL-UNSENT-${Date.now()}`,
      RESERVED,
    );
    const abandoned: Promise<unknown>[] = [];

    // A: the capture reaches the simulator, which applies it and then takes 20 s to answer.
    await control.fault({ msn: AFTER_SEND, endpoint: "capture", mode: "latency", latencyMs: 20_000, count: 1 });
    const keyA = randomUUID();
    abandoned.push(submit(a, AFTER_SEND, sent, 12_300, keyA).catch((e: Error) => e));
    const rowA = await until("A's ledger row, sent and applied at the simulator", async () => {
      const row = await db.prisma.moneyOperation.findUnique({ where: { idempotencyKey: keyA } });
      const atVipps = sim.store.state.payments[paymentKey(AFTER_SEND, sent)]?.log;
      return row && row.attempts >= 1 && atVipps?.some((e) => e.requestId === row.xRequestId) && row;
    });
    await a.kill9();

    // B: killed while GET /details of the fresh check is slow — nothing was sent.
    await control.fault({ msn: BEFORE_SEND, endpoint: "details", mode: "latency", latencyMs: 20_000, count: 1 });
    const keyB = randomUUID();
    abandoned.push(submit(b, BEFORE_SEND, unsent, 4_500, keyB).catch((e: Error) => e));
    const rowB = await until("B's ledger row, its fresh check under way", async () => {
      const row = await db.prisma.moneyOperation.findUnique({ where: { idempotencyKey: keyB } });
      const faultTaken = !sim.store.state.faults.some((f) => f.msn === BEFORE_SEND);
      return row && faultTaken && row;
    });
    await b.kill9();
    const killedAt = Date.now();
    for (const e of await Promise.all(abandoned)) expect(e, "the killed instance never answered").toBeInstanceOf(Error);

    // Both rows are left as a dead process leaves them: pending, the lock held.
    expect(await db.prisma.moneyOperation.findUnique({ where: { id: rowA.id } })).toMatchObject({
      state: "pending",
      attempts: 1,
    });
    expect(await db.prisma.moneyOperation.findUnique({ where: { id: rowB.id } })).toMatchObject({
      state: "pending",
      attempts: 0,
    });
    expect(await locks(sent)).toBe(1);
    expect(await locks(unsent)).toBe(1);

    await Promise.all([a.start(), b.start()]);
    const restartedMs = Date.now() - killedAt;
    const settled = await until(
      "the reconciler to settle both operations",
      async () => {
        const [x, y] = await Promise.all([
          db.prisma.moneyOperation.findUniqueOrThrow({ where: { id: rowA.id } }),
          db.prisma.moneyOperation.findUniqueOrThrow({ where: { id: rowB.id } }),
        ]);
        return (
          x.state !== "pending" && x.state !== "unknown" && y.state !== "pending" && y.state !== "unknown" && [x, y]
        );
      },
      STALE_MS + 30_000,
    );
    console.info(
      `[multi-instance] restarted in ${(restartedMs / 1000).toFixed(1)} s; settled ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kills (MONEY_STALE_PENDING_MS=${STALE_MS})`,
    );

    // Sent and applied: succeeded, exactly one movement. Never sent: failed as interrupted, none.
    expect(settled[0]).toMatchObject({ state: "succeeded", amount: 12_300 });
    expect(settled[1]).toMatchObject({ state: "failed", errorCode: "interrupted" });
    expect((await vippsMatchesLedger(AFTER_SEND, sent, RESERVED)).captured).toBe(12_300);
    expect((await vippsMatchesLedger(BEFORE_SEND, unsent, RESERVED)).captured).toBe(0);
    expect(await locks(sent)).toBe(0);
    expect(await locks(unsent)).toBe(0);

    // The same key again (the person presses "capture" on the stale dialog) answers the settled row.
    const again = await submit(b, AFTER_SEND, sent, 12_300, keyA);
    expect(again.data).toMatchObject({ outcome: "succeeded", operation: { id: rowA.id } });

    // The payments are free again, through the restarted instances.
    for (const [app, msn, orderId] of [
      [a, BEFORE_SEND, unsent],
      [b, AFTER_SEND, sent],
    ] as const) {
      const r = await submit(app, msn, orderId, 1_000, randomUUID());
      expect(r.data, JSON.stringify(r)).toMatchObject({ outcome: "succeeded" });
    }
    expect((await vippsMatchesLedger(AFTER_SEND, sent, RESERVED)).captured).toBe(13_300);
    expect((await vippsMatchesLedger(BEFORE_SEND, unsent, RESERVED)).captured).toBe(1_000);
    // Both instances (and the killed ones, mid-transaction) audited into one unbroken hash chain.
    expect(await checkAuditChain(db.prisma)).toMatchObject({ intact: true });
  });
});
