import { captureQueries, openPgBenchDb } from "./clients";
import { explain } from "./explain";
import { benchActors } from "./errors-measure";
import { loadDashboard, type RangeName } from "@/lib/api-errors/dashboard";
import { benchMsn } from "./shape";

async function main() {
  const [dbName, range, who] = process.argv.slice(2) as [string, RangeName, "admin" | "developer"];
  const db = await openPgBenchDb("x", `postgres://postgres:postgres@127.0.0.1:5432/${dbName}`);
  const r = await db.sql.query<{ at: Date }>(
    `SELECT max(at) FILTER (WHERE "orderId" LIKE 'FS-%' AND "errorGroup" IS DISTINCT FROM 'BenchFresh') AS at FROM "ApiCallLog"`,
  );
  const now = new Date(r.rows[0]!.at);
  const actors = await benchActors(db.prisma, [benchMsn(0), benchMsn(9), benchMsn(29)]);
  for (let i = 0; i < 5; i++) await loadDashboard(db.prisma, actors[who], { range }, now);
  const t = performance.now();
  for (let i = 0; i < 10; i++) await loadDashboard(db.prisma, actors[who], { range }, now);
  console.log("avg ms", ((performance.now() - t) / 10).toFixed(1));
  const { queries } = await captureQueries(() => loadDashboard(db.logging, actors[who], { range }, now));
  await db.sql.query("SET max_parallel_workers_per_gather = 0");
  for (const [i, q] of queries.entries()) {
    if (q.sql.includes("SET LOCAL") || q.sql === "BEGIN" || q.sql === "COMMIT") continue;
    const e = await explain(db.sql, `#${i}`, q);
    console.log(`#${i} exec ${e.executionMs.toFixed(1)} plan ${e.planningMs.toFixed(1)} hit ${e.sharedHit} read ${e.sharedRead}`);
    if (e.executionMs > 3 && process.env.PLAN) console.log(e.plan.slice(0, 8000));
  }
  await db.close();
}
void main();
