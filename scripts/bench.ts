// npm run bench — performance numbers, reported, never failing CI:
//   1. simulator throughput (details, parallel clients, separate process),
//   2. the eCom client's overhead on a capture (p50/p95) against a raw HTTP call,
//   3. the demo seed (5,000 payments through simulator and client into a file-backed PGlite),
//   4. money: the app's overhead on a capture, and 1,000 property runs (scripts/bench-money.ts),
//   5. payments: the customer-service read paths at 1M payments (scripts/bench-payments.ts),
//   6. load, only when named (`npm run bench -- load`, about 6 minutes): 50 readers and 5 money
//      operations a second against one `next start`, on PostgreSQL and PGlite (scripts/bench-load.ts),
//   7. errors, only when named (`npm run bench -- errors`, about 20 minutes): the API error dashboard at
//      5,000,000 calls — server time, ingest, freshness, JavaScript size (scripts/bench-errors.ts).
//   8. audit, only when named (`npm run bench -- audit`, about 2 minutes): what the audit trail's hash
//      chain trigger costs an insert, and the chain check's speed (scripts/bench/audit.ts).
// `npm run bench -- capture payments` runs only those parts; flags (--…) go to the payments bench.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { rollupSink } from "@/lib/api-log/writer";
import { openDirect } from "@/lib/db/direct";
import { applyMigrations } from "@/lib/db/migrations";
import { TokenCache } from "@/lib/ecom";
import { seedDemoPayments } from "@/lib/seed/payments";
import { SimControl, simulatorClient } from "@/lib/seed/sim-control";
import { runAuditBench } from "./bench/audit";
import { runErrorsBench } from "./bench-errors";
import { runLoadBench } from "./bench-load";
import { runMoneyBench } from "./bench-money";
import { runPaymentsBench } from "./bench-payments";

const PORT = 3190;
const url = `http://127.0.0.1:${PORT}`;
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith("--"));
const flags = args.filter((a) => a.startsWith("--"));
const want = (name: string) => only.length === 0 || only.includes(name);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

if (["throughput", "capture", "seed"].some(want)) await simulatorBenches();
if (want("money")) await runMoneyBench().catch((err) => console.error(`money bench failed: ${(err as Error).stack}`));
if (only.includes("load")) {
  await runLoadBench().catch((err) => console.error(`load bench failed: ${(err as Error).stack}`));
}
if (only.includes("errors")) {
  await runErrorsBench().catch((err) => console.error(`errors bench failed: ${(err as Error).stack}`));
}
if (only.includes("audit")) {
  await runAuditBench().catch((err) => console.error(`audit bench failed: ${(err as Error).stack}`));
}
if (want("payments")) {
  // Reports only: a failure is printed, never turned into a failing exit code.
  await runPaymentsBench(flags).catch((err) => console.error(`payments bench failed: ${(err as Error).stack}`));
}

async function simulatorBenches(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "mo-bench-"));
  const child = spawn(process.execPath, ["--import", "tsx", "simulator/main.ts"], {
    env: { ...process.env, SIMULATOR_PORT: String(PORT), DATA_DIR: dir },
    stdio: "ignore",
  });
  try {
    const control = new SimControl(url);
    for (let i = 0; i < 100; i++) {
      try {
        await control.health();
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await control.patchSettings({ rateLimitsEnabled: false });
    const unit = await control.createUnit("299001", "Bench", "reserve");
    const sink = { record: () => {} };
    const client = simulatorClient(url, unit, {
      sink,
      tokenCache: new TokenCache(),
    });
    const { url: payUrl } = await client.initiatePayment({
      orderId: "bench-1",
      amount: 100_000_000,
      transactionText: "Bench",
      callbackPrefix: "http://127.0.0.1:9/cb",
      fallBack: "https://x.example/",
    });
    await client.approvePaymentIntegrationTest({
      orderId: "bench-1",
      token: new URL(payUrl).searchParams.get("token")!,
    });
    const token = (await client.fetchAccessToken()).accessToken;
    const headers = {
      Authorization: `Bearer ${token}`,
      "Ocp-Apim-Subscription-Key": unit.subscriptionKey,
      "Merchant-Serial-Number": unit.msn,
      "Content-Type": "application/json",
    };

    if (want("throughput")) {
      for (const concurrency of [1, 16, 64]) {
        let done = 0;
        const until = Date.now() + 4000;
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (Date.now() < until) {
              const res = await fetch(`${url}/ecomm/v2/payments/bench-1/details`, { headers });
              await res.arrayBuffer();
              done++;
            }
          }),
        );
        console.log(`simulator throughput, GET details, ${concurrency} parallel: ${Math.round(done / 4)} req/s`);
      }
    }

    if (want("capture")) {
      const raw: number[] = [];
      const viaClient: number[] = [];
      for (let i = 0; i < 400; i++) {
        const body = JSON.stringify({
          merchantInfo: { merchantSerialNumber: unit.msn },
          transaction: { amount: 100, transactionText: "Bench" },
        });
        let t = performance.now();
        const res = await fetch(`${url}/ecomm/v2/payments/bench-1/capture`, {
          method: "POST",
          headers: { ...headers, "X-Request-Id": `raw-${i}` },
          body,
        });
        await res.json();
        raw.push(performance.now() - t);
        t = performance.now();
        await client.capturePayment({
          orderId: "bench-1",
          amount: 100,
          transactionText: "Bench",
          requestId: `client-${i}`,
        });
        viaClient.push(performance.now() - t);
      }
      const w = 50; // warm-up rounds left out
      const r = raw.slice(w);
      const c = viaClient.slice(w);
      console.log(`capture, raw HTTP: p50 ${ms(pct(r, 50))}, p95 ${ms(pct(r, 95))}`);
      console.log(`capture, eCom client: p50 ${ms(pct(c, 50))}, p95 ${ms(pct(c, 95))}`);
      console.log(
        `client overhead: p50 ${ms(pct(c, 50) - pct(r, 50))}, p95 ${ms(pct(c, 95) - pct(r, 95))} (validation, zod parsing, masking, log record)`,
      );
    }

    if (want("seed")) {
      const handle = await openDirect({ driver: "pglite", dir: path.join(dir, "pglite") });
      await applyMigrations(handle.migrationAdapter);
      const logSink = rollupSink(async () => handle.prisma, { batchSize: 500 });
      const started = Date.now();
      const result = await seedDemoPayments({
        simulatorUrl: url,
        prisma: handle.prisma,
        sink: logSink,
        encryptionKey: Buffer.alloc(32, 1),
        callbackPrefix: "http://127.0.0.1:9/api/vipps",
        count: 5000,
      });
      await logSink.flush();
      console.log(
        `demo seed: ${result.payments} payments, ${result.apiCalls} API calls, ${((Date.now() - started) / 1000).toFixed(1)} s (target ≤ 60 s)`,
      );
      await handle.close();
    }
  } finally {
    child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}
