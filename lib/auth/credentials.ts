// Validation of the sign-in form. Any field that is not a plain string, is empty, is over 1 KB or
// is malformed is refused with its own code before the database is touched.
import { z } from "zod";

export const MAX_FIELD_BYTES = 1024;

export type CredentialsProblem = "email_required" | "password_required" | "email_malformed" | "too_long";

export function parseCredentials(raw: {
  email?: unknown;
  password?: unknown;
}): { ok: true; email: string; password: string } | { ok: false; problem: CredentialsProblem } {
  const { email, password } = raw;
  if (email !== undefined && typeof email !== "string") return { ok: false, problem: "email_malformed" };
  if (password !== undefined && typeof password !== "string") return { ok: false, problem: "password_required" };
  if (Buffer.byteLength(email ?? "") > MAX_FIELD_BYTES || Buffer.byteLength(password ?? "") > MAX_FIELD_BYTES) {
    return { ok: false, problem: "too_long" };
  }
  const normalized = (email ?? "").trim().toLowerCase();
  if (!normalized) return { ok: false, problem: "email_required" };
  if (!password) return { ok: false, problem: "password_required" };
  if (normalized.length > 254 || !z.email().safeParse(normalized).success)
    return { ok: false, problem: "email_malformed" };
  return { ok: true, email: normalized, password };
}
