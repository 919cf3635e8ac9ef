// TOTP (RFC 6238, 30-second steps, 6 digits, SHA-1: what every authenticator app reads from an
// otpauth:// URI) through otplib, and the QR code of that URI as SVG, drawn on the server.
import "server-only";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

export const TOTP_ISSUER = "Merchant Ops";
const PERIOD_SECONDS = 30;

/** A fresh secret: 20 random bytes, base32 (what the user may type into an app by hand). */
export const newTotpSecret = (): string => generateSecret();

export const otpauthUri = (email: string, secret: string): string =>
  generateURI({ issuer: TOTP_ISSUER, label: email, secret });

export const qrSvg = (uri: string): Promise<string> =>
  QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });

/** The time step (unix seconds ÷ 30) a moment falls in. */
export const timeStepAt = (at: Date): number => Math.floor(at.getTime() / 1000 / PERIOD_SECONDS);

/**
 * The time step a 6-digit code belongs to, or null. The step before and after now are accepted too
 * (a phone's clock drifts), but never a step at or before `after` — the last one used — so a code
 * cannot be used twice.
 */
export async function matchTotp(secret: string, code: string, now: Date, after: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: PERIOD_SECONDS,
      ...(after !== null ? { afterTimeStep: after } : {}),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null; // a malformed secret or token: no match
  }
}
