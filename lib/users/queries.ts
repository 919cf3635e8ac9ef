import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { NO_PASSWORD } from "@/lib/auth/password";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { SESSION_IDLE_MS } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  canViewPayments: true,
  passwordHash: true,
  totpEnabledAt: true,
  createdAt: true,
  salesUnits: { select: { salesUnit: { select: { msn: true, name: true } } } },
} as const;

/** What a list or edit page shows of a user; never the password hash itself. */
function view<
  U extends {
    passwordHash: string;
    salesUnits: { salesUnit: { msn: string; name: string } }[];
    sessions: { createdAt: Date }[];
  },
>(u: U, openSessions: number) {
  const { passwordHash, sessions, salesUnits, ...rest } = u;
  return {
    ...(rest as Omit<U, "passwordHash" | "sessions" | "salesUnits">),
    salesUnits: salesUnits.map((s) => s.salesUnit).sort((a, b) => a.msn.localeCompare(b.msn)),
    /** Invited and not yet set a password. */
    invited: passwordHash === NO_PASSWORD,
    lastSignInAt: sessions[0]?.createdAt ?? null,
    openSessions,
  };
}

async function openSessionCounts(prisma: PrismaClient, userIds: string[], now: Date) {
  const rows = await prisma.userSession.groupBy({
    by: ["userId"],
    where: {
      userId: { in: userIds },
      endedAt: null,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_MS) },
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.userId, r._count._all]));
}

export async function listUsers(actor: Actor, now = new Date()) {
  assertCan(actor, "users:manage");
  const prisma = await db();
  const users = await prisma.user.findMany({
    orderBy: [{ active: "desc" }, { role: "asc" }, { email: "asc" }],
    select: { ...userSelect, sessions: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 } },
  });
  const counts = await openSessionCounts(
    prisma,
    users.map((u) => u.id),
    now,
  );
  return users.map((u) => view(u, counts.get(u.id) ?? 0));
}

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

export async function getUser(actor: Actor, userId: string, now = new Date()) {
  assertCan(actor, "users:manage");
  const prisma = await db();
  const u = await prisma.user.findUnique({
    where: { id: userId },
    select: { ...userSelect, sessions: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 } },
  });
  if (!u) return null;
  const counts = await openSessionCounts(prisma, [u.id], now);
  return view(u, counts.get(u.id) ?? 0);
}

/** Whether the user is the only active admin (the page then offers no way to demote or deactivate). */
export async function isLastAdmin(userId: string): Promise<boolean> {
  const prisma = await db();
  const admins = await prisma.user.findMany({ where: { role: "admin", active: true }, select: { id: true }, take: 2 });
  return admins.length === 1 && admins[0]?.id === userId;
}
