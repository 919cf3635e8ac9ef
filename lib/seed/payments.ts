// Plays the demo plan (lib/seed/scenarios.ts) through the simulator and the eCom client, on the
// simulator's clock, then records what GET /details says in our database. Nothing is written to
// the payment tables directly from the plan: what the dashboard shows came through the API.
import { forEachLimit } from "@/lib/concurrency";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ApiLogSink } from "@/lib/api-log/types";
import { encrypt } from "@/lib/crypto";
import { createEcomClient, isEcomError, TokenCache, type EcomClient, type PaymentDetails } from "@/lib/ecom";
import { insertPayments } from "@/lib/payments/sync/sync";
import { DEMO_UNITS, planDemo, type PlannedPayment, type Step } from "./scenarios";
import { SimControl, type SimUnit } from "./sim-control";
import { provokeApiErrors } from "./api-errors";

export interface DemoSeedOptions {
  simulatorUrl: string;
  prisma: PrismaClient;
  sink: ApiLogSink;
  encryptionKey: Buffer;
  /** Where the simulator sends callbacks (the app's callback endpoint). */
  callbackPrefix: string;
  count?: number;
  now?: number;
  concurrency?: number;
}

const BUCKET = 3_600_000;
const USER_STEPS = new Set(["approve", "reject", "fail"]);

export async function seedDemoPayments(
  o: DemoSeedOptions,
): Promise<{ payments: number; apiCalls: number; ms: number }> {
  const started = Date.now();
  const now = o.now ?? Date.now();
  const sim = new SimControl(o.simulatorUrl);
  await sim.reset();
  await sim.patchSettings({ rateLimitsEnabled: true });
  let clock = now;
  const tokens = new TokenCache();
  let calls = 0;
  const sink: ApiLogSink = { record: (r) => (calls++, o.sink.record(r)) };

  const units = new Map<string, { sim: SimUnit; client: EcomClient }>();
  for (const u of DEMO_UNITS) {
    const simUnit = await sim.createUnit(u.msn, u.name, u.captureType);
    const credentials = {
      clientId: simUnit.clientId,
      clientSecret: simUnit.clientSecret,
      subscriptionKey: simUnit.subscriptionKey,
    };
    await o.prisma.salesUnit.upsert({
      where: { msn: u.msn },
      create: {
        msn: u.msn,
        name: u.name,
        environment: "simulator",
        captureType: u.captureType,
        credentialsEncrypted: encrypt(JSON.stringify(credentials), o.encryptionKey, u.msn),
      },
      update: {
        name: u.name,
        captureType: u.captureType,
        credentialsEncrypted: encrypt(JSON.stringify(credentials), o.encryptionKey, u.msn),
      },
    });
    const client = createEcomClient({
      salesUnit: { msn: u.msn, environment: "simulator", credentials },
      baseUrl: o.simulatorUrl,
      sink,
      now: () => clock,
      tokenCache: tokens,
      sleep: async () => {},
    });
    units.set(u.msn, { sim: simUnit, client });
  }

  const plan = planDemo(o.count ?? 5000, now);
  // Payments the user is still looking at right now are started last, at the real time, so that
  // bucketing cannot age them past the 10-minute timeout.
  const live = plan.filter((p) => p.steps.length === 0 && now - p.at < 10 * 60_000);
  const timeline = plan.filter((p) => !live.includes(p));
  // Every action on the timeline, grouped into 1-hour buckets: the clock is set once per bucket (to
  // its first action) and the bucket's payments run in parallel, each payment's own steps in order.
  // The user's answer goes in the same bucket as the initiate, so the 10-minute timeout never hits it.
  type Action = { p: PlannedPayment; step: Step | "initiate"; at: number };
  const actions: Action[] = timeline.flatMap((p) => [
    { p, step: "initiate" as const, at: p.at },
    ...p.steps.map((s) => ({ p, step: s, at: USER_STEPS.has(s.kind) ? p.at : Math.min(s.at, now - 1000) })),
  ]);
  actions.sort((a, b) => a.at - b.at);
  const buckets = new Map<number, Action[]>();
  for (const a of actions) {
    const k = Math.floor(a.at / BUCKET);
    buckets.set(k, [...(buckets.get(k) ?? []), a]);
  }
  for (const [k, list] of [...buckets.entries()].sort((a, b) => a[0] - b[0])) {
    clock = Math.min(Math.max(k * BUCKET, list[0]!.at), now);
    await sim.setClock(clock);
    const perPayment = new Map<PlannedPayment, Action[]>();
    for (const a of list) perPayment.set(a.p, [...(perPayment.get(a.p) ?? []), a]);
    await forEachLimit([...perPayment.values()], o.concurrency ?? 24, async (chain) => {
      for (const a of chain) await play(units.get(a.p.msn)!.client, sim, a.p, a.step, o.callbackPrefix);
    });
  }

  clock = now;
  await sim.setClock(now);
  for (const p of live) await play(units.get(p.msn)!.client, sim, p, "initiate", o.callbackPrefix);
  await provokeApiErrors(sim, units, o.simulatorUrl, sink, () => clock);

  const fetched: { msn: string; details: PaymentDetails }[] = [];
  await forEachLimit(plan, o.concurrency ?? 24, async (p) => {
    fetched.push({ msn: p.msn, details: await units.get(p.msn)!.client.getPaymentDetails(p.orderId) });
  });
  await insertPayments(o.prisma, fetched, new Date(now));
  return { payments: fetched.length, apiCalls: calls, ms: Date.now() - started };
}

async function play(
  client: EcomClient,
  sim: SimControl,
  p: PlannedPayment,
  step: Step | "initiate",
  callbackPrefix: string,
) {
  try {
    if (step === "initiate") {
      await client.initiatePayment({
        orderId: p.orderId,
        amount: p.amount,
        transactionText: p.text,
        callbackPrefix,
        fallBack: "https://fjellsport.example/takk",
      });
      return;
    }
    const requestId = `${p.orderId}-${step.kind}-${step.at}`.slice(-40);
    switch (step.kind) {
      case "approve":
        return await sim.user(p.msn, p.orderId, "approve", { bin: step.bin });
      case "reject":
        return await sim.user(p.msn, p.orderId, "reject");
      case "timeout":
        // Usually the clock has already moved past the 10 minutes and the simulator timed it out.
        return await sim.user(p.msn, p.orderId, "timeout").catch(() => undefined);
      case "fail":
        return await sim.user(p.msn, p.orderId, "fail", { code: step.code });
      case "capture":
        await client.capturePayment({
          orderId: p.orderId,
          amount: step.amount,
          transactionText: `Sendt – ${p.orderId}`,
          requestId,
        });
        return;
      case "refund":
        await client.refundPayment({
          orderId: p.orderId,
          amount: step.amount,
          transactionText: `Retur – ${p.orderId}`,
          requestId,
        });
        return;
      case "cancel":
        await client.cancelPayment({
          orderId: p.orderId,
          transactionText: step.release ? "Resten frigis" : "Kansellert",
          shouldReleaseRemainingFunds: step.release === true,
        });
        return;
    }
  } catch (err) {
    // Refusals the plan provokes on purpose (61, 71) are part of the story; anything else is a bug.
    if (isEcomError(err) && err.httpStatus === 400) return;
    throw err;
  }
}
