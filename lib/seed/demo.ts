// Demo users, one per role, for embedded/demo mode. Idempotent: creates only what is missing and
// never resets a changed password. Sales units and payments come from lib/seed/payments.ts.
import type { PrismaClient } from "@/generated/prisma/client";
import { DEMO_USERS } from "@/lib/auth/demo-users";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_UNITS } from "./scenarios";

/** Support sees three of the four sales units, so the demo shows scoping; the others see all. */
const SUPPORT_MSNS = ["212345", "212346", "212347"];

export async function seedDemoUsers(prisma: PrismaClient): Promise<{ users: number }> {
  const units = await prisma.salesUnit.findMany({
    where: { msn: { in: DEMO_UNITS.map((u) => u.msn) } },
    select: { id: true, msn: true },
  });
  let users = 0;
  for (const u of DEMO_USERS) {
    const exists = await prisma.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (exists) continue;
    const visible = u.role === "admin" ? [] : units.filter((s) => u.role !== "support" || SUPPORT_MSNS.includes(s.msn));
    await prisma.user.create({
      data: {
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash: await hashPassword(u.password),
        salesUnits: { create: visible.map((s) => ({ salesUnitId: s.id })) },
      },
    });
    users++;
  }
  return { users };
}
