// What a failed connection test means for the admin, in one word: which key (or what else) to look
// at. Derived from the remedy the error dashboard gives the same error (lib/api-errors/remedies.ts),
// so the test and the dashboard never disagree. Pure; the words are in salesUnitsAdmin.test.causes.
import type { RemedyId } from "@/lib/api-errors/remedies";

export const CONNECTION_CAUSES = [
  "subscription_key",
  "client_secret",
  "client_id",
  "other_msn",
  "partner_msn",
  "deactivated_at_vipps",
  "not_allowed",
  "unreachable",
  "vipps_error",
  "other",
] as const;
export type ConnectionCause = (typeof CONNECTION_CAUSES)[number];

const BY_REMEDY: Partial<Record<RemedyId, ConnectionCause>> = {
  // The gateway checks the subscription key before anything else; keys from the other environment
  // (test keys against production, or the other way round) fail here too.
  "gateway.401.subscription-key-invalid": "subscription_key",
  "gateway.401.subscription-key-missing": "subscription_key",
  "gateway.401.subscription-not-found": "subscription_key",
  "token.invalid-client": "client_secret",
  "token.unauthorized-client": "client_id",
  "token.invalid-request": "client_id",
  "gateway.403.msn-mismatch": "other_msn",
  "gateway.invalid-msn.keys": "other_msn",
  "vipps.Merchant.35": "other_msn",
  "gateway.403.partner-msn": "partner_msn",
  "gateway.invalid-msn.supermerchant": "partner_msn",
  "gateway.invalid-msn.header-missing": "partner_msn",
  "vipps.Merchant.37": "deactivated_at_vipps",
  "vipps.Merchant.97": "not_allowed",
  "vipps.Merchant.31": "not_allowed",
  "vipps.Merchant.36": "not_allowed",
};

export function connectionCause(remedyId: RemedyId): ConnectionCause {
  const known = BY_REMEDY[remedyId];
  if (known) return known;
  if (remedyId.startsWith("network.")) return "unreachable";
  if (remedyId.startsWith("vipps.VippsError") || remedyId === "http.5xx" || /^http\.5\d\d$/.test(remedyId))
    return "vipps_error";
  return "other";
}

/**
 * Merchant/35 for our made-up orderId is the answer we hope for, unless it names another MSN: then
 * the keys belong to that sales unit, and Vipps ignored the Merchant-Serial-Number header.
 */
export function notFoundNamesOtherMsn(message: string | undefined | null, msn: string): boolean {
  const named = /\bMSN\s*:?\s*(\d{5,7})\b/i.exec(message ?? "")?.[1];
  return named !== undefined && named !== msn;
}
