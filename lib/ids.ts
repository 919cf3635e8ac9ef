// The identifiers of the eCom API, in one place: an MSN (merchant serial number, the sales unit)
// and an orderId (unique per MSN only). Used by the eCom client's checks, the ingest paths, the
// routes and every form, so they all agree on what is valid. Schemas carry a dictionary code as
// their message (lib/i18n sections/actions: input.*).
import { z } from "zod";

export const MSN_PATTERN = /^\d{5,7}$/;
export const ORDER_ID_PATTERN = /^[a-zA-Z0-9-]{1,50}$/;

/** Our own row ids (uuid) in a URL, checked before they reach a query. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isMsn = (v: unknown): v is string => typeof v === "string" && MSN_PATTERN.test(v);
export const isOrderId = (v: unknown): v is string => typeof v === "string" && ORDER_ID_PATTERN.test(v);

export const msnSchema = z.string({ error: "required" }).regex(MSN_PATTERN, { error: "msnFormat" });
export const orderIdSchema = z.string({ error: "required" }).regex(ORDER_ID_PATTERN, { error: "orderIdFormat" });

/** The payment page of (msn, orderId). */
export function paymentHref(msn: string, orderId: string, from?: string): string {
  const path = `/payments/${encodeURIComponent(msn)}/${encodeURIComponent(orderId)}`;
  return from ? `${path}?from=${encodeURIComponent(from)}` : path;
}

/**
 * Where the payment page's "Back" goes: the `from` it was opened with when that is a path in this
 * app (never another site: "//host" and "/\\host" are refused), else null.
 */
export function backPath(from: unknown): string | null {
  if (typeof from !== "string" || from.length > 2000) return null;
  if (!from.startsWith("/") || from.startsWith("//") || from.startsWith("/\\") || /[\u0000-\u001f]/.test(from))
    return null;
  return from;
}
