// CSV for the history export, two ways.
// Standard: RFC 4180 (comma, CRLF, fields quoted when needed, quotes doubled), amounts as integer
// øre and as kroner with a dot decimal, made from integers (never a float), and timestamps in ISO
// 8601 UTC (for scripts) and as Oslo wall-clock time (for people).
// Excel (Norwegian): what Excel with Norwegian settings opens by double-click — UTF-8 with a BOM (or
// it reads the bytes as Windows-1252: "Ã¸" for "ø"), semicolons (the list separator where the comma
// is the decimal sign), kroner with a decimal comma, and "2026-03-29 14:30:00" Oslo time, which
// Excel takes as a date and time. Column names and statuses in the reader's language.
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { HistoryRow } from "@/lib/payments/history/query";
import { osloDateTime } from "@/lib/payments/history/dates";

export const CSV_HEADER = [
  "msn",
  "order_id",
  "status",
  "amount_ore",
  "amount_nok",
  "captured_ore",
  "captured_nok",
  "refunded_ore",
  "refunded_nok",
  "created_at_utc",
  "created_at_oslo",
  "transaction_text",
  "bin",
] as const;

/** 123450 → "1234.50", -5 → "-0.05". Integer arithmetic only. */
export function oreToKroner(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new TypeError(`Amount must be an integer number of øre, got ${ore}`);
  const abs = Math.abs(ore);
  return `${ore < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * One field. Free text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start)
 * gets a leading apostrophe (OWASP "CSV injection"); plain orderIds and numbers are left alone.
 */
export function csvField(value: string | number | null, opts: { text?: boolean; sep?: "," | ";" } = {}): string {
  if (value === null) return "";
  let s = String(value);
  if (opts.text && /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) && !/^[A-Za-z0-9-]+$/.test(s)) s = `'${s}`;
  const special = opts.sep === ";" ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: string[], sep: "," | ";" = ","): string {
  return `${fields.join(sep)}\r\n`;
}

export function csvRow(r: HistoryRow): string {
  return csvLine([
    csvField(r.msn),
    csvField(r.orderId, { text: true }),
    csvField(r.status),
    csvField(r.amount),
    csvField(oreToKroner(r.amount)),
    csvField(r.capturedAmount),
    csvField(oreToKroner(r.capturedAmount)),
    csvField(r.refundedAmount),
    csvField(oreToKroner(r.refundedAmount)),
    csvField(r.createdAt.toISOString()),
    csvField(osloDateTime(r.createdAt)),
    csvField(r.transactionText, { text: true }),
    csvField(r.bankIdentificationNumber),
  ]);
}

export const csvHeaderLine = () => csvLine([...CSV_HEADER]);

/** The byte order mark Excel needs to read a CSV as UTF-8. */
export const BOM = "\uFEFF";

/** Words for the Excel CSV: its column names and the status names, in the reader's language. */
export interface ExcelCsvText {
  columns: Record<(typeof EXCEL_COLUMNS)[number], string>;
  statuses: Record<PaymentStatus, string>;
}

export const EXCEL_COLUMNS = [
  "msn",
  "orderId",
  "status",
  "amount",
  "captured",
  "refunded",
  "created",
  "text",
  "bin",
] as const;

/** 123450 → "1234,50": kroner with a decimal comma and no thousands separator (Excel reads it as a number). */
export const oreToKronerComma = (ore: number) => oreToKroner(ore).replace(".", ",");

export function excelHeaderLine(t: ExcelCsvText): string {
  return (
    BOM +
    csvLine(
      EXCEL_COLUMNS.map((c) => csvField(t.columns[c], { sep: ";" })),
      ";",
    )
  );
}

export function excelRow(r: HistoryRow, t: ExcelCsvText): string {
  const f = (v: string | number | null, text = false) => csvField(v, { sep: ";", text });
  return csvLine(
    [
      f(r.msn),
      f(r.orderId, true),
      f(t.statuses[r.status]),
      f(oreToKronerComma(r.amount)),
      f(oreToKronerComma(r.capturedAmount)),
      f(oreToKronerComma(r.refundedAmount)),
      f(osloDateTime(r.createdAt)),
      f(r.transactionText, true),
      f(r.bankIdentificationNumber),
    ],
    ";",
  );
}

/** A byte stream of the header and every row the iterator yields; pulls one batch per read. */
export function csvStream(
  batches: AsyncIterator<HistoryRow[]>,
  onError: (err: unknown) => void,
  excel?: ExcelCsvText,
): ReadableStream<Uint8Array> {
  return excel
    ? csvLinesStream(excelHeaderLine(excel), batches, (r) => excelRow(r, excel), onError)
    : csvLinesStream(csvHeaderLine(), batches, csvRow, onError);
}

/** A CSV body produced batch by batch as the client reads (any rows: history, the API log). */
export function csvLinesStream<R>(
  header: string,
  batches: AsyncIterator<R[]>,
  line: (row: R) => string,
  onError: (err: unknown) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(header));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(line).join("")));
      } catch (err) {
        onError(err);
        controller.error(err);
      }
    },
    async cancel() {
      // The browser went away: stop reading the database.
      await batches.return?.(undefined);
    },
  });
}
