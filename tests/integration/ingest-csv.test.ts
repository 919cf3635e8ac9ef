// The CSV upload end to end (parse → GET /details → store): a per-row report, the user's own sales
// units only, and nothing written at all for a file refused as a whole.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPaymentsCsv } from "@/lib/ingest/csv-import";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { actor, addUnit, simPayment, startStack, type Stack } from "../helpers/ingest";

const kinds = await databaseKinds();
const MINE = "612345";
const THEIRS = "612346";
const support = actor("support", [MINE]);

describe.each(kinds)("CSV import on %s", (kind) => {
  let db: TestDb;
  let stack: Stack;
  const run = (text: string | Uint8Array, who = support) =>
    importPaymentsCsv(
      { db: db.prisma, clientFor: (msn) => stack.clientFor(msn) },
      who,
      typeof text === "string" ? new TextEncoder().encode(text) : text,
      "upload.csv",
    );
  const count = () => db.prisma.payment.count();

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    stack = await startStack();
    await addUnit(stack, db.prisma, MINE);
    await addUnit(stack, db.prisma, THEIRS);
    for (const id of ["csv-1", "csv-2", "csv-3"]) await simPayment(stack, MINE, id);
    await simPayment(stack, THEIRS, "csv-theirs");
  });
  afterAll(async () => {
    await stack?.close();
    await db?.close();
  });

  it("registers a good file and reports every row", async () => {
    const report = await run("msn,orderId\r\n612345,csv-1\r\n612345,csv-2\r\n");
    expect(report).toMatchObject({ ok: true, counts: { registered: 2, invalid: 0 } });
    if (!report.ok) return;
    expect(report.rows.map((r) => [r.ref, r.msn, r.orderId, r.status])).toEqual([
      [2, MINE, "csv-1", "registered"],
      [3, MINE, "csv-2", "registered"],
    ]);
    expect(
      await db.prisma.payment.findUnique({ where: { msn_orderId: { msn: MINE, orderId: "csv-1" } } }),
    ).toMatchObject({ status: "reserved" });
  });

  it("reports bad rows one by one and skips them, registering the rest", async () => {
    const report = await run(
      [
        "orderId,msn",
        "csv-3,612345",
        "csv-1,612345",
        "csv-theirs,612346",
        "csv-missing,612345",
        "bad id,612345",
        "csv-3,612345",
        "csv-x,12",
      ].join("\n"),
    );
    if (!report.ok) throw new Error("expected a report");
    expect(report.rows.map((r) => [r.ref, r.status, r.problem?.code ?? null])).toEqual([
      [2, "registered", null],
      [3, "already_known", null],
      [4, "invalid", "msn_not_allowed"],
      [5, "not_found_at_vipps", "not_found_at_vipps"],
      [6, "invalid", "order_id_format"],
      [7, "already_known", "duplicate_row"],
      [8, "invalid", "msn_format"],
    ]);
    expect(report.rows[5]!.problem?.params).toEqual({ other: 2 });
    // Another sales unit's payment is neither fetched nor stored for this user.
    expect(await db.prisma.payment.count({ where: { msn: THEIRS } })).toBe(0);
    expect(stack.detailsCalls("csv-theirs")).toBe(0);
  });

  it.each([
    ["a bad header", "order,msn\n612345,csv-new\n", "bad_header"],
    [
      "100,000 rows",
      "msn,orderId\n" + Array.from({ length: 100_000 }, (_, i) => `612345,m${i}`).join("\n"),
      "too_many_rows",
    ],
    [
      "100,000 longer rows (over 2 MB)",
      "msn,orderId\n" + Array.from({ length: 100_000 }, (_, i) => `612345,csv-many-${i}`).join("\n"),
      "too_large",
    ],
    ["a binary file", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]), "binary"],
    ["a Latin-1 file", new Uint8Array([...new TextEncoder().encode("msn,orderId\n612345,bl"), 0xe5, 0x0a]), "not_utf8"],
  ])("refuses %s whole: nothing is fetched or written", async (_label, text, code) => {
    const [before, calls] = [await count(), stack.detailsCalls()];
    const report = await run(text);
    expect(report).toMatchObject({ ok: false, error: { code } });
    expect(await count()).toBe(before);
    expect(stack.detailsCalls()).toBe(calls);
    expect(
      await db.prisma.auditLog.findFirst({ where: { action: "csv_imported" }, orderBy: { id: "desc" } }),
    ).toMatchObject({ outcome: "refused", userId: support.id });
  });

  it("is open to users who may read payments, within their sales units only", async () => {
    await expect(run("msn,orderId\n612345,csv-1\n", actor("developer"))).rejects.toMatchObject({ code: "forbidden" });
    const adminReport = await run("msn,orderId\n612346,csv-theirs\n", actor("admin"));
    expect(adminReport).toMatchObject({ ok: true, counts: { registered: 1 } });
  });
});
