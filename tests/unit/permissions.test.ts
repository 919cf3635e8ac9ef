import { describe, expect, it } from "vitest";
import {
  assertCan,
  assertMsn,
  can,
  canSeeMsn,
  msnScope,
  PERMISSIONS,
  type Actor,
  type Permission,
} from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

const actor = (over: Partial<Actor>): Actor => ({
  id: "u1",
  email: "u@x.no",
  name: "U",
  role: "support",
  msns: ["111111"],
  allSalesUnits: false,
  canViewPayments: true,
  ...over,
});

const matrix: Record<Actor["role"], Permission[]> = {
  admin: [
    "payments:read",
    "payments:money",
    "apilog:read",
    "salesunits:read",
    "salesunits:manage",
    "users:manage",
    "alerts:manage",
  ],
  finance: ["payments:read", "payments:money", "salesunits:read"],
  support: ["payments:read", "salesunits:read"],
  developer: ["apilog:read", "salesunits:read"],
};
const all: Permission[] = [...PERMISSIONS];

describe("roles", () => {
  for (const [role, allowed] of Object.entries(matrix) as [Actor["role"], Permission[]][]) {
    it(`${role} may do exactly ${allowed.join(", ")}`, () => {
      const a = actor({ role, canViewPayments: role !== "developer" });
      expect(all.filter((p) => can(a, p))).toEqual(allowed);
    });
  }

  it("support may never move money", () => {
    expect(() => assertCan(actor({ role: "support" }), "payments:money")).toThrow(AppError);
  });

  it("developers read payments only when an admin allowed it", () => {
    expect(can(actor({ role: "developer", canViewPayments: false }), "payments:read")).toBe(false);
    expect(can(actor({ role: "developer", canViewPayments: true }), "payments:read")).toBe(true);
    expect(can(actor({ role: "developer", canViewPayments: true }), "payments:money")).toBe(false);
  });

  it("fails closed without an actor", () => {
    expect(can(null, "payments:read")).toBe(false);
    expect(() => assertCan(undefined, "payments:read")).toThrow(expect.objectContaining({ code: "unauthenticated" }));
  });
});

describe("sales-unit scope", () => {
  it("limits non-admins to their MSNs and hides others as not found", () => {
    const a = actor({ msns: ["111111"] });
    expect(canSeeMsn(a, "111111")).toBe(true);
    expect(canSeeMsn(a, "222222")).toBe(false);
    expect(() => assertMsn(a, "222222")).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(msnScope(a)).toEqual({ msn: { in: ["111111"] } });
  });

  it("lets admins see every MSN", () => {
    const a = actor({ role: "admin", msns: [], allSalesUnits: true });
    expect(canSeeMsn(a, "999999")).toBe(true);
    expect(msnScope(a)).toEqual({});
  });

  it("gives a user with no sales units an empty scope, not everything", () => {
    expect(msnScope(actor({ msns: [] }))).toEqual({ msn: { in: [] } });
  });
});
