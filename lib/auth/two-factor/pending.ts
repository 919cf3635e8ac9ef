// Between the password and the code: a short-lived, signed "password was right" token, kept in an
// httpOnly cookie so the password is never sent again. HMAC-SHA256 with AUTH_SECRET over the user id,
// the expiry and a stamp of the password hash and the enrolment: a new password or a new enrolment
// voids it. It proves only the first step; the session starts after a correct code.
import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { secrets } from "@/lib/secrets";

export const PENDING_COOKIE = "mo-2fa-pending";
export const PENDING_TTL_MS = 5 * 60_000;

interface PendingUser {
  id: string;
  passwordHash: string;
  totpEnabledAt: Date | null;
}

const stampOf = (u: PendingUser) =>
  createHash("sha256")
    .update(`pending|${u.passwordHash}|${u.totpEnabledAt?.toISOString() ?? "-"}`)
    .digest("base64url")
    .slice(0, 32);

const mac = (payload: string) =>
  createHmac("sha256", secrets().authSecret).update(`mo-2fa-pending|${payload}`).digest("base64url");

export function pendingToken(user: PendingUser, now: Date): string {
  const payload = Buffer.from(
    JSON.stringify({ u: user.id, e: now.getTime() + PENDING_TTL_MS, s: stampOf(user) }),
  ).toString("base64url");
  return `${payload}.${mac(payload)}`;
}

export interface PendingClaim {
  userId: string;
  stamp: string;
}

/** The token's claim when its signature holds and it has not expired; else null. */
export function readPendingToken(token: unknown, now: Date): PendingClaim | null {
  if (typeof token !== "string" || token.length > 1000) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { u, e, s } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    if (typeof u !== "string" || typeof e !== "number" || typeof s !== "string" || e <= now.getTime()) return null;
    return { userId: u, stamp: s };
  } catch {
    return null;
  }
}

/** Whether the claim still fits the user (same password, same enrolment). */
export const pendingFits = (claim: PendingClaim, user: PendingUser): boolean =>
  claim.userId === user.id && claim.stamp === stampOf(user);
