// Turning two-factor sign-in on and off, and new recovery codes. The secret is stored (sealed) only
// once the user has typed a correct code from it; until then it lives in the enrolment form, sealed
// to this user (secret-box.ts). Turning it off and new recovery codes need a current code, and
// turning it off is refused while the user's role requires it.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import type { Actor } from "../permissions";
import { attemptCode, type CodeAttempt, type CodeCheck } from "./check-code";
import { twoFactorRequiredFor } from "./policy";
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from "./recovery-codes";
import { openEnrolment, sealEnrolment, sealTotpSecret } from "./secret-box";
import { matchTotp, newTotpSecret, otpauthUri, qrSvg } from "./totp";

export interface EnrolmentOffer {
  /** Base32, shown as text for typing into an app by hand. */
  secret: string;
  uri: string;
  /** The QR code of the URI, an SVG drawn on the server, as a data: URI for an <img>. */
  qrDataUri: string;
  /** The secret sealed to this user, sent back with the confirming code. */
  token: string;
}

export async function enrolmentOffer(actor: Actor, now: Date): Promise<EnrolmentOffer> {
  const secret = newTotpSecret();
  const uri = otpauthUri(actor.email, secret);
  const qrDataUri = `data:image/svg+xml;base64,${Buffer.from(await qrSvg(uri)).toString("base64")}`;
  return { secret, uri, qrDataUri, token: sealEnrolment(actor.id, secret, now) };
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

async function replaceRecoveryCodes(tx: Tx, userId: string, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(normalizeRecoveryCode(c) ?? c), createdAt: now })),
  });
  return codes;
}

export type EnrolOutcome =
  { ok: true; recoveryCodes: string[] } | { ok: false; reason: "expired" | "invalid" | "already_enrolled" };

export async function confirmEnrolment(
  db: PrismaClient,
  actor: Actor,
  input: { token: string; code: string },
  now: Date,
): Promise<EnrolOutcome> {
  const secret = openEnrolment(actor.id, input.token, now);
  if (!secret) return { ok: false, reason: "expired" };
  const step = await matchTotp(secret, input.code.replace(/\s/g, ""), now, null);
  if (step === null) return { ok: false, reason: "invalid" };
  return db.$transaction(async (tx) => {
    const set = await tx.user.updateMany({
      where: { id: actor.id, totpEnabledAt: null },
      data: { totpSecret: sealTotpSecret(actor.id, secret), totpEnabledAt: now, totpLastStep: step },
    });
    if (set.count === 0) return { ok: false as const, reason: "already_enrolled" as const };
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id, now);
    // The code just typed counts as this session's second factor.
    if (actor.sessionId)
      await tx.userSession.updateMany({ where: { id: actor.sessionId, endedAt: null }, data: { secondFactorAt: now } });
    await audit(tx, { action: "two_factor_enrolled", outcome: "success", who: actor });
    return { ok: true as const, recoveryCodes };
  });
}

type CodeRefusal = Exclude<CodeCheck, { ok: true }>;

const codeUser = (db: PrismaClient, id: string) =>
  db.user.findUnique({
    where: { id },
    select: { id: true, email: true, role: true, totpSecret: true, totpLastStep: true, totpEnabledAt: true },
  });

export type DisableOutcome =
  { ok: true } | { ok: false; reason: "not_enrolled" } | { ok: false; reason: "required_by_role" } | CodeRefusal;

export async function disableTwoFactor(
  db: PrismaClient,
  actor: Actor,
  code: string,
  attempt: Omit<CodeAttempt, "purpose">,
): Promise<DisableOutcome> {
  const user = await codeUser(db, actor.id);
  if (!user?.totpEnabledAt) return { ok: false, reason: "not_enrolled" };
  if (twoFactorRequiredFor(user.role)) {
    await audit(db, {
      action: "two_factor_disabled",
      outcome: "refused",
      who: actor,
      details: { code: "required_by_role" },
    });
    return { ok: false, reason: "required_by_role" };
  }
  const check = await attemptCode(db, user, code, { ...attempt, purpose: "disable" });
  if (!check.ok) return check;
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await audit(tx, {
      action: "two_factor_disabled",
      outcome: "success",
      who: actor,
      details: { factor: check.factor },
    });
  });
  return { ok: true };
}

export type RegenerateOutcome =
  { ok: true; recoveryCodes: string[] } | { ok: false; reason: "not_enrolled" } | CodeRefusal;

export async function regenerateRecoveryCodes(
  db: PrismaClient,
  actor: Actor,
  code: string,
  attempt: Omit<CodeAttempt, "purpose">,
): Promise<RegenerateOutcome> {
  const user = await codeUser(db, actor.id);
  if (!user?.totpEnabledAt) return { ok: false, reason: "not_enrolled" };
  const check = await attemptCode(db, user, code, { ...attempt, purpose: "regenerate" });
  if (!check.ok) return check;
  const recoveryCodes = await db.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, actor.id, attempt.now);
    await audit(tx, {
      action: "recovery_codes_regenerated",
      outcome: "success",
      who: actor,
      details: { factor: check.factor },
    });
    return codes;
  });
  return { ok: true, recoveryCodes };
}

export interface SecurityPage {
  enrolled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  requiredByRole: boolean;
  /** Only while not enrolled: a fresh secret to enrol with. */
  offer: EnrolmentOffer | null;
}

export async function loadSecurityPage(db: PrismaClient, actor: Actor, now: Date): Promise<SecurityPage> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { role: true, totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  const enrolled = user.totpEnabledAt !== null;
  return {
    enrolled,
    enabledAt: user.totpEnabledAt,
    recoveryCodesLeft: user._count.recoveryCodes,
    requiredByRole: twoFactorRequiredFor(user.role),
    offer: enrolled ? null : await enrolmentOffer(actor, now),
  };
}
