// What a new password must be: at least 12 characters, at most 200, and not easy to guess — not
// among the ~49,000 common and breached passwords that zxcvbn-ts ships (@zxcvbn-ts/language-common),
// and not built from the user's own name or email. zxcvbn's score (0–4) also catches keyboard runs,
// repeats, dates and dictionary words with digits; we ask for 3 ("safely unguessable").
import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
const MIN_SCORE = 3;

export type PasswordProblem = "password_required" | "password_too_short" | "password_too_long" | "password_weak";

let factory: ZxcvbnFactory | undefined;
const zxcvbn = () => (factory ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs }));

/** The words of the user's own that a password must not lean on: name parts and the email's. */
function personalWords(user: { email?: string; name?: string }): string[] {
  const words = [user.email ?? "", ...(user.email ?? "").split(/[@._+-]/), ...(user.name ?? "").split(/\s+/)];
  return [...new Set(words.map((w) => w.toLowerCase()).filter((w) => w.length >= 3))].concat([
    "merchantops",
    "merchant",
    "vipps",
    "mobilepay",
  ]);
}

/** null when the password may be used; otherwise what is wrong with it. Length counts characters, not bytes. */
export function passwordProblem(
  password: string,
  user: { email?: string; name?: string } = {},
): PasswordProblem | null {
  if (!password) return "password_required";
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "password_too_short";
  if (length > PASSWORD_MAX_LENGTH) return "password_too_long";
  // The email's name part or the whole name, whatever the separators: "kari.nordmann1" for Kari Nordmann.
  const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const own = [letters(user.email?.split("@")[0] ?? ""), letters(user.name ?? "")].filter((w) => w.length >= 4);
  if (own.some((w) => letters(password).includes(w))) return "password_weak";
  const result = zxcvbn().check(password, personalWords(user));
  return result.score >= MIN_SCORE ? null : "password_weak";
}
