// A user's CSV upload: parse (file-level problems refuse the whole file before anything is written),
// then register each good row within the user's own sales units, and report every row.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit as writeAudit, type AuditOutcome } from "@/lib/audit";
import { assertCan, canSeeMsn, type Actor } from "@/lib/auth/permissions";
import type { DetailsClient } from "@/lib/payments/reconciler/reconciler";
import { parsePaymentsCsv, type CsvFileError } from "./csv";
import { countResults, registerPayments, type RegisterResult } from "./register";
import type { RegisterStatus } from "./problems";

export interface CsvImportDeps {
  db: PrismaClient;
  clientFor: (msn: string) => Promise<DetailsClient>;
  now?: () => Date;
  concurrency?: number;
}

export type CsvImportReport =
  { ok: true; rows: RegisterResult[]; counts: Record<RegisterStatus, number> } | { ok: false; error: CsvFileError };

export async function importPaymentsCsv(
  deps: CsvImportDeps,
  actor: Actor | null,
  bytes: Uint8Array,
  fileName = "",
): Promise<CsvImportReport> {
  assertCan(actor, "payments:read");
  const audit = (outcome: AuditOutcome, details: Record<string, string | number>) =>
    writeAudit(deps.db, {
      action: "csv_imported",
      outcome,
      who: actor,
      details: { fileName: fileName.slice(0, 200), bytes: bytes.byteLength, ...details },
    });

  const parsed = parsePaymentsCsv(bytes);
  if (!parsed.ok) {
    await audit("refused", { reason: parsed.error.code });
    return { ok: false, error: parsed.error };
  }
  const items = parsed.rows.map((r) => ({
    ref: r.row,
    msn: r.msn,
    orderId: r.orderId,
    amount: r.amount,
    problem: r.problem,
  }));
  const rows = await registerPayments(
    {
      db: deps.db,
      clientFor: deps.clientFor,
      mayRegister: (msn) => canSeeMsn(actor, msn),
      concurrency: deps.concurrency,
      now: deps.now,
      refKind: "row",
    },
    items,
  );
  const counts = countResults(rows);
  await audit("success", { rows: rows.length, ...counts });
  return { ok: true, rows, counts };
}
