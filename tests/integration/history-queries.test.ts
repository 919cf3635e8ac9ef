// lib/payments/history.ts on a real database (PGlite always, PostgreSQL when reachable): filters,
// sorts, keyset pages that cover every row exactly once (ties included), counts per status, and the
// actor's scope. Payments are inserted directly: these tests are about the queries, not ingestion.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/permissions";
import type { HistoryCursor } from "@/lib/payments/history/cursor";
import {
  countHistory,
  countHistoryByStatus,
  iterateHistory,
  listHistoryPage,
  totalFor,
  type HistoryRow,
} from "@/lib/payments/history/query";
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
    createdAt: new Date("2026-03-28T23:30:00Z"),
    transactionText: null,
  });
  rows.push({
    id: randomUUID(),
    msn: A,
    orderId: "dst-early",
    status: "captured",
    amount: 777,
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
      createdAt: new Date(base),
      transactionText: null,
    });
  }
  return rows;
}

const query = (msn: string, params: Record<string, string | string[]>): HistoryQuery => {
  const parsed = parseHistoryParams(msn, params, key);
  expect(parsed.problems).toEqual([]);
  return parsed.query;
};

/** The order the database must produce: the sort key, then the id, in the same direction. */
function expected(rows: Seeded[], sort: "date" | "amount", dir: "asc" | "desc"): string[] {
  const k = (r: Seeded) => (sort === "date" ? r.createdAt.getTime() : r.amount);
  const sign = dir === "asc" ? 1 : -1;
  return [...rows]
    .sort((x, y) => sign * (k(x) - k(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)))
    .map((r) => r.orderId);
}

const kinds = await databaseKinds();

