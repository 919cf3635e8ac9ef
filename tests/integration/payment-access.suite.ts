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
