// Recovery codes: ten single-use codes shown once at enrolment, for a lost phone. Each is 10
// characters of base32 (50 random bits) written xxxx-xxxx-xx. Random and long enough that a plain
// sha256 is a safe way to store them (nobody can guess one, so no slow hash is needed).
import { createHash, randomBytes } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"; // 32 symbols: one byte & 31 is uniform
const LENGTH = 10;

export function newRecoveryCode(): string {
  const chars = [...randomBytes(LENGTH)].map((b) => ALPHABET[b & 31]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

export const newRecoveryCodes = (): string[] => Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);

/** A code as typed (any case, with or without dashes and spaces) in its canonical form, or null. */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.toLowerCase().replace(/[\s-]/g, "");
  if (compact.length !== LENGTH || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return compact;
}

export const hashRecoveryCode = (normalized: string): string =>
  createHash("sha256").update(`recovery|${normalized}`).digest("hex");
