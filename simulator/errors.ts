// Error bodies exactly as the real API sends them (see ecom-api.md §8).
import { randomUUID } from "node:crypto";

export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Set on gateway errors, whose body shape is a setting. */
  gateway?: { message: string };
}

/** The Vipps application's format: an array of {errorGroup, errorCode (string), errorMessage, contextId}. */
export function vippsError(status: number, errorGroup: string, errorCode: string, errorMessage: string): SimResponse {
  return { status, body: [{ errorGroup, errorCode, errorMessage, contextId: randomUUID() }] };
}

/**
 * Errors from the Azure gateway in front of the API (401, 403, 404 on unknown paths, 429). The spec
 * types them as ErrorFromAzure, and the spec wins; the plain APIM shape {statusCode, message} that
 * the notes report from the wild is a setting (gatewayErrorFormat: "apim"), applied when sent.
 */
export function gatewayError(status: number, message: string, headers?: Record<string, string>): SimResponse {
  return {
    status,
    body: { responseInfo: { responseCode: status, responseMessage: REASONS[status] ?? "Error" }, result: { message } },
    headers,
    gateway: { message },
  };
}

export function inGatewayFormat(r: SimResponse, format: "azure" | "apim"): SimResponse {
  return r.gateway && format === "apim" ? { ...r, body: { statusCode: r.status, message: r.gateway.message } } : r;
}

const REASONS: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
};

/** Azure AD's format, used by the token endpoint. */
export function tokenError(status: number, error: string, description: string): SimResponse {
  return {
    status,
    body: {
      error,
      error_description: description,
      error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? (status === 400 ? 700016 : 7000215))],
      timestamp: new Date().toISOString().replace("T", " ").slice(0, 19) + "Z",
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    },
  };
}

export const internalError = () =>
  vippsError(
    500,
    "VippsError",
    "99",
    "Internal error. In some cases, this is caused by an incorrect API request. Please check the request.",
  );

export const invalidRequest = (field: string, message: string) => vippsError(400, "InvalidRequest", field, message);

export const MESSAGES = {
  "34": "Duplicate orderId. The orderId must be unique for each MSN. It has already been used for this MSN.",
  "38": "The sales unit is not allowed to skip the landing page. See the FAQ.",
  "41": "The user does not have a valid card.",
  "42": "Refused by the issuer.",
  "43": "Refused by the issuer: Invalid amount.",
  "44": "Refused by the issuer: Expired card.",
  "45": "Reservation failed, reason unknown.",
  "51": "Cannot cancel an orderId that has already been captured.",
  "61": "The total capture amount exceeds the reserved amount. You cannot capture a higher amount than the user has accepted. Check the payment details",
  "62": "The amount you tried to capture is not reserved. The user must accept the payment before capture can be done.",
  "71": "Cannot refund a higher amount than the captured amount.",
  "72": "Cannot refund a reserved order. The orderId can be canceled instead.",
  "73": "Cannot refund a canceled order.",
  "74": "Refund failed during debit from the merchant's account.",
  "81": "The phone number is either incorrectly formatted (see the API specification), is not a Vipps user, or the user cannot pay businesses. Vipps cannot give more details.",
  "91": "The transaction is not allowed.",
  "94": "The order is locked and is already being processed. Retry later with the same X-Request-Id.",
  "95": "Payments can only be refunded up to 365 days after reservation. See the FAQ.",
  "98capture": "Payments can only be captured up to 180 days after reservation. See the FAQ.",
  "98cancel": "Payments can only be canceled up to 180 days after reservation. See the FAQ.",
} as const;

export const notFound35 = (orderId: string, msn: string) =>
  vippsError(404, "Merchant", "35", `The orderId '${orderId}' does not exist for MSN ${msn}.`);

export const idempotencyConflict = (what: "capture" | "refund" | "cancel" | "approve") =>
  vippsError(
    400,
    "VippsError",
    "93",
    `The ${what} request must be identical to the previous request(s) in an idempotent retry.`,
  );
