import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

export async function listUsers(actor: Actor) {
  assertCan(actor, "users:manage");
  return (await db()).user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      canViewPayments: true,
      salesUnits: { select: { salesUnit: { select: { msn: true, name: true } } } },
    },
  });
}
