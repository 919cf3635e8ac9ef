// Two-factor sign-in's pure parts: the setting, who must enrol, and the recovery-code format.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { isEnrolPath, twoFactorState } from "@/lib/auth/two-factor/policy";
import {
  hashRecoveryCode,
  newRecoveryCodes,
  normalizeRecoveryCode,
  RECOVERY_CODE_COUNT,
} from "@/lib/auth/two-factor/recovery-codes";

describe("two-factor settings", () => {
  it("requires admin and finance by default, none in demo mode, and exactly what is configured", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@db/mo" }).twoFactor.requiredRoles).toEqual(["admin", "finance"]);
    expect(parseEnv({}).twoFactor.requiredRoles).toEqual([]);
    expect(parseEnv({ TWO_FACTOR_REQUIRED_ROLES: " support , admin,admin" }).twoFactor.requiredRoles).toEqual([
      "support",
      "admin",
    ]);
    expect(
      parseEnv({ DATABASE_URL: "postgres://u:p@db/mo", TWO_FACTOR_REQUIRED_ROLES: "" }).twoFactor.requiredRoles,
    ).toEqual([]);
    expect(() => parseEnv({ TWO_FACTOR_REQUIRED_ROLES: "admin,root" })).toThrow(/TWO_FACTOR_REQUIRED_ROLES/);
  });

  it("asks for a step-up code above 10 000 kr unless configured otherwise", () => {
    expect(parseEnv({}).twoFactor.stepUpThresholdOre).toBe(1_000_000);
    expect(parseEnv({ STEP_UP_THRESHOLD_ORE: "0" }).twoFactor.stepUpThresholdOre).toBe(0);
    expect(() => parseEnv({ STEP_UP_THRESHOLD_ORE: "-1" })).toThrow(/STEP_UP_THRESHOLD_ORE/);
  });

  it("a user must enrol only when the role requires it and they have not", () => {
    const roles = ["admin", "finance"] as const;
    expect(twoFactorState({ role: "admin", totpEnabledAt: null }, roles)).toEqual({ enrolled: false, mustEnrol: true });
    expect(twoFactorState({ role: "admin", totpEnabledAt: new Date() }, roles)).toEqual({
      enrolled: true,
      mustEnrol: false,
    });
    expect(twoFactorState({ role: "support", totpEnabledAt: null }, roles)).toEqual({
      enrolled: false,
      mustEnrol: false,
    });
    expect(isEnrolPath("/account/security")).toBe(true);
    expect(isEnrolPath("/account/security?x=1")).toBe(true);
    expect(isEnrolPath("/account/security-other")).toBe(false);
    expect(isEnrolPath("/")).toBe(false);
  });
});

describe("recovery codes", () => {
  it("are ten distinct xxxx-xxxx-xx codes from the base32 alphabet", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{2}$/);
  });

  it("are read in any case, with or without dashes and spaces; anything else is not a code", () => {
    expect(normalizeRecoveryCode("AB2C-DE3F-G7")).toBe("ab2cde3fg7");
    expect(normalizeRecoveryCode(" ab2c de3f g7 ")).toBe("ab2cde3fg7");
    expect(normalizeRecoveryCode("ab2c-de3f-g1")).toBeNull(); // 1 is not base32
    expect(normalizeRecoveryCode("ab2c-de3f")).toBeNull();
    expect(hashRecoveryCode("ab2cde3fg7")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode("ab2cde3fg7")).not.toBe(hashRecoveryCode("ab2cde3fg6"));
  });
});
