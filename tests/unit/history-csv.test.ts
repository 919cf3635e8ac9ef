import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HistoryRow } from "@/lib/payments/history/query";
import {
  BOM,
  CSV_HEADER,
  csvField,
  csvRow,
  csvStream,
  EXCEL_COLUMNS,
  excelRow,
  oreToKroner,
  oreToKronerComma,
} from "@/lib/payments/history/csv";
import { historyNb } from "@/lib/i18n/dictionaries/sections/history.nb";
import { historyEn } from "@/lib/i18n/dictionaries/sections/history.en";
import { osloDate, osloDateTime, osloDayStart, parseYmd } from "@/lib/payments/history/dates";

const row = (over: Partial<HistoryRow> = {}): HistoryRow => ({
  id: "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b",
  msn: "212345",
  orderId: "DBL-7000",
  status: "partially_refunded",
  amount: 123450,
  capturedAmount: 123450,
  refundedAmount: 5,
  transactionText: 'Ski, staver og "voks"',
  bankIdentificationNumber: 492500,
  createdAt: new Date("2026-03-29T00:30:00.123Z"),
  ...over,
});

/** A small RFC 4180 reader, to check that what we write reads back as the same fields. */
function parseCsv(text: string, sep = ","): string[][] {
  const rows: string[][] = [];
  let field = "";
  let fields: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      fields.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      fields.push(field);
      rows.push(fields);
      fields = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

describe("history CSV", () => {
  it.each([
    [123450, "1234.50"],
    [5, "0.05"],
    [0, "0.00"],
    [100, "1.00"],
    [-5, "-0.05"],
    [2147483647, "21474836.47"],
  ])("%i øre is %s kroner", (ore, kroner) => {
    expect(oreToKroner(ore)).toBe(kroner);
  });

  it("kroner strings match øre exactly for any amount (no float rounding)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (ore) => {
        expect(BigInt(oreToKroner(ore).replace(".", ""))).toBe(BigInt(ore));
      }),
    );
    expect(() => oreToKroner(1.5)).toThrow(/integer/);
  });

  it("quotes fields with commas, quotes, line breaks or edge spaces, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
  });

  it("defuses spreadsheet formulas in free text but leaves orderIds and numbers alone", () => {
    expect(csvField('=HYPERLINK("http://x")', { text: true })).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("@SUM(A1)", { text: true })).toBe("'@SUM(A1)");
    expect(csvField("+47 99", { text: true })).toBe("'+47 99");
    expect(csvField("-1+1", { text: true })).toBe("'-1+1");
    expect(csvField("-12", { text: true })).toBe("-12");
    expect(csvField("-ORDER-1", { text: true })).toBe("-ORDER-1");
  });

  it("writes one row with øre, kroner, UTC time and escaped text", () => {
    const line = csvRow(row());
    expect(line.endsWith("\r\n")).toBe(true);
    const [fields] = parseCsv(line);
    expect(Object.fromEntries(CSV_HEADER.map((h, i) => [h, fields![i]]))).toEqual({
      msn: "212345",
      order_id: "DBL-7000",
      status: "partially_refunded",
      amount_ore: "123450",
      amount_nok: "1234.50",
      captured_ore: "123450",
      captured_nok: "1234.50",
      refunded_ore: "5",
      refunded_nok: "0.05",
      created_at_utc: "2026-03-29T00:30:00.123Z",
      // 00:30 UTC on the night summer time starts is still winter time (+1) in Oslo.
      created_at_oslo: "2026-03-29 01:30:00",
      transaction_text: 'Ski, staver og "voks"',
      bin: "492500",
    });
    expect(parseCsv(csvRow(row({ transactionText: null, bankIdentificationNumber: null })))[0]!.slice(-2)).toEqual([
      "",
      "",
    ]);
  });

  it("streams the header, then each batch as it is pulled", async () => {
    async function* batches() {
      yield [row({ orderId: "a" }), row({ orderId: "b" })];
      yield [row({ orderId: "c,d" })];
    }
    const text = await new Response(csvStream(batches(), () => {})).text();
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(["a", "b", "c,d"]);
  });

  it("ends the stream with an error (and reports it) when a batch fails", async () => {
    const errors: unknown[] = [];
    async function* failing(): AsyncGenerator<HistoryRow[]> {
      yield [row()];
      throw new Error("database went away");
    }
    await expect(new Response(csvStream(failing(), (e) => errors.push(e))).text()).rejects.toThrow();
    expect(errors).toHaveLength(1);
  });
});

