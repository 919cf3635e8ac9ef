// Step-up: moving money above STEP_UP_THRESHOLD_ORE, and creating or revoking an integration API key,
// need a second-factor code from the last 10 minutes in this session (UserSession.secondFactorAt).
// Only users with two-factor sign-in are asked; a user without it (the demo users) is not, as there
// is nothing to ask for — TWO_FACTOR_REQUIRED_ROLES decides who must have it. Called before the work
// starts (for money: before the ledger row is written), so a refusal changes nothing.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "../permissions";
import { attemptCode, type CodeAttempt, type CodeCheck } from "./check-code";

export const STEP_UP_MAX_AGE_MS = 10 * 60_000;

export type StepUpCheck =
  | { ok: true }
  /** A code is needed and none was given. */
  | { ok: false; reason: "required" }
  | Exclude<CodeCheck, { ok: true }>;

export async function checkStepUp(
  db: PrismaClient,
  actor: Actor,
  code: string | undefined,
  now: Date,
  /** Where the code comes from (address, limiter), asked only when a code is checked. */
  limits: () => Promise<Pick<CodeAttempt, "client" | "addressLimiter">> = async () => ({}),
): Promise<StepUpCheck> {
  const [user, session] = await Promise.all([
    db.user.findUnique({
      where: { id: actor.id },
      select: { id: true, email: true, totpSecret: true, totpLastStep: true, totpEnabledAt: true },
    }),
    actor.sessionId
      ? db.userSession.findUnique({ where: { id: actor.sessionId }, select: { secondFactorAt: true } })
      : null,
  ]);
  if (!user?.totpEnabledAt) return { ok: true };
  const last = session?.secondFactorAt?.getTime();
  if (last !== undefined && now.getTime() - last < STEP_UP_MAX_AGE_MS && last <= now.getTime()) return { ok: true };
  if (!code?.trim()) return { ok: false, reason: "required" };
  const check = await attemptCode(db, user, code, { now, purpose: "step_up", ...(await limits()) });
  if (!check.ok) return check;
  if (actor.sessionId)
    await db.userSession.updateMany({ where: { id: actor.sessionId, endedAt: null }, data: { secondFactorAt: now } });
  return { ok: true };
}
