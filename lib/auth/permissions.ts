// Who may do what. Checked on the server for every page, action and API; the client's word is
// never taken for a role or a sales unit. Everything fails closed.
import type { Role } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { TwoFactorState } from "./two-factor/policy";

export const ROLES = ["admin", "finance", "support", "developer"] as const satisfies readonly Role[];

export const PERMISSIONS = [
  "payments:read", // lookup, history, detail, "charged twice"
  "payments:money", // capture, cancel, release, refund
  "apilog:read", // API call log and error trends
  "salesunits:read",
  "salesunits:manage",
  "users:manage",
  "alerts:manage", // the error-spike webhook (URL, on/off, cooldown) and its test
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS, // everything
  finance: ["payments:read", "payments:money", "salesunits:read"],
  support: ["payments:read", "salesunits:read"],
  developer: ["apilog:read", "salesunits:read"],
};

/** The caller as the server knows it (from the database, not from the cookie). */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Sales units (MSNs) this user may see. Admins see all: `allSalesUnits`. */
  msns: readonly string[];
  allSalesUnits: boolean;
  canViewPayments: boolean;
  /** The server-side session the request came with (absent for actors built in tests and jobs). */
  sessionId?: string;
  /** Two-factor sign-in (lib/auth/two-factor/policy.ts); set for the signed-in user. */
  twoFactor?: TwoFactorState;
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  // A role that requires two-factor sign-in may do nothing until the user has enrolled.
  if (actor.twoFactor?.mustEnrol) return false;
  if (permission === "payments:read" && actor.role === "developer") return actor.canViewPayments;
  return ROLE_PERMISSIONS[actor.role]?.includes(permission) ?? false;
}

export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated", "Not signed in");
  if (!can(actor, permission)) throw new AppError("forbidden", `${actor.role} lacks ${permission}`);
}

export function canSeeMsn(actor: Actor | null | undefined, msn: string): boolean {
  if (!actor) return false;
  return actor.allSalesUnits || actor.msns.includes(msn);
}

export function assertMsn(actor: Actor | null | undefined, msn: string): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated", "Not signed in");
  // Same error as "does not exist": a user must not learn which MSNs exist outside their scope.
  if (!canSeeMsn(actor, msn)) throw new AppError("not_found", `MSN ${msn} outside scope of ${actor.id}`);
}

/** A Prisma `where` fragment limiting rows to the actor's sales units. */
export function msnScope(actor: Actor): { msn?: { in: string[] } } {
  return actor.allSalesUnits ? {} : { msn: { in: [...actor.msns] } };
}
