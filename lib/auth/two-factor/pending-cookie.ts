// The pending sign-in token (./pending.ts) in an httpOnly cookie: set after a right password, read
// by the code step, cleared when the sign-in finishes or is abandoned.
import "server-only";
import { cookies, headers } from "next/headers";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { PENDING_COOKIE, PENDING_TTL_MS, pendingFits, readPendingToken } from "./pending";

export async function setPendingCookie(token: string): Promise<void> {
  const https = env().appUrl?.startsWith("https:") || (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(PENDING_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: https,
    maxAge: Math.floor(PENDING_TTL_MS / 1000),
  });
}

export const readPendingCookie = async (): Promise<string | undefined> => (await cookies()).get(PENDING_COOKIE)?.value;

export async function clearPendingCookie(): Promise<void> {
  (await cookies()).delete(PENDING_COOKIE);
}

/** The sign-in waiting for its code in this browser (for the login page), or null. */
export async function pendingSignIn(now = new Date()): Promise<{ email: string } | null> {
  const claim = readPendingToken(await readPendingCookie(), now);
  if (!claim) return null;
  const user = await (
    await db()
  ).user.findUnique({
    where: { id: claim.userId },
    select: { id: true, email: true, active: true, passwordHash: true, totpEnabledAt: true },
  });
  return user?.active && pendingFits(claim, user) ? { email: user.email } : null;
}
