// npm run bench -- audit: what the audit trail's hash chain costs an insert. 10,000 audit rows with
// the chain trigger on and 10,000 with it off, in interleaved blocks of 500 (on, off, on, …) so
// machine load lands on both alike; one writer, and on PostgreSQL also 8 concurrent writers (two
// pools, as two app instances), where the chain's lock makes inserts take turns. Reports only.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import { checkAuditChain } from "@/lib/audit/chain";
import { forEachLimit } from "@/lib/concurrency";
import { openDirect } from "@/lib/db/direct";
import { DEFAULT_ADMIN_URL, freshPgDb, freshPgliteDb, withPgClient } from "./databases";

const ROWS = 10_000;
const BLOCK = 500;

const row = (i: number) =>
  ({
    action: "payment_viewed",
    outcome: "success",
    who: { id: "0b6f1b9e-3c1a-4f6e-9a51-2d3c4b5a6e7f", email: "bench@example.no" },
    msn: "212345",
    orderId: `ORD-${i}`,
    details: { i, kind: "bench" },
  }) as const;

/** Total ms for ROWS inserts each way, written in interleaved blocks by `writers` at once. */
async function measure(pools: PrismaClient[], writers: number) {
  const total = { on: 0, off: 0 };
  let n = 0;
  for (let b = 0; b < (2 * ROWS) / BLOCK; b++) {
    const mode = b % 2 === 0 ? "on" : "off";
    await pools[0]!.$executeRawUnsafe(
      `ALTER TABLE "AuditLog" ${mode === "on" ? "ENABLE" : "DISABLE"} TRIGGER "AuditLog_chain"`,
    );
    const t = performance.now();
    await forEachLimit(
      Array.from({ length: BLOCK }, (_, i) => n + i),
      writers,
      (i) => audit(pools[i % pools.length]!, row(i)),
    );
    total[mode] += performance.now() - t;
    n += BLOCK;
  }
  await pools[0]!.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_chain"`);
  return total;
}

function report(label: string, t: { on: number; off: number }) {
  const per = (ms: number) => `${((ms / ROWS) * 1000).toFixed(0)} µs/row`;
  console.log(
    `  ${label.padEnd(34)} chain on ${(t.on / 1000).toFixed(2)} s (${per(t.on)}), off ${(t.off / 1000).toFixed(2)} s ` +
      `(${per(t.off)}): ×${(t.on / t.off).toFixed(2)}`,
  );
}

export async function runAuditBench(): Promise<void> {
  console.log(`\n[audit] ${ROWS.toLocaleString("en-GB")} audit inserts with and without the hash chain trigger`);
  const dir = mkdtempSync(path.join(tmpdir(), "mo-bench-audit-"));
  try {
    await freshPgliteDb(path.join(dir, "pglite"));
    const lite = await openDirect({ driver: "pglite", dir: path.join(dir, "pglite") });
    try {
      report("PGlite (file), 1 writer", await measure([lite.prisma], 1));
    } finally {
      await lite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const reachable = await withPgClient(DEFAULT_ADMIN_URL, async () => true).catch(() => false);
  if (!reachable) return console.log("  PostgreSQL not reachable: skipped");
  const { url } = await freshPgDb(DEFAULT_ADMIN_URL, "mo_bench_audit");
  const [a, b] = [await openDirect({ driver: "pg", url }), await openDirect({ driver: "pg", url })];
  try {
    // The check's speed: 100,000 linked rows written in one statement (the trigger runs per row).
    let t = performance.now();
    await a.prisma.$executeRawUnsafe(`INSERT INTO "AuditLog" ("action", "outcome", "details")
      SELECT 'payment_viewed', 'success', jsonb_build_object('i', g) FROM generate_series(1, 100000) g`);
    console.log(`  PostgreSQL, 100,000 rows in one INSERT … SELECT: ${((performance.now() - t) / 1000).toFixed(2)} s`);
    t = performance.now();
    const chain = await checkAuditChain(a.prisma);
    console.log(
      `  npm run audit:check's walk over ${chain.rows.toLocaleString("en-GB")} rows: ` +
        `${((performance.now() - t) / 1000).toFixed(2)} s (${chain.intact ? "intact" : "broken"})`,
    );
    report("PostgreSQL, 1 writer", await measure([a.prisma], 1));
    report("PostgreSQL, 8 writers in 2 pools", await measure([a.prisma, b.prisma], 8));
  } finally {
    await a.close();
    await b.close();
    await withPgClient(DEFAULT_ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS mo_bench_audit WITH (FORCE)`));
  }
}
