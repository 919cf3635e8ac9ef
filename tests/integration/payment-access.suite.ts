// Cross-sales-unit access: a user of MSN A cannot read, search, look up at Vipps or refresh a
// payment of MSN B, by any function the pages and actions use. Also the lookup itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { useAppEnv, type AppEnv } from "../helpers/app-env";
import type { DbKind } from "../helpers/databases";

export function accessSuite(kind: DbKind) {
  let app: AppEnv;
  let lib: {
    lookupPayments: typeof import("@/lib/payments/lookup/search").lookupPayments;
    getPaymentDetail: typeof import("@/lib/payments/detail/load").getPaymentDetail;
    loadPaymentPage: typeof import("@/lib/payments/detail/load").loadPaymentPage;
    refreshPayment: typeof import("@/lib/payments/sync/refresh-payment").refreshPayment;
    lookUpAtVipps: typeof import("@/lib/payments/lookup/look-up-at-vipps").lookUpAtVipps;
  };
  const actor = (over: Partial<Actor>): Actor => ({
    id: "00000000-0000-4000-8000-000000000001",
    email: "a@x.no",
    name: "A",
    role: "support",
    msns: ["212345"],
    allSalesUnits: false,
    canViewPayments: true,
    ...over,
  });
  const supportA = actor({});
  const admin = actor({ role: "admin", msns: [], allSalesUnits: true });

  beforeAll(async () => {
    app = await useAppEnv(kind);
    const [{ seedDemoPayments }, { db }, { apiLogSink }, { secrets }] = await Promise.all([
      import("@/lib/seed/payments"),
      import("@/lib/db/client"),
      import("@/lib/api-log/writer"),
      import("@/lib/secrets"),
    ]);
    await seedDemoPayments({
      simulatorUrl: app.sim.url,
      prisma: await db(),
      sink: apiLogSink(),
      encryptionKey: secrets().encryptionKey,
      callbackPrefix: "http://127.0.0.1:9/api/vipps",
      count: 60,
    });
    lib = {
      lookupPayments: (await import("@/lib/payments/lookup/search")).lookupPayments,
      getPaymentDetail: (await import("@/lib/payments/detail/load")).getPaymentDetail,
      loadPaymentPage: (await import("@/lib/payments/detail/load")).loadPaymentPage,
      refreshPayment: (await import("@/lib/payments/sync/refresh-payment")).refreshPayment,
      lookUpAtVipps: (await import("@/lib/payments/lookup/look-up-at-vipps")).lookUpAtVipps,
    };
  }, 120_000);
  afterAll(async () => app?.close());

  describe(`lookup and access on ${kind}`, () => {
    it("finds an orderId in every sales unit the user may see, and flags it as shared", async () => {
      const all = await lib.lookupPayments(admin, "ORD-3100");
      expect(all.rows.map((r) => r.msn).sort()).toEqual(["212345", "212347"]);
      expect(all.sharedOrderIds).toEqual(["ORD-3100"]);
      const mine = await lib.lookupPayments(supportA, "ORD-3100");
      expect(mine.rows.map((r) => r.msn)).toEqual(["212345"]);
      expect(mine.sharedOrderIds).toEqual([]);
    });

    it("finds siblings (-1, -2) from the base and from a sibling, and finds a transactionId", async () => {
      const fromBase = await lib.lookupPayments(admin, "DBL-7000");
      expect(fromBase.rows[0]).toMatchObject({ orderId: "DBL-7000", match: "exact" });
      expect(
        fromBase.rows
          .slice(1)
          .map((r) => [r.orderId, r.match])
          .sort(),
      ).toEqual([
        ["DBL-7000-1", "sibling"],
        ["DBL-7000-2", "sibling"],
      ]);
      const fromSibling = await lib.lookupPayments(admin, "DBL-7000-2");
      expect(fromSibling.rows.map((r) => r.orderId).sort()).toEqual(["DBL-7000", "DBL-7000-1", "DBL-7000-2"]);
      const detail = await lib.getPaymentDetail(admin, "212345", "DBL-7000");
      const tid = detail!.payment.events.find((e) => e.operation === "CAPTURE")!.transactionId!;
      expect((await lib.lookupPayments(admin, tid)).rows.map((r) => [r.orderId, r.match])).toEqual([
        ["DBL-7000", "transactionId"],
      ]);
    });

    it("ignores letter case, with exact-case matches first", async () => {
      const { db } = await import("@/lib/db/client");
      const prisma = await db();
      // Another payment whose orderId differs only in case (orderIds are case-sensitive at Vipps).
      const like = await prisma.payment.findFirstOrThrow({ where: { msn: "212345", orderId: "ORD-3100" } });
      await prisma.payment.create({
        data: { msn: "212345", orderId: "ord-3100", amount: like.amount, status: "reserved" },
      });
      const exact = await lib.lookupPayments(admin, "ORD-3100");
      expect(exact.rows.map((r) => [r.orderId, r.match])).toEqual([
        ["ORD-3100", "exact"],
        ["ORD-3100", "exact"],
        ["ord-3100", "exactAnyCase"],
      ]);
      const lower = await lib.lookupPayments(admin, "ord-3100");
      expect(lower.rows[0]).toMatchObject({ orderId: "ord-3100", match: "exact" });
      expect(lower.rows.slice(1).map((r) => [r.orderId, r.match])).toEqual([
        ["ORD-3100", "exactAnyCase"],
        ["ORD-3100", "exactAnyCase"],
      ]);
      // Still scoped: the support user of 212345 sees only that unit's.
      expect((await lib.lookupPayments(supportA, "ord-3100")).rows.map((r) => r.msn)).toEqual(["212345", "212345"]);
      // A prefix in another case: "oRd-310" starts both.
      const prefixed = await lib.lookupPayments(admin, "oRd-310");
      expect(prefixed.rows.filter((r) => r.orderId.toLowerCase() === "ord-3100").map((r) => r.match)).toEqual([
        "prefixAnyCase",
        "prefixAnyCase",
        "prefixAnyCase",
      ]);
      await prisma.payment.delete({ where: { msn_orderId: { msn: "212345", orderId: "ord-3100" } } });
    });

    it("finds payments by amount as people write it, and by transaction text", async () => {
      const { db } = await import("@/lib/db/client");
      const prisma = await db();
      const p = await prisma.payment.findFirstOrThrow({ where: { msn: "212345", orderId: "ORD-3100" } });
      const kroner = `${Math.floor(p.amount / 100)},${String(p.amount % 100).padStart(2, "0")}`;
      for (const q of [kroner, `${kroner} kr`, (p.amount / 100).toFixed(2)]) {
        const found = await lib.lookupPayments(supportA, q);
        expect(found.amount, q).toBe(p.amount);
        expect(found.rows.length, q).toBeGreaterThan(0);
        expect(
          found.rows.every((r) => r.amount === p.amount && r.msn === "212345"),
          q,
        ).toBe(true);
        expect(
          found.rows.some((r) => r.orderId === "ORD-3100" && r.match === "amount"),
          q,
        ).toBe(true);
        const direct = await prisma.payment.count({ where: { msn: "212345", amount: p.amount } });
        expect(found.rows.filter((r) => r.match === "amount")).toHaveLength(Math.min(direct, 50));
      }
      await prisma.payment.update({ where: { id: p.id }, data: { transactionText: "Vinterjakke Fjellsport str. M" } });
      const byText = await lib.lookupPayments(supportA, "vinterjakke");
      expect(byText.rows.map((r) => [r.orderId, r.match])).toEqual([["ORD-3100", "text"]]);
      expect(byText.amount).toBeNull();
      // Another unit's text is not found by this user.
      await prisma.payment.updateMany({
        where: { msn: "212347", orderId: "ORD-3100" },
        data: { transactionText: "Vinterjakke" },
      });
      expect((await lib.lookupPayments(supportA, "Vinterjakke")).rows.map((r) => r.msn)).toEqual(["212345"]);
      expect((await lib.lookupPayments(admin, "Vinterjakke")).rows).toHaveLength(2);
    });

    it("says when results are cut off, with how many matched in all", async () => {
      const { db } = await import("@/lib/db/client");
      const prisma = await db();
      await prisma.payment.createMany({
        data: Array.from({ length: 70 }, (_, i) => ({
          msn: "212345",
          orderId: `CUT-${String(i).padStart(3, "0")}`,
          amount: 12_345,
          status: "reserved" as const,
        })),
      });
      const found = await lib.lookupPayments(supportA, "CUT-");
      expect(found.rows).toHaveLength(50);
      expect(found.more).toEqual({ total: 70, atLeast: false });
      // Newest first among equals, and nothing cut when everything fits.
      expect((await lib.lookupPayments(supportA, "CUT-00")).more).toBeNull();
      const byAmount = await lib.lookupPayments(supportA, "123,45");
      expect(byAmount.more?.total).toBeGreaterThanOrEqual(70);
      await prisma.payment.deleteMany({ where: { orderId: { startsWith: "CUT-" } } });
    });

    it("does not let a user of MSN 212345 read, search, refresh or look up a payment of MSN 212347", async () => {
      expect(await lib.getPaymentDetail(supportA, "212347", "ORD-3100")).toBeNull();
      expect(await lib.getPaymentDetail(admin, "212347", "ORD-3100")).not.toBeNull();
      // The attempt is audited (the user still learns nothing); the admin's view is audited as a view.
      const { db } = await import("@/lib/db/client");
      const prisma = await db();
      expect(
        await prisma.auditLog.count({
          where: {
            action: "action_refused",
            outcome: "not_found",
            userId: supportA.id,
            msn: "212347",
            orderId: "ORD-3100",
          },
        }),
      ).toBeGreaterThan(0);
      expect(
        await prisma.auditLog.count({
          where: { action: "payment_viewed", userId: admin.id, msn: "212347", orderId: "ORD-3100" },
        }),
      ).toBeGreaterThan(0);
      // The payment page's loader: another MSN, a malformed id and an unknown payment are all null (404).
      expect(await lib.loadPaymentPage(supportA, "212347", "ORD-3100")).toBeNull();
      expect(await lib.loadPaymentPage(supportA, "212345", "ORD 3100")).toBeNull();
      expect(await lib.loadPaymentPage(supportA, "2123x", "ORD-3100")).toBeNull();
      expect(await lib.loadPaymentPage(supportA, "212345", "NOPE-404")).toBeNull();
      expect((await lib.lookupPayments(supportA, "ORD-3101")).rows.every((r) => r.msn === "212345")).toBe(true);
      await expect(lib.refreshPayment(supportA, "212347", "ORD-3100")).rejects.toMatchObject({ code: "not_found" });
      const asked = await lib.lookUpAtVipps(supportA, "ORD-3100");
      expect(asked.map((r) => r.msn)).toEqual(["212345"]);
    });

    it("refuses developers without payment access and anyone not signed in", async () => {
      const dev = actor({ role: "developer", canViewPayments: false, msns: ["212345"] });
      await expect(lib.getPaymentDetail(dev, "212345", "ORD-3100")).rejects.toMatchObject({ code: "forbidden" });
      await expect(lib.loadPaymentPage(dev, "212345", "ORD-3100")).rejects.toMatchObject({ code: "forbidden" });
      await expect(lib.refreshPayment(dev, "212345", "ORD-3100")).rejects.toMatchObject({ code: "forbidden" });
      await expect(lib.refreshPayment(null, "212345", "ORD-3100")).rejects.toMatchObject({ code: "unauthenticated" });
    });

    it("loads everything the payment page shows: the payment, its deadlines and the charged-twice facts", async () => {
      const page = await lib.loadPaymentPage(supportA, "212345", "DBL-7000-1");
      expect(page!.payment).toMatchObject({ msn: "212345", orderId: "DBL-7000-1" });
      expect(page!.deadlines.captureUntil).not.toBeNull();
      expect(page!.explanation.verdict).toBe("genuine_second_payment");
      expect(page!.explanation.duplicates.map((d) => d.orderId)).toContain("DBL-7000-2");
      expect(page!.explanation.facts.map((f) => f.code)).toContain("second_payment");
    });

    it("tells the payment page about the same orderId in the user's other sales units, and only those", async () => {
      const mine = await lib.loadPaymentPage(supportA, "212345", "ORD-3100");
      expect(mine!.sameOrderId).toEqual([]);
      const all = await lib.loadPaymentPage(admin, "212345", "ORD-3100");
      expect(all!.sameOrderId.map((o) => [o.msn, o.orderId, o.salesUnit.name])).toEqual([
        ["212347", "ORD-3100", expect.any(String)],
      ]);
      expect(all!.failure).toBeNull();
    });

    it("says why a failed payment failed, from what Vipps told us", async () => {
      const { db } = await import("@/lib/db/client");
      const prisma = await db();
      const failed = await prisma.payment.findFirstOrThrow({ where: { msn: "212345", status: "failed" } });
      const page = await lib.loadPaymentPage(supportA, "212345", failed.orderId);
      // The demo's callbacks go nowhere, so the reason is the failed step in Vipps' own log.
      expect(page!.failure).toMatchObject({ source: "log", operation: expect.stringMatching(/RESERVE|SALE/) });
      // A callback with Vipps' errorInfo says more, and wins.
      await prisma.apiCallLog.create({
        data: {
          msn: "212345",
          environment: "simulator",
          operation: "callback",
          method: "POST",
          path: "/api/vipps/v2/payments/{orderId}",
          orderId: failed.orderId,
          httpStatus: 200,
          durationMs: 2,
          source: "callback",
          requestBody: { errorInfo: { errorGroup: "Payment", errorCode: "45", errorMessage: "Payment declined" } },
        },
      });
      const again = await lib.loadPaymentPage(supportA, "212345", failed.orderId);
      expect(again!.failure).toMatchObject({ source: "callback", errorGroup: "Payment", errorCode: "45" });
    });

    it("refreshes a visible payment from Vipps and logs the call", async () => {
      const before = (await lib.getPaymentDetail(supportA, "212345", "ORD-3100"))!.payment.lastSyncedAt!;
      await lib.refreshPayment(supportA, "212345", "ORD-3100");
      const after = await lib.getPaymentDetail(supportA, "212345", "ORD-3100");
      expect(after!.payment.lastSyncedAt!.getTime()).toBeGreaterThan(before.getTime());
      expect(after!.payment.events.length).toBe(3);
    });

    it("registers a payment found only at Vipps", async () => {
      const { SimControl } = await import("@/lib/seed/sim-control");
      const { ecomClientFor } = await import("@/lib/payments/sync/vipps");
      const client = await ecomClientFor("212345");
      await client.initiatePayment({
        orderId: "REMOTE-1",
        amount: 12300,
        transactionText: "x",
        callbackPrefix: "http://127.0.0.1:9/cb",
        fallBack: "https://x.example/",
      });
      await new SimControl(app.sim.url).user("212345", "REMOTE-1", "approve");
      expect((await lib.lookupPayments(supportA, "REMOTE-1")).rows).toEqual([]);
      const asked = await lib.lookUpAtVipps(supportA, "REMOTE-1");
      expect(asked).toEqual([{ msn: "212345", salesUnitName: "Fjellsport Nettbutikk", result: "found" }]);
      expect((await lib.lookupPayments(supportA, "REMOTE-1")).rows[0]).toMatchObject({
        orderId: "REMOTE-1",
        status: "reserved",
        amount: 12300,
      });
    });
  });
}
