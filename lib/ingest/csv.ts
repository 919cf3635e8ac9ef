// The CSV of payments to import: a header row naming msn and orderId (any order, optionally amount),
// then one payment per row. Parsed by hand (RFC 4180 quoting, CRLF or LF, a UTF-8 BOM, comma or the
// semicolon Norwegian spreadsheets write). File-level problems refuse the whole file before anything
// is written; row-level problems are reported per row and the row is skipped.
import { type Problem } from "./problems";
import { MSN_PATTERN, ORDER_ID_PATTERN } from "@/lib/ids";

export const CSV_MAX_BYTES = 2 * 1024 * 1024;
export const CSV_MAX_ROWS = 10_000;

export type CsvFileError =
  | { code: "too_large"; params: { max: string } }
  | { code: "binary" | "not_utf8" | "empty" | "no_rows"; params?: undefined }
  | { code: "bad_header"; params: { found: string } }
  | { code: "too_many_rows"; params: { found: number; max: number } }
  | { code: "unclosed_quote"; params: { row: number } };

export interface CsvRow {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  msn: string;
  orderId: string;
  amount?: number;
  problem?: Problem;
}

export type CsvParse = { ok: true; rows: CsvRow[] } | { ok: false; error: CsvFileError };

const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f]/;
const COLUMNS = ["msn", "orderid", "amount"] as const;
const MAX_SHOWN = 60;

/** Splits text into records of fields. Returns the record number of an unclosed quote instead. */
export function splitCsv(text: string, delimiter: string): string[][] | { unclosedAt: number } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let quoteStartedAt = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      field = "";
      quoteStartedAt = records.length + 1;
    } else if (c === delimiter) {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (quoted) return { unclosedAt: quoteStartedAt };
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}

const blank = (r: string[]) => r.every((f) => f.trim() === "");
const shown = (v: string) => (v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN)}…` : v);

export function parsePaymentsCsv(bytes: Uint8Array): CsvParse {
  if (bytes.byteLength > CSV_MAX_BYTES) return { ok: false, error: { code: "too_large", params: { max: "2 MB" } } };
  if (bytes.byteLength === 0) return { ok: false, error: { code: "empty" } };
  if (bytes.includes(0)) return { ok: false, error: { code: "binary" } };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, error: { code: "not_utf8" } };
  }
  if (CONTROL.test(text)) return { ok: false, error: { code: "binary" } };
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  const split = splitCsv(text, delimiter);
  if (!Array.isArray(split)) return { ok: false, error: { code: "unclosed_quote", params: { row: split.unclosedAt } } };
  const records = split.map((fields, i) => ({ row: i + 1, fields })).filter((r) => !blank(r.fields));
  if (records.length === 0) return { ok: false, error: { code: "empty" } };

  const header = records[0]!.fields.map((h) => h.trim().toLowerCase());
  const index = (name: (typeof COLUMNS)[number]) => header.indexOf(name);
  const okHeader =
    header.every((h) => (COLUMNS as readonly string[]).includes(h)) &&
    new Set(header).size === header.length &&
    index("msn") >= 0 &&
    index("orderid") >= 0;
  if (!okHeader)
    return {
      ok: false,
      error: {
        code: "bad_header",
        params: { found: shown(records[0]!.fields.map((f) => f.trim()).join(delimiter)) || "(empty)" },
      },
    };

  const data = records.slice(1);
  if (data.length > CSV_MAX_ROWS)
    return { ok: false, error: { code: "too_many_rows", params: { found: data.length, max: CSV_MAX_ROWS } } };
  if (data.length === 0) return { ok: false, error: { code: "no_rows" } };

  const rows = data.map(({ row, fields }): CsvRow => {
    const get = (name: (typeof COLUMNS)[number]) => (index(name) >= 0 ? (fields[index(name)] ?? "").trim() : "");
    const base = { row, msn: shown(get("msn")), orderId: shown(get("orderid")) };
    if (fields.length !== header.length)
      return { ...base, problem: { code: "field_count", params: { found: fields.length, expected: header.length } } };
    if (!MSN_PATTERN.test(base.msn)) return { ...base, problem: { code: "msn_format" } };
    if (!ORDER_ID_PATTERN.test(base.orderId)) return { ...base, problem: { code: "order_id_format" } };
    const amount = get("amount");
    if (amount === "") return base;
    if (!/^\d{1,12}$/.test(amount)) return { ...base, problem: { code: "amount_format" } };
    return { ...base, amount: Number(amount) };
  });
  return { ok: true, rows };
}
