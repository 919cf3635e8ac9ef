// The audit trail page's reads (/admin/audit) on PGlite and PostgreSQL: every filter returns exactly
// the rows it names, keyset pages neither skip nor repeat a row (also among rows of one millisecond)
// in both directions, only admins read it, and the CSV holds every filtered row once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from "@/lib/audit";
import { checkAuditChain } from "@/lib/audit/chain";
import { auditCsvHeaderLine, auditCsvRow } from "@/lib/audit/csv";
import type { AuditFilter } from "@/lib/audit/filter";
import { iterateAudit, listAudit, type AuditRow } from "@/lib/audit/query";
import { mulberry32 } from "@/lib/random";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { actor } from "../helpers/ingest";

const kinds = await databaseKinds();
const NOW = new Date(Date.UTC(2026, 10, 30, 12, 30, 20));
const EMAILS = ["kari.nordmann@shop.no", "Ola_Hansen@shop.no", "olaxhansen@shop.no", "finance@bank.no", null];
const MSNS = ["212345", "299999", null];

/** 400 rows over the last 3 days; every 9th shares one millisecond. */
function rows(): Prisma.AuditLogCreateManyInput[] {
  const rnd = mulberry32(7);
  return Array.from({ length: 400 }, (_, i) => ({
    at:
      i % 9 === 0 ? new Date(NOW.getTime() - 3_600_000) : new Date(NOW.getTime() - Math.floor(rnd() * 3 * 86_400_000)),
    userEmail: EMAILS[i % EMAILS.length]!,
    userId: null,
    action: AUDIT_ACTIONS[Math.floor(rnd() * 6)]!,
    outcome: AUDIT_OUTCOMES[i % 4]!,
    msn: MSNS[i % 3]!,
    orderId: i % 3 === 2 ? null : `ORD-${i % 25}`,
    details: { i, kind: i % 2 ? "capture" : "refund" },
  }));
}

const filter = (over: Partial<AuditFilter> = {}): AuditFilter => ({ time: { range: "7d" }, ...over });

describe.each(kinds)("audit trail reads on %s", (kind) => {
  let db: TestDb;
  let all: Prisma.AuditLogCreateManyInput[];
  const admin = actor("admin");

  async function walk(f: AuditFilter, limit = 23): Promise<AuditRow[]> {
    const seen: AuditRow[] = [];
    let after: string | undefined;
    for (let i = 0; i < 200; i++) {
      const page = await listAudit(db.prisma, admin, f, { after }, NOW, limit);
      seen.push(...page.rows);
      if (!page.older) return seen;
      after = page.older;
    }
    throw new Error("paging did not end");
  }
  const ids = (rs: AuditRow[]) => rs.map((r) => Number((r.details as { i: number }).i)).sort((a, b) => a - b);
  const expected = (pred: (r: Prisma.AuditLogCreateManyInput) => boolean) =>
    all.flatMap((r, i) => (pred(r) ? [i] : [])).sort((a, b) => a - b);

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    all = rows();
    await db.prisma.auditLog.createMany({ data: all });
  });
  afterAll(async () => {
    await db?.close();
  });

  it("pages through every row once, newest first, and back again", async () => {
    const seen = await walk(filter());
    expect(ids(seen)).toEqual(expected(() => true));
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      expect(a.at > b.at || (a.at.getTime() === b.at.getTime() && a.id > b.id)).toBe(true);
    }
    const p1 = await listAudit(db.prisma, admin, filter(), {}, NOW, 23);
    const p2 = await listAudit(db.prisma, admin, filter(), { after: p1.older! }, NOW, 23);
    const p3 = await listAudit(db.prisma, admin, filter(), { after: p2.older! }, NOW, 23);
    expect(p1.newer).toBeNull();
    const back = await listAudit(db.prisma, admin, filter(), { before: p3.newer! }, NOW, 23);
    expect(back.rows.map((r) => r.id)).toEqual(p2.rows.map((r) => r.id));
    const back1 = await listAudit(db.prisma, admin, filter(), { before: p2.newer! }, NOW, 23);
    expect(back1.rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
    expect(back1.newer).toBeNull();
    // A made-up cursor is ignored: the first page.
    const odd = await listAudit(db.prisma, admin, filter(), { after: "x'; DROP TABLE" }, NOW, 23);
    expect(odd.rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
  });

  it("filters by who (part of the email, any case), action, outcome, sales unit, orderId and period", async () => {
    const email = (r: Prisma.AuditLogCreateManyInput) => r.userEmail?.toLowerCase() ?? "";
    const cases: [Partial<AuditFilter>, (r: Prisma.AuditLogCreateManyInput) => boolean][] = [
      [{ who: "NORDMANN" }, (r) => email(r).includes("nordmann")],
      [{ who: "@shop.no" }, (r) => email(r).endsWith("@shop.no")],
      // "_" and "%" are letters here, not LIKE wildcards.
      [{ who: "ola_hansen" }, (r) => email(r).startsWith("ola_hansen")],
      [{ who: "%" }, () => false],
      [{ action: AUDIT_ACTIONS[2] as AuditAction }, (r) => r.action === AUDIT_ACTIONS[2]],
      [{ outcome: "refused" as AuditOutcome }, (r) => r.outcome === "refused"],
      [{ msn: "299999" }, (r) => r.msn === "299999"],
      [{ orderId: "ORD-7" }, (r) => r.orderId === "ORD-7"],
      [
        { who: "shop", action: AUDIT_ACTIONS[0] as AuditAction, msn: "212345" },
        (r) => email(r).includes("shop") && r.action === AUDIT_ACTIONS[0] && r.msn === "212345",
      ],
    ];
    for (const [over, pred] of cases) {
      const want = expected(pred);
      expect(ids(await walk(filter(over), 500)), JSON.stringify(over)).toEqual(want);
    }
    expect(expected((r) => email(r).startsWith("ola_hansen")).length).toBeGreaterThan(0);
    const from = new Date(NOW.getTime() - 2 * 3_600_000);
    const to = new Date(NOW.getTime() - 3_600_000);
    const custom = await walk(filter({ time: { range: "custom", from, to } }), 500);
    expect(ids(custom)).toEqual(expected((r) => new Date(r.at!) >= from && new Date(r.at!) <= to));
    expect(custom.length).toBeGreaterThanOrEqual(400 / 9);
    expect(ids(await walk({ time: { range: "24h" } }, 500))).toEqual(
      expected((r) => new Date(r.at!).getTime() >= NOW.getTime() - 86_400_000),
    );
  });

  it("is for admins only", async () => {
    for (const role of ["finance", "support", "developer"] as const) {
      await expect(listAudit(db.prisma, actor(role, ["212345"]), filter(), {}, NOW)).rejects.toThrow(
        /lacks users:manage/,
      );
    }
  });

  it("exports the filtered rows as CSV, every row once", async () => {
    const lines: string[] = [auditCsvHeaderLine()];
    for await (const batch of iterateAudit(db.prisma, admin, filter({ msn: "212345" }), NOW, 17)) {
      lines.push(...batch.map(auditCsvRow));
    }
    expect(lines.length - 1).toBe(expected((r) => r.msn === "212345").length);
    expect(lines[0]).toBe("id,at_utc,at_oslo,user_id,user_email,action,outcome,msn,order_id,details\r\n");
    expect(lines.some((l) => /,212345,ORD-\d+,"\{""i"":\d+,""kind"":""(capture|refund)""\}"\r\n$/.test(l))).toBe(true);
    // Reading never changed the chain.
    expect(await checkAuditChain(db.prisma)).toMatchObject({ intact: true, rows: all.length });
  });
});
