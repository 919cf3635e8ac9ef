// Email + password check with lockout and audit. Used by Auth.js' Credentials provider (auth.ts),
// and directly by tests. A success starts a server-side session (lib/auth/sessions.ts).
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { audit } from "@/lib/audit";
import type { Limiter } from "@/lib/limits";
import type { ClientInfo } from "./client";
import { parseCredentials, type CredentialsProblem } from "./credentials";
import { dummyHash, verifyPassword } from "./password";
import { startSession } from "./sessions";
import { pendingToken } from "./two-factor/pending";
import { clearFailures, lockedUntil, recordFailure } from "./throttle";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  msns: string[];
  /** The UserSession this sign-in started. */
  sid: string;
}

export type AuthOutcome =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; lockedUntil: Date }
  | { ok: false; reason: "address_throttled"; retryAfterSeconds: number }
  | { ok: false; reason: CredentialsProblem }
  /** The password was right and the user has two-factor sign-in: a code must follow (./two-factor/sign-in.ts). */
  | { ok: false; reason: "second_factor"; pending: string };

export interface AuthenticateOptions {
  /** Address and browser, for the per-address limit and the session list. */
  client?: ClientInfo;
  /** Failed sign-ins per client address, whatever the email (lib/limits/app.ts). */
  addressLimiter?: Limiter;
}

export async function authenticate(
  db: PrismaClient,
  raw: { email?: unknown; password?: unknown },
  now: Date = new Date(),
  options: AuthenticateOptions = {},
): Promise<AuthOutcome> {
  const input = parseCredentials(raw);
  if (!input.ok) return { ok: false, reason: input.problem };
  const { email, password } = input;
  const { client, addressLimiter } = options;
  const who = { email };
  const details = client ? { address: client.address } : undefined;

  if (client && addressLimiter) {
    const allowed = await addressLimiter.check(client.address);
    if (!allowed.ok) {
      await audit(db, { action: "sign_in", outcome: "throttled", who, details });
      return { ok: false, reason: "address_throttled", retryAfterSeconds: allowed.retryAfterSeconds };
    }
  }

  const locked = await lockedUntil(db, email, now);
  if (locked) {
    await audit(db, { action: "sign_in", outcome: "locked", who, details });
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
    if (client && addressLimiter) await addressLimiter.consume(client.address);
    await audit(db, {
      action: "sign_in",
      outcome: lockEnd ? "locked" : "failed",
      who: { id: user?.id, email },
      details,
    });
    return lockEnd ? { ok: false, reason: "locked", lockedUntil: lockEnd } : { ok: false, reason: "invalid" };
  }

  if (user.totpEnabledAt) {
    // No session yet, and failures are not cleared until the code is right too: otherwise the right
    // password between wrong codes would reset the lockout.
    return { ok: false, reason: "second_factor", pending: pendingToken(user, now) };
  }

  await clearFailures(db, email);
  const msns = user.salesUnits.map((s) => s.salesUnit.msn).sort();
  const sid = await startSession(db, { ...user, msns }, client, now);
  await audit(db, { action: "sign_in", outcome: "success", who: { id: user.id, email }, details });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, msns, sid } };
}
