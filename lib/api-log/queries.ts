import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

/** The latest API calls within the actor's sales units (bodies are not loaded for the list). */
export async function listRecentCalls(actor: Actor, limit = 50) {
  assertCan(actor, "apilog:read");
  return (await db()).apiCallLog.findMany({
    where: actor.allSalesUnits ? {} : { msn: { in: [...actor.msns] } },
    orderBy: { at: "desc" },
    take: Math.min(Math.max(limit, 1), 200),
    select: {
      id: true,
      at: true,
      msn: true,
      operation: true,
      method: true,
      path: true,
      orderId: true,
      httpStatus: true,
      errorGroup: true,
      errorCode: true,
      errorMessage: true,
      networkError: true,
      durationMs: true,
    },
  });
}

export async function countCallsInLastDay(actor: Actor, now = new Date()) {
  assertCan(actor, "apilog:read");
  const since = new Date(now.getTime() - 86_400_000);
  return (await db()).apiCallLog.count({
    where: { at: { gte: since }, ...(actor.allSalesUnits ? {} : { msn: { in: [...actor.msns] } }) },
  });
}
