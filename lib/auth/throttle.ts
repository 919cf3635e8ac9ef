// Sign-in lockout: 10 failed attempts for one email within 15 minutes lock it for 15 minutes.
// Counted per email whether or not a user has it, so the lock reveals nothing. Atomic in SQL, so
// parallel attempts and several app instances count correctly.
import type { PrismaClient } from "@/generated/prisma/client";

export const MAX_FAILURES = 10;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

/** The time the lock ends, or null when the email may try. */
export async function lockedUntil(db: PrismaClient, email: string, now: Date): Promise<Date | null> {
  const row = await db.loginThrottle.findUnique({ where: { email }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Records one failure; returns the lock end when this failure locked the email. */
export async function recordFailure(db: PrismaClient, email: string, now: Date): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const lockEnd = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" (email, failures, "windowStartsAt")
    VALUES (${email}, 1, ${now})
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN "LoginThrottle"."windowStartsAt" <= ${windowStart} THEN 1 ELSE "LoginThrottle".failures + 1 END,
      "windowStartsAt" = CASE WHEN "LoginThrottle"."windowStartsAt" <= ${windowStart} THEN ${now} ELSE "LoginThrottle"."windowStartsAt" END
    RETURNING failures`;
  if ((rows[0]?.failures ?? 0) < MAX_FAILURES) return null;
  await db.$executeRaw`
    UPDATE "LoginThrottle" SET "lockedUntil" = ${lockEnd}, failures = 0, "windowStartsAt" = ${now}
    WHERE email = ${email} AND failures >= ${MAX_FAILURES}`;
  return lockEnd;
}

export async function clearFailures(db: PrismaClient, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { email } });
}
