// Server-side sessions. The cookie (an Auth.js JWT) only names a UserSession row; whether the
// session still holds is decided here on every request, so sign-out, "sign out everywhere", a
// deactivation, a change of role, sales units or payment access, and a password change all end a
// saved cookie at its next request, on every app instance (the row is in the shared database).
import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { ClientInfo } from "./client";

/** A session ends after this long without a request … */
export const SESSION_IDLE_MS = 2 * 60 * 60_000;
/** … and this long after sign-in, however busy. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** lastSeenAt is written at most this often per session (not on every request). */
const TOUCH_EVERY_MS = 60_000;

export type SessionEndReason =
  | "sign_out"
  | "sign_out_everywhere"
  | "idle"
  | "expired"
  | "rights_changed"
  | "deactivated"
  /** The password was changed or set with a link. */
  | "password_changed"
  /** The user ended it from their account page, or an admin did. */
  | "ended_by_user"
  | "ended_by_admin";

interface StampInput {
  role: Role;
  active: boolean;
  canViewPayments: boolean;
  passwordHash: string;
  msns: readonly string[];
}

/** What a session was granted under: any change to it (or to the password) ends the session. */
export function rightsStamp(u: StampInput): string {
  const parts = [
    u.role,
    u.active ? "active" : "inactive",
    u.canViewPayments ? "payments" : "-",
    [...u.msns].sort().join(","),
  ];
  // The password hash is folded in (salted, never stored here in the clear): a new password changes it.
  return createHash("sha256").update(parts.join("|")).update("|").update(u.passwordHash).digest("hex");
}

export async function startSession(
  db: PrismaClient,
  user: StampInput & { id: string },
  client: ClientInfo | undefined,
  now: Date,
  /** Set when the sign-in included a second-factor code (the step-up clock starts then). */
  secondFactorAt?: Date,
): Promise<string> {
  const row = await db.userSession.create({
    data: {
      secondFactorAt: secondFactorAt ?? null,
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      rightsStamp: rightsStamp(user),
      ipAddress: client?.address ?? null,
      userAgent: client?.userAgent ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

/** A session row with its user and the user's sales units, as resumeSession hands it on. */
export interface LiveSession {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  rightsStamp: string;
  secondFactorAt: Date | null;
  user: {
    id: string;
    email: string;
    name: string;
    role: Role;
    passwordHash: string;
    active: boolean;
    canViewPayments: boolean;
    totpEnabledAt: Date | null;
    salesUnits: { salesUnit: { msn: string } }[];
  };
}

type SessionRow = Omit<LiveSession, "user"> & {
  [K in keyof Omit<LiveSession["user"], "id" | "salesUnits"> as `user_${K}`]: LiveSession["user"][K];
} & { msns: string[] };

/**
 * The session, its user and the user's sales units in one query (run on every request; Prisma's
 * nested include would take four, one after the other).
 */
async function readSession(db: PrismaClient, sessionId: string): Promise<LiveSession | null> {
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s."id", s."userId", s."createdAt", s."lastSeenAt", s."expiresAt", s."endedAt", s."rightsStamp",
      s."secondFactorAt", u."email" AS "user_email", u."name" AS "user_name", u."role"::text AS "user_role",
      u."passwordHash" AS "user_passwordHash", u."active" AS "user_active",
      u."canViewPayments" AS "user_canViewPayments", u."totpEnabledAt" AS "user_totpEnabledAt",
      ARRAY(SELECT su."msn" FROM "UserSalesUnit" us JOIN "SalesUnit" su ON su."id" = us."salesUnitId"
        WHERE us."userId" = u."id" ORDER BY su."msn")::text[] AS "msns"
    FROM "UserSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}::uuid`;
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    userId: r.userId,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    expiresAt: r.expiresAt,
    endedAt: r.endedAt,
    rightsStamp: r.rightsStamp,
    secondFactorAt: r.secondFactorAt,
    user: {
      id: r.userId,
      email: r.user_email,
      name: r.user_name,
      role: r.user_role,
      passwordHash: r.user_passwordHash,
      active: r.user_active,
      canViewPayments: r.user_canViewPayments,
      totpEnabledAt: r.user_totpEnabledAt,
      salesUnits: r.msns.map((msn) => ({ salesUnit: { msn } })),
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The session and its user when the session still holds; otherwise null, and a session found to
 * have lapsed is marked ended with the reason.
 */
export async function resumeSession(
  db: PrismaClient,
  ids: { sessionId: unknown; userId: unknown },
  now: Date = new Date(),
): Promise<LiveSession | null> {
  const { sessionId, userId } = ids;
  if (typeof sessionId !== "string" || typeof userId !== "string" || !UUID.test(sessionId)) return null;
  const s = await readSession(db, sessionId);
  if (!s || s.userId !== userId || s.endedAt) return null;
  const lapsed = lapseReason(s, now);
  if (lapsed) {
    await endSession(db, s.id, lapsed, now);
    return null;
  }
  if (now.getTime() - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: s.id, endedAt: null }, data: { lastSeenAt: now } });
  }
  return s;
}

function lapseReason(s: LiveSession, now: Date): SessionEndReason | null {
  const t = now.getTime();
  if (!s.user.active) return "deactivated";
  if (t >= s.expiresAt.getTime()) return "expired";
  if (t - s.lastSeenAt.getTime() >= SESSION_IDLE_MS) return "idle";
  const msns = s.user.salesUnits.map((u) => u.salesUnit.msn);
  if (rightsStamp({ ...s.user, msns }) !== s.rightsStamp) return "rights_changed";
  return null;
}

export async function endSession(db: PrismaClient, sessionId: string, reason: SessionEndReason, now = new Date()) {
  await db.userSession.updateMany({
    where: { id: sessionId, endedAt: null },
    data: { endedAt: now, endReason: reason },
  });
}

type SessionDb = Pick<PrismaClient, "userSession">;

/** Ends every open session of the user, but `keep` (the caller's own). Returns how many. */
export async function endAllSessions(
  db: SessionDb,
  userId: string,
  reason: SessionEndReason,
  now = new Date(),
  keep?: string,
) {
  const res = await db.userSession.updateMany({
    where: { userId, endedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { endedAt: now, endReason: reason },
  });
  return res.count;
}

/**
 * The user's rights changed in a way that takes nothing away (a wider role, more sales units): their
 * open sessions carry on under the new stamp instead of ending. `only` limits it to one session.
 */
export async function restampSessions(db: SessionDb, user: StampInput & { id: string }, only?: string) {
  await db.userSession.updateMany({
    where: { userId: user.id, endedAt: null, ...(only ? { id: only } : {}) },
    data: { rightsStamp: rightsStamp(user) },
  });
}
