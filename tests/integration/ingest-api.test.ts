// POST /api/v1/payments: key authentication (missing, wrong, revoked → 401), the admin's key life
// cycle (hashed, shown once, scoped, audit-logged), 1,001 items refused whole, and one result per
// item: registered, already known, not found at Vipps, invalid (format or outside the key's scope).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, hashApiKey, revokeApiKey } from "@/lib/ingest/api-keys";
import { createIngestHandler } from "@/lib/ingest/ingest-api";
import { createLimiter } from "@/lib/limits";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { actor, addUnit, simPayment, startStack, type Stack } from "../helpers/ingest";

const kinds = await databaseKinds();
const SHOP = "512345";
const OTHER = "512346";
const admin = actor("admin");

interface Result {
  index: number;
  msn: string;
  orderId: string;
  status: string;
  error?: string;
  warning?: string;
}

describe.each(kinds)("ingest API on %s", (kind) => {
  let db: TestDb;
  let stack: Stack;
  let POST: (request: Request) => Promise<Response>;
  let key: string;

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    stack = await startStack();
    await addUnit(stack, db.prisma, SHOP);
    await addUnit(stack, db.prisma, OTHER);
    POST = createIngestHandler({ db: async () => db.prisma, clientFor: (msn) => stack.clientFor(msn) });
    key = (await createApiKey(db.prisma, admin, { name: "Shop prod", allSalesUnits: false, msns: [SHOP] })).key;
  });
  afterAll(async () => {
    await stack?.close();
    await db?.close();
  });

  async function send(body: unknown, auth: string | null = `Bearer ${key}`, raw?: string) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (auth !== null) headers.authorization = auth;
    const res = await POST(
      new Request("http://app/api/v1/payments", { method: "POST", headers, body: raw ?? JSON.stringify(body) }),
    );
    return {
      status: res.status,
      headers: res.headers,
      json: (await res.json()) as {
        results?: Result[];
        summary?: Record<string, number>;
        error?: string;
        message?: string;
      },
    };
  }

  describe("keys", () => {
    it("stores only a hash and a display prefix, and logs who created it", async () => {
      expect(key).toMatch(/^mo_live_[A-Za-z0-9_-]{43}$/);
      const row = await db.prisma.integrationApiKey.findUnique({ where: { keyHash: hashApiKey(key) } });
      expect(row).toMatchObject({
        name: "Shop prod",
        msns: [SHOP],
        allSalesUnits: false,
        prefix: key.slice(0, 12),
        createdById: admin.id,
      });
      expect(JSON.stringify(await db.prisma.integrationApiKey.findMany())).not.toContain(key);
      expect(await db.prisma.auditLog.count({ where: { action: "api_key_created", userId: admin.id } })).toBe(1);
    });

    it("may be created and revoked by admins only, for existing sales units", async () => {
      await expect(
        createApiKey(db.prisma, actor("finance", [SHOP]), { name: "x", allSalesUnits: true, msns: [] }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        createApiKey(db.prisma, admin, { name: "x", allSalesUnits: false, msns: ["599999"] }),
      ).rejects.toMatchObject({ code: "invalid_input" });
      const other = await createApiKey(db.prisma, admin, { name: "tmp", allSalesUnits: true, msns: [] });
      await expect(revokeApiKey(db.prisma, actor("support", [SHOP]), other.id)).rejects.toMatchObject({
        code: "forbidden",
      });
      await revokeApiKey(db.prisma, admin, other.id);
      expect(await db.prisma.auditLog.count({ where: { action: "api_key_revoked" } })).toBe(1);
    });
  });

  describe("authentication", () => {
    it.each([
      ["no Authorization header", null, "missing_api_key"],
      ["a wrong key", `Bearer mo_live_${"A".repeat(43)}`, "invalid_api_key"],
      ["a malformed header", "Basic dXNlcjpwYXNz", "invalid_api_key"],
      ["the key without Bearer", "KEY", "invalid_api_key"],
    ])("answers 401 for %s", async (_label, auth, error) => {
      const res = await send({ payments: [{ msn: SHOP, orderId: "auth-1" }] }, auth === "KEY" ? key : auth);
      expect(res.status).toBe(401);
      expect(res.json.error).toBe(error);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
    });

    it("answers 401 for a revoked key, at once", async () => {
      const k = await createApiKey(db.prisma, admin, { name: "soon gone", allSalesUnits: true, msns: [] });
      await simPayment(stack, SHOP, "auth-revoked");
      expect((await send({ payments: [{ msn: SHOP, orderId: "auth-revoked" }] }, `Bearer ${k.key}`)).status).toBe(200);
      await revokeApiKey(db.prisma, admin, k.id);
      const res = await send({ payments: [{ msn: SHOP, orderId: "auth-revoked" }] }, `Bearer ${k.key}`);
      expect(res).toMatchObject({ status: 401, json: { error: "invalid_api_key" } });
    });

    it("records when a key was last used", async () => {
      await simPayment(stack, SHOP, "auth-used");
      expect((await send({ payments: [{ msn: SHOP, orderId: "auth-used" }] })).status).toBe(200);
      const row = await db.prisma.integrationApiKey.findUnique({ where: { keyHash: hashApiKey(key) } });
      expect(row?.lastUsedAt).toBeInstanceOf(Date);
    });
  });

  describe("the envelope", () => {
    it("refuses 1,001 items whole, with a clear message, and writes nothing", async () => {
      const payments = Array.from({ length: 1001 }, (_, i) => ({ msn: SHOP, orderId: `big-${i}` }));
      await simPayment(stack, SHOP, "big-0");
      const calls = stack.detailsCalls();
      const res = await send({ payments });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: "too_many_payments", message: expect.stringContaining("1001") });
      expect(res.json.message).toContain("1000");
      expect(await db.prisma.payment.count({ where: { orderId: { startsWith: "big-" } } })).toBe(0);
      expect(stack.detailsCalls()).toBe(calls);
    });

    it.each([
      ["not JSON", undefined, "{", "invalid_json"],
      ["no payments array", { items: [] }, undefined, "invalid_body"],
      ["an empty array", { payments: [] }, undefined, "no_payments"],
      ["a bare array", [{ msn: SHOP, orderId: "x" }], undefined, "invalid_body"],
    ])("refuses %s with 400", async (_label, body, raw, error) => {
      const res = await send(body, `Bearer ${key}`, raw);
      expect(res).toMatchObject({ status: 400, json: { error } });
    });
  });

  describe("per item", () => {
    it("registers, recognises, and explains every item on its own", async () => {
      await simPayment(stack, SHOP, "item-new", "approve", 25_000);
      await simPayment(stack, SHOP, "item-known");
      await simPayment(stack, OTHER, "item-other");
      await simPayment(stack, SHOP, "item-amount", "approve", 30_000);
      expect((await send({ payments: [{ msn: SHOP, orderId: "item-known" }] })).json.results?.[0]?.status).toBe(
        "registered",
      );

      const res = await send({
        payments: [
          { msn: SHOP, orderId: "item-new", amount: 25_000, createdAt: "2026-11-21T09:00:00Z" },
          { msn: SHOP, orderId: "item-known" },
          { msn: OTHER, orderId: "item-other" },
          { msn: SHOP, orderId: "item-nowhere" },
          { msn: SHOP, orderId: "bad_order!" },
          { msn: SHOP, orderId: "x".repeat(51) },
          { msn: "12", orderId: "item-x" },
          { msn: "599999", orderId: "item-x" },
          "just a string",
          { msn: SHOP },
          { msn: SHOP, orderId: "item-y", amount: 12.5 },
          { msn: SHOP, orderId: "item-y", createdAt: "last tuesday" },
          { msn: Number(SHOP), orderId: "item-amount", amount: 29_000 },
          { msn: SHOP, orderId: "item-new" },
        ],
      });
      expect(res.status).toBe(200);
      const r = res.json.results!;
      expect(r.map((x) => [x.index, x.status])).toEqual([
        [0, "registered"],
        [1, "already_known"],
        [2, "invalid"],
        [3, "not_found_at_vipps"],
        [4, "invalid"],
        [5, "invalid"],
        [6, "invalid"],
        [7, "invalid"],
        [8, "invalid"],
        [9, "invalid"],
        [10, "invalid"],
        [11, "invalid"],
        [12, "registered"],
        [13, "already_known"],
      ]);
      expect(r[2]!.error).toBe(`Sales unit ${OTHER} does not exist, or you may not register payments for it.`);
      expect(r[7]!.error).toBe(r[2]!.error!.replace(OTHER, "599999")); // outside the scope = does not exist
      expect(r[3]!.error).toContain("does not know orderId item-nowhere");
      expect(r[4]!.error).toContain("orderId must be 1 to 50 characters");
      expect(r[6]!.error).toContain("msn must be 5 to 7 digits");
      expect(r[8]!.error).toContain("object with msn and orderId");
      expect(r[10]!.error).toContain("whole number of øre");
      expect(r[11]!.error).toContain("ISO 8601");
      expect(r[12]!.warning).toBe("Vipps says the amount is 30000 øre, not 29000.");
      expect(r[13]!.error).toBe("Same payment as item 0.");
      expect(res.json.summary).toEqual({
        registered: 2,
        already_known: 2,
        not_found_at_vipps: 1,
        invalid: 9,
        failed: 0,
      });

      expect(
        await db.prisma.payment.findUnique({ where: { msn_orderId: { msn: SHOP, orderId: "item-new" } } }),
      ).toMatchObject({ status: "reserved", amount: 25_000 });
      expect(await db.prisma.payment.count({ where: { msn: OTHER } })).toBe(0);
      expect(await db.prisma.payment.count({ where: { orderId: "item-nowhere" } })).toBe(0);
      expect(
        await db.prisma.auditLog.findFirst({ where: { action: "ingest_api" }, orderBy: { id: "desc" } }),
      ).toMatchObject({ details: expect.objectContaining({ items: 14, registered: 2 }) });
    });

    it("reports Vipps being away as failed for that item only, and a repeat registers it", async () => {
      await simPayment(stack, SHOP, "item-flaky");
      await simPayment(stack, SHOP, "item-fine");
      await stack.control.fault({ msn: SHOP, endpoint: "details", mode: "error500", count: 3 });
      const first = await send({ payments: [{ msn: SHOP, orderId: "item-flaky" }] });
      expect(first.json.results?.[0]).toMatchObject({
        status: "failed",
        error: expect.stringContaining("Vipps did not answer"),
      });
      const second = await send({
        payments: [
          { msn: SHOP, orderId: "item-flaky" },
          { msn: SHOP, orderId: "item-fine" },
        ],
      });
      expect(second.json.results?.map((x) => x.status)).toEqual(["registered", "registered"]);
    });

    it("registers 1,000 items in one request with bounded concurrency", async () => {
      const ids = Array.from({ length: 1000 }, (_, i) => `bulk-${i}`);
      for (const id of ids.slice(0, 20)) await simPayment(stack, SHOP, id);
      const res = await send({ payments: ids.map((orderId) => ({ msn: SHOP, orderId })) });
      expect(res.status).toBe(200);
      expect(res.json.summary).toMatchObject({ registered: 20, not_found_at_vipps: 980 });
    }, 120_000);
  });

  describe("limits per key (429 + Retry-After, nothing registered)", () => {
    it("limits requests per key and minute; another key is not affected", async () => {
      const limits = {
        requests: createLimiter({ kind: "memory" }, { name: "req", points: 3, windowSeconds: 60 }),
        reads: createLimiter({ kind: "memory" }, { name: "read", points: 1000, windowSeconds: 60 }),
      };
      const limited = createIngestHandler({
        db: async () => db.prisma,
        clientFor: (msn) => stack.clientFor(msn),
        limits: () => limits,
      });
      const other = (await createApiKey(db.prisma, admin, { name: "Other", allSalesUnits: true, msns: [] })).key;
      const post = (k: string) =>
        limited(
          new Request("http://app/api/v1/payments", {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${k}` },
            body: JSON.stringify({ payments: [{ msn: SHOP, orderId: "lim-none" }] }),
          }),
        );
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await post(key)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await post(key);
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await refused.json()).toMatchObject({ error: "rate_limited" });
      expect((await post(other)).status).toBe(200);
    });

    it("limits the GET /details reads a batch would cause, before reading or writing anything", async () => {
      const limits = {
        requests: createLimiter({ kind: "memory" }, { name: "req2", points: 100, windowSeconds: 60 }),
        reads: createLimiter({ kind: "memory" }, { name: "read2", points: 5, windowSeconds: 60 }),
      };
      const limited = createIngestHandler({
        db: async () => db.prisma,
        clientFor: (msn) => stack.clientFor(msn),
        limits: () => limits,
      });
      for (let i = 0; i < 6; i++) await simPayment(stack, SHOP, `lim-${kind}-${i}`, "approve");
      const post = (ids: string[]) =>
        limited(
          new Request("http://app/api/v1/payments", {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
            body: JSON.stringify({ payments: ids.map((orderId) => ({ msn: SHOP, orderId })) }),
          }),
        );
      const ids = Array.from({ length: 6 }, (_, i) => `lim-${kind}-${i}`);
      const refused = await post(ids);
      expect(refused.status).toBe(429);
      expect(await db.prisma.payment.count({ where: { orderId: { in: ids } } })).toBe(0);
      // Five fit in the allowance; known payments cost nothing afterwards.
      const five = await post(ids.slice(0, 5));
      expect(five.status, await five.clone().text()).toBe(200);
      expect(await db.prisma.payment.count({ where: { orderId: { in: ids } } })).toBe(5);
      expect((await post(ids.slice(0, 5))).status).toBe(200);
    });
  });
});
