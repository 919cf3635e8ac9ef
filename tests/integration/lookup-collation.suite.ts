// The orderId prefix search must find the same payments whatever the database's collation. On a
// code-point collation (PGlite, C.UTF-8) it runs as an index range; under a language collation
// (ICU en-US here) "FS-123" sorts after "FS-12~", so the range would lose it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { useAppEnv, type AppEnv } from "../helpers/app-env";
import type { DatabaseOptions, DbKind } from "../helpers/databases";

const ORDER_IDS = ["FS-12", "FS-123", "FS-12-1", "FS-12-20", "FS-12a", "fs-12b", "FS-1", "FS-13", "FS-12000-9"];
const admin: Actor = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "a@x.no",
  name: "A",
  role: "admin",
  msns: [],
  allSalesUnits: true,
  canViewPayments: true,
};

/** One database per test file: the app's modules (env, db client) are per file. */
export function lookupCollationSuite(kind: DbKind, label: string, options: DatabaseOptions = {}) {
  describe(`orderId prefix search on ${label}`, () => {
    let app: AppEnv;
    let lookupPayments: typeof import("@/lib/payments/lookup/search").lookupPayments;

    beforeAll(async () => {
      app = await useAppEnv(kind, options);
      const { db } = await import("@/lib/db/client");
      const prisma = await db();
      await prisma.salesUnit.createMany({
        data: [
          { msn: "400001", name: "Unit 1", environment: "simulator" },
          { msn: "400002", name: "Unit 2", environment: "simulator" },
        ],
      });
      await prisma.payment.createMany({
        data: ORDER_IDS.flatMap((orderId, i) =>
          ["400001", "400002"].map((msn) => ({
            msn,
            orderId,
            amount: 10_000 + i,
            createdAt: new Date(Date.UTC(2026, 10, 1, 12, i)),
          })),
        ),
      });
      ({ lookupPayments } = await import("@/lib/payments/lookup/search"));
    }, 60_000);
    afterAll(async () => app?.close());

    it("finds every orderId that starts with the query, in both sales units, and nothing else", async () => {
      const { rows, sharedOrderIds } = await lookupPayments(admin, "FS-12");
      const found = [...new Set(rows.map((r) => r.orderId))].sort();
      // Letter case is ignored ("fs-12b"), but exact-case matches come first.
      expect(found).toEqual(["FS-12", "FS-12-1", "FS-12-20", "FS-12000-9", "FS-123", "FS-12a", "fs-12b"]);
      expect(rows.filter((r) => r.orderId === "fs-12b").map((r) => r.match)).toEqual([
        "prefixAnyCase",
        "prefixAnyCase",
      ]);
      expect(rows.findIndex((r) => r.match === "prefixAnyCase")).toBeGreaterThan(
        rows.findLastIndex((r) => r.match === "prefix"),
      );
      expect(
        rows
          .filter((r) => r.orderId === "FS-123")
          .map((r) => r.msn)
          .sort(),
      ).toEqual(["400001", "400002"]);
      expect(sharedOrderIds).toContain("FS-123");
      // the exact match first, then its siblings
      expect(rows.slice(0, 2).map((r) => r.match)).toEqual(["exact", "exact"]);
    });

    it("finds the base and the other siblings from a sibling", async () => {
      const { rows } = await lookupPayments(admin, "FS-12-1");
      expect([...new Set(rows.map((r) => `${r.orderId}:${r.match}`))].sort()).toEqual([
        "FS-12-1:exact",
        "FS-12-20:sibling",
        "FS-12:sibling",
      ]);
    });
  });
}
