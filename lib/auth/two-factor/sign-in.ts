// The second step of signing in for a user with two-factor sign-in: the pending token (the password
// was right, lib/auth/two-factor/pending.ts) and a code — a TOTP code or a recovery code. Only then
// does a session start. Used by Auth.js' "totp" Credentials provider (auth.ts) and by tests.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import type { AuthenticateOptions, AuthOutcome } from "../authenticate";
import { startSession } from "../sessions";
import { attemptCode, MAX_CODE_LENGTH } from "./check-code";
import { pendingFits, readPendingToken } from "./pending";

export type SecondStepOutcome =
  | Exclude<AuthOutcome, { reason: "second_factor" }>
  /** No valid pending token (expired, forged, or the password or enrolment changed since): start again. */
  | { ok: false; reason: "expired" }
  | { ok: false; reason: "code_required" };

export async function completeSignIn(
  db: PrismaClient,
  raw: { pending?: unknown; code?: unknown },
  now: Date = new Date(),
  options: AuthenticateOptions = {},
): Promise<SecondStepOutcome> {
  const claim = readPendingToken(raw.pending, now);
  if (!claim) return { ok: false, reason: "expired" };
  if (typeof raw.code !== "string" || raw.code.trim() === "") return { ok: false, reason: "code_required" };
  const code = raw.code.slice(0, MAX_CODE_LENGTH + 1);
  const user = await db.user.findUnique({
    where: { id: claim.userId },
    include: { salesUnits: { include: { salesUnit: { select: { msn: true } } } } },
  });
  if (!user || !user.active || !user.totpEnabledAt || !pendingFits(claim, user))
    return { ok: false, reason: "expired" };

  const { client, addressLimiter } = options;
  const check = await attemptCode(db, user, code, { now, purpose: "sign_in", client, addressLimiter });
  if (!check.ok) return check;

  const msns = user.salesUnits.map((s) => s.salesUnit.msn).sort();
  const sid = await startSession(db, { ...user, msns }, client, now, now);
  await audit(db, {
    action: "sign_in",
    outcome: "success",
    who: { id: user.id, email: user.email },
    details: { factor: check.factor, ...(client ? { address: client.address } : {}) },
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, msns, sid } };
}
