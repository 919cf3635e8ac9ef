// One place that checks a second-factor code, for sign-in, step-up and the account page alike:
// a 6-digit TOTP code (never one already used: its time step must be newer than the last one), or a
// recovery code (used once). Wrong codes count exactly like wrong passwords — the same per-email
// lockout (lib/auth/throttle.ts) and per-address limit — so 10 wrong codes lock like 10 wrong
// passwords, and every failure is audited.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import type { Limiter } from "@/lib/limits";
import type { ClientInfo } from "../client";
import { clearFailures, lockedUntil, recordFailure } from "../throttle";
import { hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { openTotpSecret } from "./secret-box";
import { matchTotp } from "./totp";

export type SecondFactor = "totp" | "recovery";

export interface CodeUser {
  id: string;
  email: string;
  totpSecret: string | null;
  totpLastStep: number | null;
}

/** Longest input looked at; anything longer is a wrong code. */
export const MAX_CODE_LENGTH = 64;

/** Checks and spends a code: a TOTP step moves the user's last step forward, a recovery code is marked used. */
export async function redeemCode(
  db: PrismaClient,
  user: CodeUser,
  input: string,
  now: Date,
): Promise<SecondFactor | null> {
  const code = input.replace(/\s/g, "");
  if (code.length === 0 || code.length > MAX_CODE_LENGTH) return null;
  if (/^\d{6}$/.test(code)) {
    if (!user.totpSecret) return null;
    const step = await matchTotp(openTotpSecret(user.id, user.totpSecret), code, now, user.totpLastStep);
    if (step === null) return null;
    // Conditional, so two requests with the same code at once cannot both pass.
    const claimed = await db.user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return claimed.count === 1 ? "totp" : null;
  }
  const normalized = normalizeRecoveryCode(code);
  if (!normalized) return null;
  const spent = await db.recoveryCode.updateMany({
    where: { userId: user.id, codeHash: hashRecoveryCode(normalized), usedAt: null },
    data: { usedAt: now },
  });
  return spent.count === 1 ? "recovery" : null;
}

export type CodePurpose = "sign_in" | "step_up" | "disable" | "regenerate";

export interface CodeAttempt {
  now: Date;
  purpose: CodePurpose;
  client?: ClientInfo;
  /** Failed sign-ins per client address (lib/limits/app.ts): wrong codes count there too. */
  addressLimiter?: Limiter;
}

export type CodeCheck =
  | { ok: true; factor: SecondFactor }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; lockedUntil: Date }
  | { ok: false; reason: "address_throttled"; retryAfterSeconds: number };

/** redeemCode behind the lockout and the address limit, with the failure audited. */
export async function attemptCode(
  db: PrismaClient,
  user: CodeUser,
  input: string,
  attempt: CodeAttempt,
): Promise<CodeCheck> {
  const { now, purpose, client, addressLimiter } = attempt;
  const who = { id: user.id, email: user.email };
  const details = { purpose, ...(client ? { address: client.address } : {}) };
  if (client && addressLimiter) {
    const allowed = await addressLimiter.check(client.address);
    if (!allowed.ok) {
      await audit(db, { action: "two_factor_failed", outcome: "throttled", who, details });
      return { ok: false, reason: "address_throttled", retryAfterSeconds: allowed.retryAfterSeconds };
    }
  }
  const locked = await lockedUntil(db, user.email, now);
  if (locked) {
    await audit(db, { action: "two_factor_failed", outcome: "locked", who, details });
    return { ok: false, reason: "locked", lockedUntil: locked };
  }
  const factor = await redeemCode(db, user, input, now);
  if (factor) {
    await clearFailures(db, user.email);
    return { ok: true, factor };
  }
  const lockEnd = await recordFailure(db, user.email, now);
  if (client && addressLimiter) await addressLimiter.consume(client.address);
  await audit(db, { action: "two_factor_failed", outcome: lockEnd ? "locked" : "failed", who, details });
  return lockEnd ? { ok: false, reason: "locked", lockedUntil: lockEnd } : { ok: false, reason: "invalid" };
}
