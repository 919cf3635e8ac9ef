"use server";
// The CSV upload: the file is checked and registered by importPaymentsCsv (lib/ingest/csv-import.ts);
// this turns the report into the user's language. A body over the action limit never gets here:
// proxy.ts answers 413 first.
import { z } from "zod";
import { zfd } from "zod-form-data";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { CSV_MAX_BYTES } from "@/lib/ingest/csv";
import { importPaymentsCsv } from "@/lib/ingest/csv-import";
import { problemText, type RegisterStatus } from "@/lib/ingest/problems";
import { interpolate } from "@/lib/i18n/locales";
import { ecomClientFor } from "@/lib/payments/sync/vipps";

export interface ImportRow {
  row: number;
  msn: string;
  orderId: string;
  status: RegisterStatus;
  message: string;
}

export type ImportCsvResult =
  | { ok: false; error: string; fileName: string }
  | { ok: true; fileName: string; rows: ImportRow[]; counts: Record<RegisterStatus, number> };

const importCsvInput = zfd.formData({
  file: z
    .instanceof(File, { error: "fileRequired" })
    .refine((f) => f.size > 0 || f.name !== "", { error: "fileRequired" }),
});

export const importCsvAction = actionClient
  .metadata({ name: "import-csv", permission: "payments:read" })
  .inputSchema(importCsvInput, translatedErrors)
  .stateAction(async ({ parsedInput: { file }, ctx }): Promise<ImportCsvResult> => {
    const texts = ctx.t.ingest.import;
    const fileName = file.name;
    // Refused before reading it into memory.
    if (file.size > CSV_MAX_BYTES)
      return { ok: false, error: interpolate(texts.errors.too_large, { max: "2 MB" }), fileName };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const report = await importPaymentsCsv({ db: await db(), clientFor: ecomClientFor }, ctx.actor, bytes, fileName);
    if (!report.ok)
      return { ok: false, error: interpolate(texts.errors[report.error.code], report.error.params ?? {}), fileName };
    const rows = report.rows.map((r) => ({
      row: r.ref,
      msn: r.msn,
      orderId: r.orderId,
      status: r.status,
      message: [r.problem, r.warning].flatMap((p) => (p ? [problemText(ctx.t.ingest.problems, p)] : [])).join(" "),
    }));
    return { ok: true, fileName, rows, counts: report.counts };
  });
