import { captureQueries, openPgBenchDb } from "./clients";
import { writeCalls } from "@/lib/api-log/rollups";
import { benchMsn, prng } from "./shape";
import type { Prisma } from "@/generated/prisma/client";

async function main() {
  const db = await openPgBenchDb("prof", "postgres://postgres:postgres@127.0.0.1:5432/mo_bench_errors");
  const per = new Map<string, number[]>();
  const totals: number[] = [];
  for (let b = 0; b < 12; b++) {
    const rnd = prng(b + 1);
    const now = Date.now();
    const rows: Prisma.ApiCallLogCreateManyInput[] = Array.from({ length: 1000 }, (_, i) => {
      const e = rnd();
      return {
        at: new Date(now - Math.floor(rnd() * 300_000)),
        msn: benchMsn(Math.floor(rnd() * 50)),
        environment: "production",
        operation: ["details", "capture", "initiate", "refund", "cancel"][Math.floor(rnd() * 5)]!,
        method: "POST",
        path: "/x",
        orderId: `PROF-${b}-${i}`,
        requestId: `req-${b}-${i}`,
        durationMs: Math.round(40 + rnd() * 400),
        httpStatus: e < 0.03 ? 400 : e < 0.05 ? 429 : 200,
        errorGroup: e < 0.03 ? "Payment" : null,
        errorCode: e < 0.03 ? "61" : null,
        source: "shop",
      };
    });
    const t = performance.now();
    const { queries } = await captureQueries(() => writeCalls(db.logging, rows));
    totals.push(performance.now() - t);
    if (b < 2) continue;
    for (const q of queries) {
      const m = /INSERT INTO "(\w+)"/.exec(q.sql);
      const k = m ? m[1]! : q.sql.slice(0, 30);
      per.set(k, [...(per.get(k) ?? []), q.durationMs]);
    }
  }
  for (const [k, v] of per) console.log(k.padEnd(30), (v.reduce((a, b) => a + b, 0) / v.length).toFixed(1), "ms");
  console.log("total", totals.map((x) => x.toFixed(0)).join(" "));
  await db.close();
}
void main();
