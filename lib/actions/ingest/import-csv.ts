"use server";
// The CSV upload's action: the file is checked and registered by importPaymentsCsv
// (lib/ingest/csv-import.ts); this turns the report into the user's language.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { CSV_MAX_BYTES } from "@/lib/ingest/csv";
import { importPaymentsCsv } from "@/lib/ingest/csv-import";
import { problemText, type RegisterStatus } from "@/lib/ingest/problems";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { ecomClientFor } from "@/lib/payments/vipps";

export interface ImportRow {
  row: number;
  msn: string;
  orderId: string;
  status: RegisterStatus;
  message: string;
}

export interface ImportCsvState {
  error?: string;
  fileName?: string;
  rows?: ImportRow[];
  counts?: Record<RegisterStatus, number>;
}

const input = z.object({ file: z.instanceof(File) });

export async function importCsvAction(_prev: ImportCsvState, form: FormData): Promise<ImportCsvState> {
  const { t } = await getI18n();
  const texts = t.ingest.import;
  const actor = await getActor();
  if (!actor || !can(actor, "payments:read")) return { error: t.forbidden.title };
  const parsed = input.safeParse({ file: form.get("file") });
  if (!parsed.success || (parsed.data.file.size === 0 && parsed.data.file.name === ""))
    return { error: texts.chooseFile };
  const file = parsed.data.file;
  // Refused before reading it into memory.
  if (file.size > CSV_MAX_BYTES)
    return { error: interpolate(texts.errors.too_large, { max: "2 MB" }), fileName: file.name };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const report = await importPaymentsCsv({ db: await db(), clientFor: ecomClientFor }, actor, bytes, file.name);
    if (!report.ok)
      return { error: interpolate(texts.errors[report.error.code], report.error.params ?? {}), fileName: file.name };
    const rows = report.rows.map((r) => ({
      row: r.ref,
      msn: r.msn,
      orderId: r.orderId,
      status: r.status,
      message: [r.problem, r.warning].flatMap((p) => (p ? [problemText(t.ingest.problems, p)] : [])).join(" "),
    }));
    return { fileName: file.name, rows, counts: report.counts };
  } catch (err) {
    const ref = randomUUID().slice(0, 8);
    console.error(`[import-csv ${ref}]`, err);
    return { error: interpolate(texts.errors.unexpected, { ref }), fileName: file.name };
  }
}
