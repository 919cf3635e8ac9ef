// People: admins create users (who then set their own password through a one-time link), change
// their role, sales units and payment access, deactivate and reactivate them, and send new password
// links. Rules every path keeps:
//   - the last active admin can never be demoted or deactivated (checked under a database lock, so
//     two admins demoting each other at once cannot both succeed);
//   - a change that takes any right away ends the user's open sessions at once; one that only adds
//     rights lets them carry on (their sessions are re-stamped in the same transaction);
//   - every change is audited with what changed, never with a password or link.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { zfd } from "zod-form-data";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { PasswordTokenPurpose, Role } from "@/generated/prisma/enums";
import { audit } from "@/lib/audit";
import { NO_PASSWORD } from "@/lib/auth/password";
import { assertCan, can, PERMISSIONS, ROLES, type Actor } from "@/lib/auth/permissions";
import { endAllSessions, restampSessions } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { MSN_PATTERN } from "@/lib/ids";

/** A password link is good for this long. */
export const PASSWORD_LINK_TTL_MS = 72 * 60 * 60_000;

export const emailSchema = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "required" })
  .max(254, { error: "emailTooLong" })
  .pipe(z.email({ error: "emailFormat" }));

export const userNameSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(200, { error: "nameTooLong" });

/** Role, sales units and payment access: what the create and edit forms share. */
const rightsFields = {
  role: z.enum(ROLES, { error: "roleUnknown" }),
  msns: zfd.repeatableOfType(z.string().regex(MSN_PATTERN, { error: "msnFormat" })),
  canViewPayments: zfd.checkbox(),
};

export const createUserForm = zfd.formData({ name: userNameSchema, email: emailSchema, ...rightsFields });
export const updateUserForm = zfd.formData({
  userId: z.uuid({ error: "uuid" }),
  name: userNameSchema,
  ...rightsFields,
});

export type CreateUserInput = z.output<typeof createUserForm>;
export type UpdateUserInput = z.output<typeof updateUserForm>;

export type UserProblem =
  "email_taken" | "unknown_sales_unit" | "no_sales_unit" | "last_admin" | "own_account" | "inactive_user";

export class UserRefused extends Error {
  constructor(readonly problem: UserProblem) {
    super(problem);
    this.name = "UserRefused";
  }
}

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export interface PasswordLink {
  /** Path of the link: /set-password/<token>. The token exists nowhere else once this is returned. */
  path: string;
  expiresAt: Date;
}

type Tx = Prisma.TransactionClient;

