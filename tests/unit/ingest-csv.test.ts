// The CSV parser: what it accepts (quotes, CRLF, BOM, semicolons, any column order), the file-level
// refusals (header, size, rows, binary, encoding) and the per-row problems.
import { describe, expect, it } from "vitest";
import { CSV_MAX_BYTES, parsePaymentsCsv, splitCsv } from "@/lib/ingest/csv";

const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (text: string) => parsePaymentsCsv(bytes(text));

describe("CSV records", () => {
  it("splits quoted fields with commas, doubled quotes and line breaks", () => {
    expect(splitCsv('a,"b,c","say ""hi"""\r\n"x\ny",z\n', ",")).toEqual([
      ["a", "b,c", 'say "hi"'],
      ["x\ny", "z"],
    ]);
  });
  it("reports the record where a quote never closes", () => {
    expect(splitCsv('msn,orderId\n1,"open\n2,x\n', ",")).toEqual({ unclosedAt: 2 });
  });
});

describe("a good file", () => {
  it("gives one row per line with spreadsheet row numbers, in any column order", () => {
    const r = parse('orderId,msn\r\nFS-1,212345\r\n\r\n"FS-2",212346\r\n');
    expect(r).toEqual({
      ok: true,
      rows: [
        { row: 2, msn: "212345", orderId: "FS-1" },
        { row: 4, msn: "212346", orderId: "FS-2" },
      ],
    });
  });
  it("accepts a BOM, a semicolon delimiter, case and spaces in the header, and an amount column", () => {
    const r = parse("\uFEFF MSN ; OrderID ; Amount\n212345;FS-1;19900\n212345;FS-2;\n");
    expect(r).toEqual({
      ok: true,
      rows: [
        { row: 2, msn: "212345", orderId: "FS-1", amount: 19900 },
        { row: 3, msn: "212345", orderId: "FS-2" },
      ],
    });
  });
});

describe("file-level refusals", () => {
  it.each([
    ["no header", "212345,FS-1\n212345,FS-2\n", "212345,FS-1"],
    ["a missing orderId column", "msn,amount\n212345,100\n", "msn,amount"],
    ["an unknown column", "msn,orderId,email\n212345,FS-1,a@b.no\n", "msn,orderId,email"],
    ["a repeated column", "msn,orderId,msn\n1,2,3\n", "msn,orderId,msn"],
    ["the old name order_id", "msn,order_id\n212345,FS-1\n", "msn,order_id"],
  ])("refuses %s as a bad header, naming what it found", (_label, text, found) => {
    expect(parse(text)).toEqual({ ok: false, error: { code: "bad_header", params: { found } } });
  });

  it("refuses 100,000 rows (and 10,001) up front", () => {
    const rows = (n: number) => "msn,orderId\n" + Array.from({ length: n }, (_, i) => `212345,o${i}`).join("\n");
    expect(parse(rows(100_000))).toEqual({
      ok: false,
      error: { code: "too_many_rows", params: { found: 100_000, max: 10_000 } },
    });
    expect(parse(rows(10_001))).toMatchObject({ ok: false, error: { code: "too_many_rows" } });
    expect(parse(rows(10_000))).toMatchObject({ ok: true });
  });

  it("refuses a binary file, a file that is not UTF-8, and one over 2 MB", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(parsePaymentsCsv(png)).toEqual({ ok: false, error: { code: "binary" } });
    expect(parsePaymentsCsv(new Uint8Array([0x6d, 0x73, 0x6e, 0x2c, 0xe6, 0xf8, 0xe5]))).toEqual({
      ok: false,
      error: { code: "not_utf8" },
    });
    expect(parse("msn,orderId\n\u0007212345,FS-1\n")).toEqual({ ok: false, error: { code: "binary" } });
    expect(parsePaymentsCsv(new Uint8Array(CSV_MAX_BYTES + 1).fill(0x61))).toMatchObject({
      ok: false,
      error: { code: "too_large" },
    });
  });

  it("refuses an empty file, a header alone, and an unclosed quote", () => {
    expect(parse("")).toEqual({ ok: false, error: { code: "empty" } });
    expect(parse("\n\n")).toEqual({ ok: false, error: { code: "empty" } });
    expect(parse("msn,orderId\n")).toEqual({ ok: false, error: { code: "no_rows" } });
    expect(parse('msn,orderId\n212345,"FS-1\n212345,FS-2\n')).toEqual({
      ok: false,
      error: { code: "unclosed_quote", params: { row: 2 } },
    });
  });
});

describe("row-level problems", () => {
  it("marks each bad row and keeps the good ones", () => {
    const r = parse(
      [
        "msn,orderId,amount",
        "212345,FS-1,100",
        "2123,FS-2,",
        "212345,FS 3,",
        "212345,FS-4,12.50",
        "212345,FS-5",
        `212345,${"x".repeat(51)},`,
        "<script>,FS-7,",
      ].join("\n"),
    );
    if (!r.ok) throw new Error("expected rows");
    expect(r.rows.map((x) => [x.row, x.problem?.code ?? "ok"])).toEqual([
      [2, "ok"],
      [3, "msn_format"],
      [4, "order_id_format"],
      [5, "amount_format"],
      [6, "field_count"],
      [7, "order_id_format"],
      [8, "msn_format"],
    ]);
    expect(r.rows[4]!.problem?.params).toEqual({ found: 2, expected: 3 });
    expect(r.rows[5]!.orderId.length).toBeLessThanOrEqual(61); // long values are cut for the report
  });
});
