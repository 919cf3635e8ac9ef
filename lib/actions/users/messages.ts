// The user-facing text for what lib/users refuses, in the caller's language.
import "server-only";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import type { UserProblem } from "@/lib/users/manage";
import type { LinkProblem, NewPasswordProblem } from "@/lib/users/password";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/users/password-policy";

export function userProblemText(t: Dictionary, problem: UserProblem): string {
  return t.users.problems[problem];
}

export function passwordProblemText(
  t: Dictionary,
  problem: NewPasswordProblem | LinkProblem | "current_wrong" | "locked",
) {
  const p = t.myAccount.passwordProblems;
  switch (problem) {
    case "password_too_short":
      return interpolate(p.password_too_short, { min: String(PASSWORD_MIN_LENGTH) });
    case "password_too_long":
      return interpolate(p.password_too_long, { max: String(PASSWORD_MAX_LENGTH) });
    default:
      return p[problem];
  }
}