describe("history CSV for Norwegian Excel", () => {
  const nb = { columns: historyNb.excelColumns, statuses: historyNb.statuses };
  const en = { columns: historyEn.excelColumns, statuses: historyEn.statuses };

  it("kroner with a decimal comma, no thousands separator, from integers", () => {
    expect(oreToKronerComma(123450)).toBe("1234,50");
    expect(oreToKronerComma(5)).toBe("0,05");
    expect(oreToKronerComma(-5)).toBe("-0,05");
    expect(oreToKronerComma(0)).toBe("0,00");
  });

  it("starts with the BOM, separates with semicolons, names columns and statuses in the reader's language", async () => {
    async function* batches() {
      yield [row(), row({ orderId: "x;y", transactionText: "=1+1", bankIdentificationNumber: null })];
    }
    const bytes = new Uint8Array(await new Response(csvStream(batches(), () => {}, nb)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(BOM)).toBe(true);
    const rows = parseCsv(text.slice(1), ";");
    expect(rows[0]).toEqual(EXCEL_COLUMNS.map((c) => historyNb.excelColumns[c]));
    expect(rows[0]).toContain("Beløp (kr)");
    expect(rows[1]).toEqual([
      "212345",
      "DBL-7000",
      historyNb.statuses.partially_refunded,
      "1234,50",
      "1234,50",
      "0,05",
      "2026-03-29 01:30:00",
      'Ski, staver og "voks"',
      "492500",
    ]);
    // A separator inside a field is quoted; a formula is defused as in the standard CSV.
    expect(rows[2]!.slice(1, 2)).toEqual(["x;y"]);
    expect(rows[2]![7]).toBe("'=1+1");
    expect(excelRow(row(), en)).toContain(historyEn.statuses.partially_refunded);
  });
});

describe("Oslo calendar dates", () => {
  it("parses only real dates", () => {
    expect(parseYmd("2028-02-29")).toEqual({ y: 2028, m: 2, d: 29 });
    expect(parseYmd("2026-02-29")).toBeNull();
    expect(parseYmd("2026-04-31")).toBeNull();
    expect(parseYmd("2100-01-01")).toBeNull();
  });

  it("writes Oslo wall-clock times on both sides of the summer-time switch", () => {
    expect(osloDateTime(new Date("2026-03-29T00:59:59Z"))).toBe("2026-03-29 01:59:59");
    expect(osloDateTime(new Date("2026-03-29T01:00:00Z"))).toBe("2026-03-29 03:00:00");
    expect(osloDateTime(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01 00:00:00");
  });

  it("gives Oslo midnight for every day of a year, 23 or 24 or 25 hours apart", () => {
    const lengths = new Set<number>();
    for (let d = new Date(Date.UTC(2026, 0, 1)); d.getUTCFullYear() === 2026; d = new Date(d.getTime() + 86_400_000)) {
      const ymd = d.toISOString().slice(0, 10);
      const start = osloDayStart(ymd)!;
      expect(osloDate(start)).toBe(ymd);
      expect(osloDate(new Date(start.getTime() - 1))).not.toBe(ymd);
      lengths.add((osloDayStart(ymd, 1)!.getTime() - start.getTime()) / 3_600_000);
    }
    expect([...lengths].sort()).toEqual([23, 24, 25]);
  });
});