/** Serialises every change that could leave no active admin (across app instances). */
const lockAdmins = (tx: Tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('merchant-ops:admins'))`;

async function assertAnotherAdmin(tx: Tx, userId: string) {
  const others = await tx.user.count({ where: { role: "admin", active: true, id: { not: userId } } });
  if (others === 0) throw new UserRefused("last_admin");
}

/** The sales units' ids for the MSNs, refusing any MSN that is not ours. Admins see all: none stored. */
async function unitIds(tx: Tx, role: Role, msns: readonly string[]): Promise<string[]> {
  if (role === "admin") return [];
  const wanted = [...new Set(msns)];
  if (wanted.length === 0) throw new UserRefused("no_sales_unit");
  const units = await tx.salesUnit.findMany({ where: { msn: { in: wanted } }, select: { id: true } });
  if (units.length !== wanted.length) throw new UserRefused("unknown_sales_unit");
  return units.map((u) => u.id);
}

/** Makes a new one-time link for the user; any older unused link stops working. */
async function newPasswordLink(
  tx: Tx,
  actor: Actor | null,
  userId: string,
  purpose: PasswordTokenPurpose,
  now: Date,
): Promise<PasswordLink> {
  await tx.passwordToken.updateMany({
    where: { userId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_TTL_MS);
  await tx.passwordToken.create({
    data: { userId, tokenHash: hashToken(token), purpose, createdAt: now, createdById: actor?.id ?? null, expiresAt },
  });
  return { path: `/set-password/${token}`, expiresAt };
}

export async function createUser(
  db: PrismaClient,
  actor: Actor,
  input: CreateUserInput,
  now: Date = new Date(),
): Promise<{ userId: string; link: PasswordLink }> {
  assertCan(actor, "users:manage");
  return insertUser(db, actor, input, now);
}

/**
 * The first administrator of a new installation, from the command line (scripts/invite-admin.ts):
 * whoever runs it holds the database already. Audited with no user as the actor.
 */
export async function inviteFirstAdmin(
  db: PrismaClient,
  input: { email: string; name: string },
  now: Date = new Date(),
): Promise<{ userId: string; link: PasswordLink }> {
  const email = emailSchema.parse(input.email);
  const name = userNameSchema.parse(input.name);
  return insertUser(db, null, { email, name, role: "admin", msns: [], canViewPayments: false }, now);
}

async function insertUser(
  db: PrismaClient,
  actor: Actor | null,
  input: CreateUserInput,
  now: Date,
): Promise<{ userId: string; link: PasswordLink }> {
  return db
    .$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))
        throw new UserRefused("email_taken");
      const ids = await unitIds(tx, input.role, input.msns);
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash: NO_PASSWORD,
          canViewPayments: input.role === "developer" && input.canViewPayments,
          createdAt: now,
          salesUnits: { create: ids.map((salesUnitId) => ({ salesUnitId })) },
        },
        select: { id: true },
      });
      const link = await newPasswordLink(tx, actor, user.id, "invite", now);
      await audit(tx, {
        action: "user_created",
        outcome: "success",
        who: actor,
        at: now,
        details: {
          userId: user.id,
          email: input.email,
          role: input.role,
          msns: input.role === "admin" ? "all" : [...new Set(input.msns)].sort().join(","),
          canViewPayments: input.role === "developer" && input.canViewPayments,
        },
      });
      return { userId: user.id, link };
    })
    .catch((err: unknown) => {
      // Two admins creating the same email at once: the unique index decides.
      if ((err as { code?: string }).code === "P2002") throw new UserRefused("email_taken");
      throw err;
    });
}

const rightsOf = (u: { role: Role; canViewPayments: boolean }) => {
  const actor = { role: u.role, canViewPayments: u.role !== "developer" || u.canViewPayments } as Actor;
  return PERMISSIONS.filter((p) => can(actor, p));
};

/** Whether going from `before` to `after` takes anything away: a permission, a sales unit, payments. */
export function narrows(
  before: { role: Role; canViewPayments: boolean; msns: readonly string[] },
  after: { role: Role; canViewPayments: boolean; msns: readonly string[] },
): boolean {
  const had = rightsOf(before);
  const has = new Set(rightsOf(after));
  if (had.some((p) => !has.has(p))) return true;
  if (after.role === "admin") return false; // sees every sales unit
  if (before.role === "admin") return true; // from all units to a list
  return before.msns.some((m) => !after.msns.includes(m));
}

const userWithUnits = {
  include: { salesUnits: { include: { salesUnit: { select: { msn: true } } } } },
} as const;

export async function updateUser(
  db: PrismaClient,
  actor: Actor,
  input: UpdateUserInput,
  now: Date = new Date(),
): Promise<{ sessionsEnded: number }> {
  assertCan(actor, "users:manage");
  return db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await tx.user.findUnique({ where: { id: input.userId }, ...userWithUnits });
    if (!user) throw new AppError("not_found", `user ${input.userId}`);
    if (user.role === "admin" && user.active && input.role !== "admin") await assertAnotherAdmin(tx, user.id);
    const ids = await unitIds(tx, input.role, input.msns);
    const canViewPayments = input.role === "developer" && input.canViewPayments;
    const before = {
      role: user.role,
      canViewPayments: user.canViewPayments,
      msns: user.salesUnits.map((s) => s.salesUnit.msn),
    };
    const after = { role: input.role, canViewPayments, msns: input.role === "admin" ? [] : [...new Set(input.msns)] };
    const updated = await tx.user.update({
      where: { id: user.id },
      data: {
        name: input.name,
        role: input.role,
        canViewPayments,
        salesUnits: { deleteMany: {}, create: ids.map((salesUnitId) => ({ salesUnitId })) },
      },
      ...userWithUnits,
    });
    const msns = updated.salesUnits.map((s) => s.salesUnit.msn);
    let sessionsEnded = 0;
    if (narrows(before, after)) sessionsEnded = await endAllSessions(tx, user.id, "rights_changed", now);
    else await restampSessions(tx, { ...updated, msns });
    const added = after.msns.filter((m) => !before.msns.includes(m));
    const removed = before.msns.filter((m) => !after.msns.includes(m));
    await audit(tx, {
      action: "user_updated",
      outcome: "success",
      who: actor,
      at: now,
      details: {
        userId: user.id,
        email: user.email,
        ...(before.role !== after.role ? { role: `${before.role} → ${after.role}` } : {}),
        ...(added.length ? { msnsAdded: added.sort().join(",") } : {}),
        ...(removed.length ? { msnsRemoved: removed.sort().join(",") } : {}),
        ...(before.canViewPayments !== canViewPayments ? { canViewPayments } : {}),
        ...(user.name !== input.name ? { renamed: true } : {}),
        sessionsEnded,
      },
    });
    return { sessionsEnded };
  });
}

export async function setUserActive(
  db: PrismaClient,
  actor: Actor,
  userId: string,
  active: boolean,
  now: Date = new Date(),
): Promise<{ sessionsEnded: number }> {
  assertCan(actor, "users:manage");
  if (!active && userId === actor.id) throw new UserRefused("own_account");
  return db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, ...userWithUnits });
    if (!user) throw new AppError("not_found", `user ${userId}`);
    if (user.active === active) return { sessionsEnded: 0 };
    if (!active && user.role === "admin") await assertAnotherAdmin(tx, user.id);
    await tx.user.update({ where: { id: user.id }, data: { active } });
    let sessionsEnded = 0;
    if (!active) {
      sessionsEnded = await endAllSessions(tx, user.id, "deactivated", now);
      await tx.passwordToken.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    }
    await audit(tx, {
      action: active ? "user_reactivated" : "user_deactivated",
      outcome: "success",
      who: actor,
      at: now,
      details: { userId: user.id, email: user.email, sessionsEnded },
    });
    return { sessionsEnded };
  });
}

/** A new one-time password link for an active user (the old password keeps working until it is used). */
export async function sendPasswordLink(
  db: PrismaClient,
  actor: Actor,
  userId: string,
  now: Date = new Date(),
): Promise<{ link: PasswordLink; email: string; name: string; purpose: PasswordTokenPurpose }> {
  assertCan(actor, "users:manage");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError("not_found", `user ${userId}`);
    if (!user.active) throw new UserRefused("inactive_user");
    // Someone who never set a password gets a fresh invitation; others a reset.
    const purpose: PasswordTokenPurpose = user.passwordHash === NO_PASSWORD ? "invite" : "reset";
    const link = await newPasswordLink(tx, actor, user.id, purpose, now);
    await audit(tx, {
      action: "password_link_created",
      outcome: "success",
      who: actor,
      at: now,
      details: { userId: user.id, email: user.email, purpose },
    });
    return { link, email: user.email, name: user.name, purpose };
  });
}

export { hashToken as hashPasswordToken };
