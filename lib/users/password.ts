// Setting a password: with a one-time link (an invitation or a reset an admin sent), or from the
// account page with the current password. Either way the new password must pass the policy
// (lib/users/password-policy.ts) and every other session of the user ends.
import "server-only";
import { z } from "zod";
import { zfd } from "zod-form-data";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { endAllSessions, restampSessions } from "@/lib/auth/sessions";
import { clearFailures, lockedUntil, recordFailure } from "@/lib/auth/throttle";
import { hashPasswordToken } from "./manage";
import { passwordProblem, type PasswordProblem } from "./password-policy";

/** Tokens are 32 random bytes, base64url. Anything else is not looked up. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type LinkProblem = "link_invalid" | "link_expired" | "link_used";

export type LinkState =
  | { ok: true; tokenId: string; user: { id: string; email: string; name: string }; purpose: "invite" | "reset" }
  | { ok: false; problem: LinkProblem };

/** What a password link is worth now (the page shows this before the form). */
export async function readPasswordLink(db: PrismaClient, token: string, now: Date = new Date()): Promise<LinkState> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, problem: "link_invalid" };
  const row = await db.passwordToken.findUnique({
    where: { tokenHash: hashPasswordToken(token) },
    include: { user: { select: { id: true, email: true, name: true, active: true } } },
  });
  if (!row || !row.user.active) return { ok: false, problem: "link_invalid" };
  if (row.usedAt) return { ok: false, problem: "link_used" };
  // A link replaced by a newer one reads as used up: the admin sent another.
  if (row.revokedAt) return { ok: false, problem: "link_used" };
  if (row.expiresAt <= now) return { ok: false, problem: "link_expired" };
  return { ok: true, tokenId: row.id, user: row.user, purpose: row.purpose };
}

export const newPasswordFields = {
  password: z.string({ error: "required" }).max(1024, { error: "passwordTooLong" }),
  confirm: z.string({ error: "required" }).max(1024, { error: "passwordTooLong" }),
};

export const setPasswordForm = zfd.formData({ token: z.string().max(100), ...newPasswordFields });
export const changePasswordForm = zfd.formData({
  current: z.string({ error: "required" }).min(1, { error: "required" }).max(1024, { error: "passwordTooLong" }),
  ...newPasswordFields,
});

export type NewPasswordProblem = PasswordProblem | "password_mismatch";

function newPasswordProblem(
  input: { password: string; confirm: string },
  user: { email: string; name: string },
): NewPasswordProblem | null {
  const policy = passwordProblem(input.password, user);
  if (policy) return policy;
  return input.password === input.confirm ? null : "password_mismatch";
}

export type SetWithLinkResult = { ok: true; email: string } | { ok: false; problem: LinkProblem | NewPasswordProblem };

/** Sets the password with a one-time link. The link is used up in the same transaction (once, ever). */
export async function setPasswordWithLink(
  db: PrismaClient,
  input: { token: string; password: string; confirm: string },
  now: Date = new Date(),
): Promise<SetWithLinkResult> {
  const link = await readPasswordLink(db, input.token, now);
  if (!link.ok) return link;
  const problem = newPasswordProblem(input, link.user);
  if (problem) return { ok: false, problem };
  const passwordHash = await hashPassword(input.password);
  const used = await db.$transaction(async (tx) => {
    // Two tabs submitting the same link: only the first claims it.
    const claim = await tx.passwordToken.updateMany({
      where: { id: link.tokenId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claim.count !== 1) return false;
    await tx.user.update({ where: { id: link.user.id }, data: { passwordHash } });
    await endAllSessions(tx, link.user.id, "password_changed", now);
    await audit(tx, {
      action: "password_set",
      outcome: "success",
      who: { id: link.user.id, email: link.user.email },
      at: now,
      details: { purpose: link.purpose },
    });
    return true;
  });
  if (!used) return { ok: false, problem: "link_used" };
  // A user locked out by wrong guesses who just proved they hold the link may sign in at once.
  await clearFailures(db, link.user.email);
  return { ok: true, email: link.user.email };
}

export type ChangePasswordResult =
  { ok: true; sessionsEnded: number } | { ok: false; problem: NewPasswordProblem | "current_wrong" | "locked" };

/**
 * Changes the signed-in user's own password. A wrong current password counts as a failed sign-in
 * (ten lock the account for 15 minutes). Other sessions end; this one carries on.
 */
export async function changeOwnPassword(
  db: PrismaClient,
  actor: Actor,
  input: { current: string; password: string; confirm: string },
  now: Date = new Date(),
): Promise<ChangePasswordResult> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    include: { salesUnits: { include: { salesUnit: { select: { msn: true } } } } },
  });
  if (await lockedUntil(db, user.email, now)) return { ok: false, problem: "locked" };
  if (!(await verifyPassword(input.current, user.passwordHash))) {
    const locked = await recordFailure(db, user.email, now);
    await audit(db, { action: "password_changed", outcome: locked ? "locked" : "failed", who: actor, at: now });
    return { ok: false, problem: locked ? "locked" : "current_wrong" };
  }
  const problem = newPasswordProblem(input, user);
  if (problem) return { ok: false, problem };
  const passwordHash = await hashPassword(input.password);
  const sessionsEnded = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const ended = await endAllSessions(tx, user.id, "password_changed", now, actor.sessionId);
    if (actor.sessionId) {
      const msns = user.salesUnits.map((s) => s.salesUnit.msn);
      await restampSessions(tx, { ...user, passwordHash, msns }, actor.sessionId);
    }
    await audit(tx, {
      action: "password_changed",
      outcome: "success",
      who: actor,
      at: now,
      details: { sessionsEnded: ended },
    });
    return ended;
  });
  await clearFailures(db, user.email);
  return { ok: true, sessionsEnded };
}
