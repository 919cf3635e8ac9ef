// lib/payments/history.ts on a real database (PGlite always, PostgreSQL when reachable): filters,
// sorts, keyset pages that cover every row exactly once (ties included), counts per status, and the
// actor's scope. Payments are inserted directly: these tests are about the queries, not ingestion.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/permissions";
import type { HistoryCursor } from "@/lib/payments/history/cursor";
import { iterateHistory, listHistoryPage, type HistoryRow } from "@/lib/payments/history/query";
import { countHistory, type HistoryCounts } from "@/lib/payments/history/totals";
import { parseHistoryParams, type HistoryQuery } from "@/lib/payments/history/params";
import { PAYMENT_STATUSES } from "@/lib/payments/history/url";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";

const A = "100001";
const B = "100002";
const TIES = "100003";
const key = randomBytes(32);

const actor = (over: Partial<Actor>): Actor => ({
  id: randomUUID(),
  email: "x@test",
  name: "X",
  role: "support",
  msns: [A],
  allSalesUnits: false,
  canViewPayments: true,
  ...over,
});
const userA = actor({});
const admin = actor({ role: "admin", msns: [], allSalesUnits: true });
const developer = actor({ role: "developer", canViewPayments: false });

interface Seeded {
  id: string;
  msn: string;
  orderId: string;
  status: PaymentStatus;
  amount: number;
  capturedAmount: number;
  refundedAmount: number;
  createdAt: Date;
  transactionText: string | null;
}

/** 130 payments in A: every 4th shares a timestamp with its neighbours, amounts repeat every 10. */
function plan(): Seeded[] {
  const rows: Seeded[] = [];
  const base = Date.UTC(2026, 2, 20, 12, 0, 0);
  for (let i = 0; i < 130; i++) {
    rows.push({
      id: randomUUID(),
      msn: A,
      orderId: `ord-${String(i).padStart(4, "0")}`,
      status: PAYMENT_STATUSES[i % PAYMENT_STATUSES.length]!,
      amount: 1000 * ((i % 10) + 1) + (i % 3 === 0 ? 50 : 0),
      capturedAmount: (i % 4) * 1000,
      refundedAmount: (i % 3) * 250,
      createdAt: new Date(base + Math.floor(i / 4) * 3_600_000),
      transactionText: i % 5 === 0 ? `Gavekort ${i}` : i === 7 ? "100% rabatt" : i === 8 ? "a_b" : null,
    });
  }
  // Around the start of summer time in Oslo (2026-03-29 01:00 UTC): 23:30 UTC on the 28th is
  // already the 29th in Oslo; 22:59 UTC is still the 28th.
  rows.push({
    id: randomUUID(),
    msn: A,
    orderId: "dst-late",
    status: "captured",
    amount: 777,
    capturedAmount: 700,
    refundedAmount: 0,
    createdAt: new Date("2026-03-28T23:30:00Z"),
    transactionText: null,
  });
  rows.push({
    id: randomUUID(),
    msn: A,
    orderId: "dst-early",
    status: "captured",
    amount: 777,
    capturedAmount: 700,
    refundedAmount: 0,
    createdAt: new Date("2026-03-28T22:59:00Z"),
    transactionText: null,
  });
  for (let i = 0; i < 25; i++) {
    rows.push({
      id: randomUUID(),
      msn: B,
      orderId: `ord-${String(i).padStart(4, "0")}`,
      status: "captured",
      amount: 5000,
      capturedAmount: 5000,
      refundedAmount: i % 2 === 0 ? 1000 : 0,
      createdAt: new Date(base + i * 60_000),
      transactionText: "Gavekort B",
    });
  }
  // Every row the same timestamp and amount: only the id orders them.
  for (let i = 0; i < 23; i++) {
    rows.push({
      id: randomUUID(),
      msn: TIES,
      orderId: `tie-${i}`,
      status: "reserved",
      amount: 4200,
      capturedAmount: 0,
      refundedAmount: 0,
      createdAt: new Date(base),
      transactionText: null,
    });
  }
  return rows;
}

