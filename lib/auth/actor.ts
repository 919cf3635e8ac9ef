// The signed-in user as the server knows it: the session cookie names the user, the database says
// what they may do now (a deactivated user or a revoked sales unit takes effect at once).
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { db } from "@/lib/db/client";
import type { Actor } from "./permissions";

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const user = await (
    await db()
  ).user.findUnique({
    where: { id },
    include: { salesUnits: { include: { salesUnit: { select: { msn: true } } } } },
  });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    msns: user.salesUnits.map((s) => s.salesUnit.msn).sort(),
    allSalesUnits: user.role === "admin",
    canViewPayments: user.role !== "developer" || user.canViewPayments,
  };
});

/** For pages and actions: the actor, or off to /login. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}
