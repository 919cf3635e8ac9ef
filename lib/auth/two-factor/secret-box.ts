// The TOTP secret at rest, and the secret of an enrolment not yet confirmed. Both are sealed with
// ENCRYPTION_KEY (AES-256-GCM, lib/crypto.ts) and bound to the user id as associated data, so a
// sealed value copied onto another user's row, or into another user's form, does not open.
import "server-only";
import { decrypt, encrypt } from "@/lib/crypto";
import { secrets } from "@/lib/secrets";

const storedAad = (userId: string) => `totp:${userId}`;
const enrolmentAad = (userId: string) => `totp-enrolment:${userId}`;

/** How long the enrolment page's secret may be confirmed. */
export const ENROLMENT_TTL_MS = 30 * 60_000;

export const sealTotpSecret = (userId: string, secret: string): string =>
  encrypt(secret, secrets().encryptionKey, storedAad(userId));

export const openTotpSecret = (userId: string, sealed: string): string =>
  decrypt(sealed, secrets().encryptionKey, storedAad(userId));

/** The enrolment page's secret as a hidden form value: only this user can confirm it, until it expires. */
export const sealEnrolment = (userId: string, secret: string, now: Date): string =>
  encrypt(
    JSON.stringify({ s: secret, e: now.getTime() + ENROLMENT_TTL_MS }),
    secrets().encryptionKey,
    enrolmentAad(userId),
  );

export function openEnrolment(userId: string, sealed: string, now: Date): string | null {
  try {
    const { s, e } = JSON.parse(decrypt(sealed, secrets().encryptionKey, enrolmentAad(userId))) as {
      s: unknown;
      e: unknown;
    };
    if (typeof s !== "string" || typeof e !== "number" || e <= now.getTime()) return null;
    return s;
  } catch {
    return null;
  }
}
