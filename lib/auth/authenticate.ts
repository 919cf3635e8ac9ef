// Email + password check with lockout and audit. Used by Auth.js' Credentials provider (auth.ts),
// and directly by tests.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { parseCredentials, type CredentialsProblem } from "./credentials";
import { dummyHash, verifyPassword } from "./password";
import { clearFailures, lockedUntil, recordFailure } from "./throttle";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  msns: string[];
}

export type AuthOutcome =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; lockedUntil: Date }
  | { ok: false; reason: CredentialsProblem };

export async function authenticate(
  db: PrismaClient,
  raw: { email?: unknown; password?: unknown },
  now: Date = new Date(),
): Promise<AuthOutcome> {
  const input = parseCredentials(raw);
  if (!input.ok) return { ok: false, reason: input.problem };
  const { email, password } = input;

  const locked = await lockedUntil(db, email, now);
  if (locked) {
    await audit(db, email, null, "sign_in", "locked");
    return { ok: false, reason: "locked", lockedUntil: locked };
  }

  const user = await db.user.findUnique({
    where: { email },
    include: { salesUnits: { include: { salesUnit: { select: { msn: true } } } } },
  });
  // Always run one scrypt, so a missing user takes as long as a wrong password.
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !user.active || !valid) {
    const lockEnd = await recordFailure(db, email, now);
    await audit(db, email, user?.id ?? null, "sign_in", lockEnd ? "locked" : "failed");
    return lockEnd ? { ok: false, reason: "locked", lockedUntil: lockEnd } : { ok: false, reason: "invalid" };
  }

  await clearFailures(db, email);
  await audit(db, email, user.id, "sign_in", "success");
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      msns: user.salesUnits.map((s) => s.salesUnit.msn).sort(),
    },
  };
}

async function audit(db: PrismaClient, email: string, userId: string | null, action: string, outcome: string) {
  await db.auditLog.create({ data: { userEmail: email, userId, action, outcome } });
}