/** The query for `msn` ("" for every unit of the reader) with these params. */
const query = (msn: string, params: Record<string, string | string[]>): HistoryQuery => {
  const parsed = parseHistoryParams(msn ? { msn, ...params } : params, key, { msns: [A, B, TIES], now: new Date() });
  expect(parsed.problems).toEqual([]);
  return parsed.query;
};

type Sort = "date" | "amount" | "captured" | "refunded" | "status";
const byId = (x: Seeded, y: Seeded) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** The order the database must produce: the sort key, then the id, in the same direction (status: then newest first). */
function expected(rows: Seeded[], sort: Sort, dir: "asc" | "desc"): string[] {
  const sign = dir === "asc" ? 1 : -1;
  if (sort === "status")
    return [...rows]
      .sort(
        (x, y) =>
          sign * (PAYMENT_STATUSES.indexOf(x.status) - PAYMENT_STATUSES.indexOf(y.status)) ||
          y.createdAt.getTime() - x.createdAt.getTime() ||
          -byId(x, y),
      )
      .map((r) => r.orderId);
  const k = (r: Seeded) =>
    sort === "date"
      ? r.createdAt.getTime()
      : sort === "amount"
        ? r.amount
        : sort === "captured"
          ? r.capturedAmount
          : r.refundedAmount;
  return [...rows].sort((x, y) => sign * (k(x) - k(y) || byId(x, y))).map((r) => r.orderId);
}

const kinds = await databaseKinds();

