// A user row (with its sales units) as an Actor: what they may do now. Used for the signed-in user
// (lib/auth/actor.ts) and for work done later on a user's behalf (the capture queue's worker), so
// both see the same rights.
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "./permissions";

export interface ActorUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  canViewPayments: boolean;
  salesUnits: { salesUnit: { msn: string } }[];
}

export function actorOf(user: ActorUser, sessionId?: string): Actor {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    msns: user.salesUnits.map((s) => s.salesUnit.msn).sort(),
    allSalesUnits: user.role === "admin",
    canViewPayments: user.role !== "developer" || user.canViewPayments,
    ...(sessionId ? { sessionId } : {}),
  };
}

/** The include that gives a user row what actorOf needs. */
export const actorUserInclude = { salesUnits: { include: { salesUnit: { select: { msn: true } } } } } as const;
