import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

export async function countCallsInLastDay(actor: Actor, now = new Date()) {
  assertCan(actor, "apilog:read");
  const since = new Date(now.getTime() - 86_400_000);
  return (await db()).apiCallLog.count({
    where: { at: { gte: since }, ...(actor.allSalesUnits ? {} : { msn: { in: [...actor.msns] } }) },
  });
}
