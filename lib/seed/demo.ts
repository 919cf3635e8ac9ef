// Demo data for embedded/demo mode: users (one per role) and their sales units. Idempotent: runs
// on every start, creates only what is missing, never resets a changed password.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { DEMO_USERS } from "@/lib/auth/demo-users";
import { hashPassword } from "@/lib/auth/password";
import { encrypt } from "@/lib/crypto";

export const DEMO_SALES_UNITS = [
  { msn: "212345", name: "Fjellsport Nettbutikk", captureType: "reserve" as const },
  { msn: "212346", name: "Fjellsport Kiosk", captureType: "direct" as const },
];

export async function seedDemo(prisma: PrismaClient, encryptionKey: Buffer): Promise<{ users: number; salesUnits: number }> {
  let salesUnits = 0;
  for (const su of DEMO_SALES_UNITS) {
    const exists = await prisma.salesUnit.findUnique({ where: { msn: su.msn }, select: { id: true } });
    if (exists) continue;
    const credentials = JSON.stringify({
      clientId: `demo-${su.msn}`,
      clientSecret: randomBytes(24).toString("base64url"),
      subscriptionKey: randomBytes(16).toString("hex"),
    });
    await prisma.salesUnit.create({
      data: { ...su, environment: "simulator", credentialsEncrypted: encrypt(credentials, encryptionKey, su.msn) },
    });
    salesUnits++;
  }
  const allUnits = await prisma.salesUnit.findMany({ where: { msn: { in: DEMO_SALES_UNITS.map((s) => s.msn) } }, select: { id: true } });

  let users = 0;
  for (const u of DEMO_USERS) {
    const exists = await prisma.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (exists) continue;
    await prisma.user.create({
      data: {
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash: await hashPassword(u.password),
        salesUnits: u.role === "admin" ? undefined : { create: allUnits.map((s) => ({ salesUnitId: s.id })) },
      },
    });
    users++;
  }
  return { users, salesUnits };
}