describe.each(kinds)("history queries on %s", (kind) => {
  let db: TestDb;
  const seeded = plan();
  const inA = seeded.filter((r) => r.msn === A);
  const opts = () => ({ client: db.prisma });
  const list = (who: Actor, q: HistoryQuery, size?: number) => listHistoryPage(who, size ? { ...q, size } : q, opts());
  const counts = (who: Actor, q: HistoryQuery, textCap?: number): Promise<HistoryCounts> =>
    countHistory(who, q.filters, { ...opts(), textCap });

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    await db.prisma.salesUnit.createMany({
      data: [A, B, TIES].map((msn) => ({ msn, name: `Unit ${msn}`, environment: "simulator" as const })),
    });
    await db.prisma.payment.createMany({ data: seeded });
  });
  afterAll(async () => {
    await db?.close();
  });

  /** Every page forward, then back; each page's start position must follow on from the one before. */
  async function walk(q: HistoryQuery, pageSize: number) {
    const pages: HistoryRow[][] = [];
    let page = await list(admin, q, pageSize);
    pages.push(page.rows);
    expect(page.start).toBe(0);
    while (page.next) {
      const at: number = page.start + page.rows.length;
      page = await list(admin, { ...q, page: { after: page.next } }, pageSize);
      expect(page.start).toBe(at);
      pages.push(page.rows);
      expect(pages.length).toBeLessThan(100);
    }
    // …and back again with "previous", which must give the same pages in reverse.
    const back: HistoryRow[][] = [page.rows];
    let prev: HistoryCursor | null = page.previous;
    while (prev) {
      const p = await list(admin, { ...q, page: { before: prev } }, pageSize);
      if (p.previous) expect(p.start).toBe(prev.pos - pageSize);
      else expect(p.start).toBe(0);
      back.unshift(p.rows);
      prev = p.previous;
    }
    return { forward: pages, back };
  }

  it.each([
    ["date", "desc"],
    ["date", "asc"],
    ["amount", "desc"],
    ["amount", "asc"],
    ["captured", "desc"],
    ["refunded", "asc"],
    ["status", "asc"],
    ["status", "desc"],
  ] as const)("pages sorted by %s %s cover every row exactly once, forward and back", async (sort, dir) => {
    const q = query(A, { sort, dir });
    const { forward, back } = await walk(q, 7);
    const ids = forward.flat().map((r) => r.orderId);
    expect(ids).toEqual(expected(inA, sort, dir));
    expect(new Set(ids).size).toBe(inA.length);
    expect(forward.slice(0, -1).every((p) => p.length === 7)).toBe(true);
    // Walking back lands on the first page again; the short last page is where the walk began.
    expect(back.slice(0, -1).map((p) => p.map((r) => r.orderId))).toEqual(
      forward.slice(0, -1).map((p) => p.map((r) => r.orderId)),
    );
  });

  it("pages through rows that share one timestamp and one amount (only the id orders them)", async () => {
    for (const sort of ["date", "amount", "status"] as const) {
      const { forward } = await walk(query(TIES, { sort }), 5);
      expect(forward.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
      expect(forward.flat().map((r) => r.orderId)).toEqual(
        expected(
          seeded.filter((r) => r.msn === TIES),
          sort,
          "desc",
        ),
      );
    }
  });

  it("shows 50 rows on the first page with a next cursor and no previous", async () => {
    const page = await list(userA, query(A, {}));
    expect(page.rows).toHaveLength(50);
    expect(page.previous).toBeNull();
    expect(page.next).toMatchObject({ msn: A, sort: "date", dir: "desc", pos: 49 });
    expect((await list(userA, query(A, { size: "25" }))).rows).toHaveLength(25);
  });

  it("a previous link that reaches the start gives the full first page", async () => {
    const q = query(A, {});
    const first = await list(userA, q);
    // Back from the 3rd row of page 1 (say the page was shifted by new payments): only 2 rows lie
    // before it.
    const thirdRow = first.rows[2]!;
    const back = await list(userA, {
      ...q,
      page: {
        before: { msn: A, sort: "date", dir: "desc", key: [thirdRow.createdAt.getTime()], id: thirdRow.id, pos: 52 },
      },
    });
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.previous).toBeNull();
    expect(back.start).toBe(0);
  });

  it("a next link that points past the last row (rows removed since) gives the first page", async () => {
    const q = query(A, {});
    const past = await list(userA, {
      ...q,
      page: {
        after: { msn: A, sort: "date", dir: "desc", key: [0], id: "00000000-0000-4000-8000-000000000000", pos: 9999 },
      },
    });
    expect(past.rows.map((r) => r.id)).toEqual((await list(userA, q)).rows.map((r) => r.id));
    expect(past.previous).toBeNull();
    expect(past.restarted).toBe(true);
    expect(past.start).toBe(0);
  });

  it("filters by several statuses", async () => {
    const page = await list(userA, query(A, { status: ["captured", "refunded"] }), 500);
    expect(page.rows.map((r) => r.orderId).sort()).toEqual(
      inA
        .filter((r) => r.status === "captured" || r.status === "refunded")
        .map((r) => r.orderId)
        .sort(),
    );
  });

  it("filters by Oslo calendar dates, across the switch to summer time", async () => {
    const onThe29th = await list(userA, query(A, { from: "2026-03-29", to: "2026-03-29" }), 500);
    const ids = onThe29th.rows.map((r) => r.orderId);
    expect(ids).toContain("dst-late");
    expect(ids).not.toContain("dst-early");
    const want = inA.filter(
      (r) => r.createdAt >= new Date("2026-03-28T23:00:00Z") && r.createdAt < new Date("2026-03-29T22:00:00Z"),
    );
    expect(ids.sort()).toEqual(want.map((r) => r.orderId).sort());
    const onThe28th = await list(userA, query(A, { to: "2026-03-28" }), 500);
    expect(onThe28th.rows.map((r) => r.orderId)).toContain("dst-early");
    expect(onThe28th.rows.map((r) => r.orderId)).not.toContain("dst-late");
  });

  it("filters by an amount range typed in kroner, both ends inclusive", async () => {
    const page = await list(userA, query(A, { min: "20,50", max: "40" }), 500);
    const want = inA
      .filter((r) => r.amount >= 2050 && r.amount <= 4000)
      .map((r) => r.orderId)
      .sort();
    expect(want.length).toBeGreaterThan(0);
    expect(page.rows.map((r) => r.orderId).sort()).toEqual(want);
  });

  it("text matches an orderId prefix or a transactionText substring, case-insensitively", async () => {
    const prefix = await list(userA, query(A, { q: "ORD-001" }), 500);
    expect(prefix.rows.map((r) => r.orderId).sort()).toEqual(
      inA
        .filter((r) => r.orderId.startsWith("ord-001"))
        .map((r) => r.orderId)
        .sort(),
    );
    const inText = await list(userA, query(A, { q: "gavekort" }), 500);
    expect(inText.rows).toHaveLength(inA.filter((r) => r.transactionText?.startsWith("Gavekort")).length);
    // Not a prefix of the orderId, only somewhere inside it: no match.
    expect((await list(userA, query(A, { q: "001" }))).rows).toHaveLength(0);
  });

  it("treats % and _ in the text box as themselves, not as wildcards", async () => {
    expect((await list(userA, query(A, { q: "100%" }))).rows.map((r) => r.orderId)).toEqual(["ord-0007"]);
    expect((await list(userA, query(A, { q: "%" }))).rows.map((r) => r.orderId)).toEqual(["ord-0007"]);
    expect((await list(userA, query(A, { q: "a_b" }))).rows.map((r) => r.orderId)).toEqual(["ord-0008"]);
    expect((await list(userA, query(A, { q: "_" }))).rows.map((r) => r.orderId)).toEqual(["ord-0008"]);
  });

  it("counts per status follow every filter except the status filter", async () => {
    const q = query(A, { status: "captured", min: "30" });
    const c = await counts(userA, q);
    expect(c.source).toBe("capped");
    for (const s of PAYMENT_STATUSES)
      expect(c.counts![s], s).toBe(inA.filter((r) => r.status === s && r.amount >= 3000).length);
    const captured = inA.filter((r) => r.status === "captured" && r.amount >= 3000);
    expect(c.total).toEqual({ n: captured.length, more: false });
    expect(c.all.n).toBe(inA.filter((r) => r.amount >= 3000).length);
    expect(c.sums).toEqual({
      amount: captured.reduce((a, r) => a + r.amount, 0),
      reserved: 0,
      captured: captured.reduce((a, r) => a + r.capturedAmount, 0),
      refunded: captured.reduce((a, r) => a + r.refundedAmount, 0),
    });
  });

  it("counts a text search exactly up to the cap, then says only 'more than'", async () => {
    const ord = inA.filter((r) => r.orderId.startsWith("ord-"));
    const under = await countHistory(userA, query(A, { q: "ord-00" }).filters, { ...opts(), textCap: 200 });
    const ord00 = ord.filter((r) => r.orderId.startsWith("ord-00"));
    expect(under.total).toEqual({ n: ord00.length, more: false });
    expect(under.all).toEqual(under.total);
    for (const s of PAYMENT_STATUSES) expect(under.counts![s], s).toBe(ord00.filter((r) => r.status === s).length);

    // 130 matches, cap 50: no per-status counts, "more than 50"
    const over = await countHistory(userA, query(A, { q: "ord" }).filters, { ...opts(), textCap: 50 });
    expect(over).toEqual({
      counts: null,
      all: { n: 50, more: true },
      total: { n: 50, more: true },
      sums: null,
      source: "capped",
    });
    // with a status chosen, its own matches are counted when they are few enough
    const reserved = ord.filter((r) => r.status === "reserved").length;
    expect(reserved).toBeLessThanOrEqual(50);
    const chosen = await countHistory(userA, query(A, { q: "ord", status: "reserved" }).filters, {
      ...opts(),
      textCap: 50,
    });
    expect(chosen).toMatchObject({ counts: null, all: { n: 50, more: true }, total: { n: reserved, more: false } });
    // …and so are their sums.
    expect(chosen.sums?.amount).toBe(ord.filter((r) => r.status === "reserved").reduce((a, r) => a + r.amount, 0));
    const many = await countHistory(
      userA,
      query(A, { q: "ord", status: ["reserved", "captured", "failed", "refunded", "cancelled", "voided", "initiated"] })
        .filters,
      { ...opts(), textCap: 50 },
    );
    expect(many.total).toEqual({ n: 50, more: true });
    // the rows themselves are not capped: paging a text search still reaches every match
    expect((await walk(query(A, { q: "ord" }), 40)).forward.flat()).toHaveLength(ord.length);
  });

  it("counts an amount range like a text search: exactly up to the cap, then 'more than'", async () => {
    const from30 = inA.filter((r) => r.amount >= 3000);
    expect(from30.length).toBeGreaterThan(5);
    const under = await countHistory(userA, query(A, { min: "30" }).filters, { ...opts(), textCap: from30.length });
    expect(under).toMatchObject({ source: "capped", total: { n: from30.length, more: false } });
    expect(under.sums?.amount).toBe(from30.reduce((a, r) => a + r.amount, 0));
    const over = await countHistory(userA, query(A, { min: "30" }).filters, { ...opts(), textCap: 5 });
    expect(over).toEqual({
      counts: null,
      all: { n: 5, more: true },
      total: { n: 5, more: true },
      sums: null,
      source: "capped",
    });
    // the rows are not capped: paging reaches every match
    expect((await walk(query(A, { min: "30" }), 40)).forward.flat()).toHaveLength(from30.length);
  });

  it("counts without a text or amount filter exactly, however many rows match", async () => {
    const all = await countHistory(userA, query(A, {}).filters, { ...opts(), textCap: 5 });
    expect(all.total).toEqual({ n: inA.length, more: false });
    expect(all.source).toBe("kept");
    for (const s of PAYMENT_STATUSES) expect(all.counts![s], s).toBe(inA.filter((r) => r.status === s).length);
    expect(all.sums?.captured).toBe(inA.reduce((a, r) => a + r.capturedAmount, 0));
  });

  it("exports the whole filtered set in order, in batches", async () => {
    const q = query(A, { sort: "amount", dir: "asc" });
    const batches: HistoryRow[][] = [];
    for await (const batch of iterateHistory(userA, q, { ...opts(), batchSize: 40 })) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([40, 40, 40, 12]);
    expect(batches.flat().map((r) => r.orderId)).toEqual(expected(inA, "amount", "asc"));
  });

  it("a user of sales unit A reads nothing of sales unit B, by any of the queries", async () => {
    const q = query(B, {});
    expect((await list(userA, q)).rows).toEqual([]);
    expect((await counts(userA, q)).total.n).toBe(0);
    const exported: HistoryRow[] = [];
    for await (const batch of iterateHistory(userA, q, opts())) exported.push(...batch);
    expect(exported).toEqual([]);
    // A cursor from B's pages does not leak B's rows into A's either.
    const bPage = await list(admin, q, 5);
    const mixed = await list(userA, { ...query(A, {}), page: { after: bPage.next! } });
    expect(mixed.rows.every((r) => r.orderId.startsWith("ord-") || r.orderId.startsWith("dst-"))).toBe(true);
    expect(mixed.rows.some((r) => r.transactionText === "Gavekort B")).toBe(false);
    // The admin sees B.
    expect((await list(admin, q)).rows).toHaveLength(25);
  });

  it("one view across the reader's sales units: the admin's holds every unit, a user's only theirs", async () => {
    const every = await list(admin, query("", {}), 500);
    expect(every.rows).toHaveLength(seeded.length);
    expect(every.rows.map((r) => r.orderId)).toEqual(expected(seeded, "date", "desc"));
    expect(new Set(every.rows.map((r) => r.msn))).toEqual(new Set([A, B, TIES]));
    expect((await counts(admin, query("", {}))).total.n).toBe(seeded.length);
    const mine = await list(userA, query("", { sort: "captured" }), 500);
    expect(mine.rows.map((r) => r.orderId)).toEqual(expected(inA, "captured", "desc"));
    expect((await counts(userA, query("", {}))).total.n).toBe(inA.length);
    // Paging across units, by status: every row once.
    const { forward } = await walk(query("", { sort: "status", dir: "asc" }), 30);
    expect(forward.flat().map((r) => r.orderId)).toEqual(expected(seeded, "status", "asc"));
  });

  it("refuses an actor without payments:read (a developer not allowed to see payments)", async () => {
    const q = query(A, {});
    await expect(list({ ...developer, msns: [A] }, q)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(counts({ ...developer, msns: [A] }, q)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(iterateHistory({ ...developer, msns: [A] }, q, opts()).next()).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