describe.each(kinds)("history queries on %s", (kind) => {
  let db: TestDb;
  const seeded = plan();
  const inA = seeded.filter((r) => r.msn === A);
  const opts = () => ({ client: db.prisma });

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

  async function walk(msn: string, q: HistoryQuery, pageSize: number) {
    const pages: HistoryRow[][] = [];
    let page = await listHistoryPage(admin, msn, q, { ...opts(), pageSize });
    pages.push(page.rows);
    while (page.next) {
      page = await listHistoryPage(admin, msn, { ...q, page: { after: page.next } }, { ...opts(), pageSize });
      pages.push(page.rows);
      expect(pages.length).toBeLessThan(100);
    }
    // …and back again with "previous", which must give the same pages in reverse.
    const back: HistoryRow[][] = [page.rows];
    let prev: HistoryCursor | null = page.previous;
    while (prev) {
      const p = await listHistoryPage(admin, msn, { ...q, page: { before: prev } }, { ...opts(), pageSize });
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
  ] as const)("pages sorted by %s %s cover every row exactly once, forward and back", async (sort, dir) => {
    const q = query(A, { sort, dir });
    const { forward, back } = await walk(A, q, 7);
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
    for (const sort of ["date", "amount"] as const) {
      const { forward } = await walk(TIES, query(TIES, { sort }), 5);
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
    const page = await listHistoryPage(userA, A, query(A, {}), opts());
    expect(page.rows).toHaveLength(50);
    expect(page.previous).toBeNull();
    expect(page.next).toMatchObject({ msn: A, sort: "date", dir: "desc" });
  });

  it("a previous link that reaches the start gives the full first page", async () => {
    const q = query(A, {});
    const first = await listHistoryPage(userA, A, q, opts());
    // Back from the 3rd row of page 1 (say the page was shifted by new payments): only 2 rows lie
    // before it.
    const thirdRow = first.rows[2]!;
    const back = await listHistoryPage(
      userA,
      A,
      {
        ...q,
        page: { before: { msn: A, sort: "date", dir: "desc", key: thirdRow.createdAt.getTime(), id: thirdRow.id } },
      },
      opts(),
    );
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.previous).toBeNull();
  });

  it("a next link that points past the last row (rows removed since) gives the first page", async () => {
    const q = query(A, {});
    const past = await listHistoryPage(
      userA,
      A,
      {
        ...q,
        page: { after: { msn: A, sort: "date", dir: "desc", key: 0, id: "00000000-0000-4000-8000-000000000000" } },
      },
      opts(),
    );
    expect(past.rows.map((r) => r.id)).toEqual((await listHistoryPage(userA, A, q, opts())).rows.map((r) => r.id));
    expect(past.previous).toBeNull();
  });

  it("filters by several statuses", async () => {
    const page = await listHistoryPage(userA, A, query(A, { status: ["captured", "refunded"] }), {
      ...opts(),
      pageSize: 500,
    });
    expect(page.rows.map((r) => r.orderId).sort()).toEqual(
      inA
        .filter((r) => r.status === "captured" || r.status === "refunded")
        .map((r) => r.orderId)
        .sort(),
    );
  });

  it("filters by Oslo calendar dates, across the switch to summer time", async () => {
    const onThe29th = await listHistoryPage(userA, A, query(A, { from: "2026-03-29", to: "2026-03-29" }), {
      ...opts(),
      pageSize: 500,
    });
    const ids = onThe29th.rows.map((r) => r.orderId);
    expect(ids).toContain("dst-late");
    expect(ids).not.toContain("dst-early");
    const want = inA.filter(
      (r) => r.createdAt >= new Date("2026-03-28T23:00:00Z") && r.createdAt < new Date("2026-03-29T22:00:00Z"),
    );
    expect(ids.sort()).toEqual(want.map((r) => r.orderId).sort());
    const onThe28th = await listHistoryPage(userA, A, query(A, { to: "2026-03-28" }), { ...opts(), pageSize: 500 });
    expect(onThe28th.rows.map((r) => r.orderId)).toContain("dst-early");
    expect(onThe28th.rows.map((r) => r.orderId)).not.toContain("dst-late");
  });

  it("filters by an amount range typed in kroner, both ends inclusive", async () => {
    const page = await listHistoryPage(userA, A, query(A, { min: "20,50", max: "40" }), { ...opts(), pageSize: 500 });
    const want = inA
      .filter((r) => r.amount >= 2050 && r.amount <= 4000)
      .map((r) => r.orderId)
      .sort();
    expect(want.length).toBeGreaterThan(0);
    expect(page.rows.map((r) => r.orderId).sort()).toEqual(want);
  });

  it("text matches an orderId prefix or a transactionText substring, case-insensitively", async () => {
    const prefix = await listHistoryPage(userA, A, query(A, { q: "ORD-001" }), { ...opts(), pageSize: 500 });
    expect(prefix.rows.map((r) => r.orderId).sort()).toEqual(
      inA
        .filter((r) => r.orderId.startsWith("ord-001"))
        .map((r) => r.orderId)
        .sort(),
    );
    const inText = await listHistoryPage(userA, A, query(A, { q: "gavekort" }), { ...opts(), pageSize: 500 });
    expect(inText.rows).toHaveLength(inA.filter((r) => r.transactionText?.startsWith("Gavekort")).length);
    // Not a prefix of the orderId, only somewhere inside it: no match.
    expect((await listHistoryPage(userA, A, query(A, { q: "001" }), opts())).rows).toHaveLength(0);
  });

  it("treats % and _ in the text box as themselves, not as wildcards", async () => {
    expect((await listHistoryPage(userA, A, query(A, { q: "100%" }), opts())).rows.map((r) => r.orderId)).toEqual([
      "ord-0007",
    ]);
    expect((await listHistoryPage(userA, A, query(A, { q: "%" }), opts())).rows.map((r) => r.orderId)).toEqual([
      "ord-0007",
    ]);
    expect((await listHistoryPage(userA, A, query(A, { q: "a_b" }), opts())).rows.map((r) => r.orderId)).toEqual([
      "ord-0008",
    ]);
    expect((await listHistoryPage(userA, A, query(A, { q: "_" }), opts())).rows.map((r) => r.orderId)).toEqual([
      "ord-0008",
    ]);
  });

  it("counts per status follow every filter except the status filter", async () => {
    const q = query(A, { status: "captured", min: "30" });
    const counts = await countHistoryByStatus(userA, A, q.filters, opts());
    for (const s of PAYMENT_STATUSES)
      expect(counts[s], s).toBe(inA.filter((r) => r.status === s && r.amount >= 3000).length);
    expect(totalFor(counts, q.filters.statuses)).toBe(
      inA.filter((r) => r.status === "captured" && r.amount >= 3000).length,
    );
    expect(totalFor(counts, [])).toBe(inA.filter((r) => r.amount >= 3000).length);
  });

  it("counts a text search exactly up to the cap, then says only 'more than'", async () => {
    const ord = inA.filter((r) => r.orderId.startsWith("ord-"));
    const under = await countHistory(userA, A, query(A, { q: "ord-00" }).filters, { ...opts(), textCap: 200 });
    const ord00 = ord.filter((r) => r.orderId.startsWith("ord-00"));
    expect(under.total).toEqual({ n: ord00.length, more: false });
    expect(under.all).toEqual(under.total);
    for (const s of PAYMENT_STATUSES) expect(under.counts![s], s).toBe(ord00.filter((r) => r.status === s).length);

    // 130 matches, cap 50: no per-status counts, "more than 50"
    const over = await countHistory(userA, A, query(A, { q: "ord" }).filters, { ...opts(), textCap: 50 });
    expect(over).toEqual({ counts: null, all: { n: 50, more: true }, total: { n: 50, more: true } });
    // with a status chosen, its own matches are counted when they are few enough
    const reserved = ord.filter((r) => r.status === "reserved").length;
    expect(reserved).toBeLessThanOrEqual(50);
    const chosen = await countHistory(userA, A, query(A, { q: "ord", status: "reserved" }).filters, {
      ...opts(),
      textCap: 50,
    });
    expect(chosen).toEqual({ counts: null, all: { n: 50, more: true }, total: { n: reserved, more: false } });
    const many = await countHistory(
      userA,
      A,
      query(A, { q: "ord", status: ["reserved", "captured", "failed", "refunded", "cancelled", "voided", "initiated"] })
        .filters,
      { ...opts(), textCap: 50 },
    );
    expect(many.total).toEqual({ n: 50, more: true });
    // the rows themselves are not capped: paging a text search still reaches every match
    expect((await walk(A, query(A, { q: "ord" }), 40)).forward.flat()).toHaveLength(ord.length);
  });

  it("counts without a text filter exactly, however many rows match", async () => {
    const all = await countHistory(userA, A, query(A, {}).filters, { ...opts(), textCap: 5 });
    expect(all.total).toEqual({ n: inA.length, more: false });
    expect(all.counts).toEqual(await countHistoryByStatus(userA, A, query(A, {}).filters, opts()));
  });

  it("exports the whole filtered set in order, in batches", async () => {
    const q = query(A, { sort: "amount", dir: "asc" });
    const batches: HistoryRow[][] = [];
    for await (const batch of iterateHistory(userA, A, q, { ...opts(), batchSize: 40 })) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([40, 40, 40, 12]);
    expect(batches.flat().map((r) => r.orderId)).toEqual(expected(inA, "amount", "asc"));
  });

  it("a user of sales unit A reads nothing of sales unit B, by any of the queries", async () => {
    const q = query(B, {});
    expect((await listHistoryPage(userA, B, q, opts())).rows).toEqual([]);
    expect(totalFor(await countHistoryByStatus(userA, B, q.filters, opts()), [])).toBe(0);
    const exported: HistoryRow[] = [];
    for await (const batch of iterateHistory(userA, B, q, opts())) exported.push(...batch);
    expect(exported).toEqual([]);
    // A cursor from B's pages does not leak B's rows into A's either.
    const bPage = await listHistoryPage(admin, B, q, { ...opts(), pageSize: 5 });
    const mixed = await listHistoryPage(userA, A, { ...query(A, {}), page: { after: bPage.next! } }, opts());
    expect(mixed.rows.every((r) => r.orderId.startsWith("ord-") || r.orderId.startsWith("dst-"))).toBe(true);
    expect(mixed.rows.some((r) => r.transactionText === "Gavekort B")).toBe(false);
    // The admin sees B.
    expect((await listHistoryPage(admin, B, q, opts())).rows).toHaveLength(25);
  });

  it("refuses an actor without payments:read (a developer not allowed to see payments)", async () => {
    const q = query(A, {});
    await expect(listHistoryPage({ ...developer, msns: [A] }, A, q, opts())).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(countHistoryByStatus({ ...developer, msns: [A] }, A, q.filters, opts())).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(iterateHistory({ ...developer, msns: [A] }, A, q, opts()).next()).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
