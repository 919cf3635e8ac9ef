// The signed-in user's own sessions (the account page), and an admin's view of another user's.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { endAllSessions, SESSION_IDLE_MS } from "@/lib/auth/sessions";

export interface SessionView {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
  current: boolean;
}

/** Open sessions (not ended, not idle or past their end), newest activity first. */
export async function openSessions(db: PrismaClient, userId: string, currentId?: string, now = new Date()) {
  const rows = await db.userSession.findMany({
    where: {
      userId,
      endedAt: null,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_MS) },
    },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ipAddress: true, userAgent: true },
    take: 50,
  });
  return rows.map((r): SessionView => ({ ...r, current: r.id === currentId }));
}

/** Ends one of the actor's own sessions (never another user's: the id must be theirs). */
export async function endOwnSession(db: PrismaClient, actor: Actor, sessionId: string, now = new Date()) {
  const res = await db.userSession.updateMany({
    where: { id: sessionId, userId: actor.id, endedAt: null },
    data: { endedAt: now, endReason: "ended_by_user" },
  });
  await audit(db, {
    action: "session_ended",
    outcome: res.count === 1 ? "success" : "not_found",
    who: actor,
    at: now,
    details: { by: "user", current: sessionId === actor.sessionId },
  });
  return res.count === 1;
}

/** Ends every session of the actor but the one they are using. */
export async function endOtherSessions(db: PrismaClient, actor: Actor, now = new Date()) {
  const ended = await endAllSessions(db, actor.id, "ended_by_user", now, actor.sessionId);
  await audit(db, { action: "session_ended", outcome: "success", who: actor, at: now, details: { by: "user", ended } });
  return ended;
}

/** An admin ends every session of a user (a lost laptop). */
export async function endUserSessions(db: PrismaClient, actor: Actor, userId: string, now = new Date()) {
  assertCan(actor, "users:manage");
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) return 0;
  const ended = await endAllSessions(
    db,
    user.id,
    "ended_by_admin",
    now,
    userId === actor.id ? actor.sessionId : undefined,
  );
  await audit(db, {
    action: "session_ended",
    outcome: "success",
    who: actor,
    at: now,
    details: { by: "admin", userId: user.id, email: user.email, ended },
  });
  return ended;
}
