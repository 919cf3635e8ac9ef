// Who must use two-factor sign-in (TWO_FACTOR_REQUIRED_ROLES), and the state of a signed-in user
// that the actor carries: enrolled or not, and whether they must enrol before anything else.
import type { Role } from "@/generated/prisma/enums";
import { env } from "@/lib/env";

/** Where a user who must enrol is sent, and the only page they may open until then. */
export const ENROL_PATH = "/account/security";

export const twoFactorRequiredFor = (role: Role, requiredRoles: readonly Role[] = env().twoFactor.requiredRoles) =>
  requiredRoles.includes(role);

export interface TwoFactorState {
  enrolled: boolean;
  /** The role requires two-factor sign-in and the user has not enrolled: only enrolment and sign-out are allowed. */
  mustEnrol: boolean;
}

export function twoFactorState(
  user: { role: Role; totpEnabledAt: Date | null },
  requiredRoles?: readonly Role[],
): TwoFactorState {
  const enrolled = user.totpEnabledAt !== null;
  return { enrolled, mustEnrol: !enrolled && twoFactorRequiredFor(user.role, requiredRoles) };
}

/** Whether a request path is the enrolment page (a user who must enrol may open only that). */
export const isEnrolPath = (path: string) => path === ENROL_PATH || path.startsWith(`${ENROL_PATH}?`);
