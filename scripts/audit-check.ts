// npm run audit:check — walks the audit trail's hash chain in id order (in batches, so any size) and
// says "N rows, chain intact" or names the first row whose link is broken; exit code 1 when broken.
// Uses the app's database (PGlite or PostgreSQL, from the same settings as the app). The embedded
// database belongs to one process: on PGlite, run it while the app is stopped.
import { checkAuditChain } from "@/lib/audit/chain";
import { closeDb, db } from "@/lib/db/client";

const started = Date.now();
let reported = 0;
try {
  const result = await checkAuditChain(await db(), {
    onProgress: (rows) => {
      if (rows - reported < 100_000) return;
      reported = rows;
      console.error(`… ${rows.toLocaleString("en-GB")} rows checked`);
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.intact) {
    console.log(`${result.rows.toLocaleString("en-GB")} rows, chain intact (last hash ${result.head}; ${seconds} s)`);
  } else {
    const what =
      result.problem === "hash"
        ? "hash mismatch: the row's content is not what was hashed when it was written (it was edited)"
        : "prevHash mismatch: the row does not follow the one before it (a row before it was removed, " +
          "inserted, or edited and re-hashed)";
    console.log(`Chain broken at row ${result.id} (row ${result.rows.toLocaleString("en-GB")} in id order): ${what}.`);
    console.log(`  expected ${result.expected}\n  found    ${result.found}`);
    process.exitCode = 1;
  }
} finally {
  await closeDb();
}
