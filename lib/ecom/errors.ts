// Typed errors of the eCom client, and the parsing of the four error body formats Vipps uses.
// Messages are built from the status and the error body only: never from headers or credentials.
import { z } from "zod";
import { maskText } from "@/lib/api-log/mask";
import type { EcomOperation } from "./types";

export type EcomErrorKind =
  | "validation" // refused before sending: nothing went over the wire
  | "vipps" // Vipps error array [{errorGroup, errorCode, errorMessage, contextId}] (or plain strings)
  | "gateway" // Azure APIM {statusCode, message}: 401/403/429 and friends
  | "azure" // ErrorFromAzure {responseInfo:{responseCode, responseMessage}, result?}
  | "token" // access token endpoint {error, error_description}
  | "http" // an error status whose body matches none of the above
  | "network" // connection refused, reset, DNS
  | "timeout" // no answer within the timeout
  | "invalid_response"; // 2xx, but the body is not JSON or not the documented shape

export interface EcomErrorDetails {
  operation: EcomOperation;
  httpStatus?: number;
  errorGroup?: string;
  errorCode?: string;
  errorMessage?: string;
  contextId?: string;
  /** How long the server asked us to wait (Retry-After), if it did. */
  retryAfterMs?: number;
  /** Trying again (with the same X-Request-Id for money operations) may succeed. */
  retryable: boolean;
  /**
   * The request may have taken effect although we got no answer (timeout, reset, 5xx without a Vipps
   * error body, a 2xx we could not read). Resolve with /details or the same X-Request-Id first.
   */
  outcomeUnknown: boolean;
}

export class EcomError extends Error {
  readonly kind: EcomErrorKind;
  readonly operation: EcomOperation;
  readonly httpStatus?: number;
  readonly errorGroup?: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly contextId?: string;
  readonly retryAfterMs?: number;
  readonly retryable: boolean;
  readonly outcomeUnknown: boolean;
  /** HTTP attempts made before giving up (0 for validation errors). */
  attempts = 0;

  constructor(kind: EcomErrorKind, message: string, details: EcomErrorDetails) {
    super(maskText(message));
    this.name = "EcomError";
    this.kind = kind;
    this.operation = details.operation;
    this.httpStatus = details.httpStatus;
    this.errorGroup = details.errorGroup;
    this.errorCode = details.errorCode;
    this.errorMessage = details.errorMessage === undefined ? undefined : maskText(details.errorMessage);
    this.contextId = details.contextId;
    this.retryAfterMs = details.retryAfterMs;
    this.retryable = details.retryable;
    this.outcomeUnknown = details.outcomeUnknown;
  }
}

/** Input refused before anything was sent. `field` names the input property (e.g. "amount"). */
export class EcomValidationError extends EcomError {
  readonly field: string;
  constructor(operation: EcomOperation, field: string, problem: string) {
    super("validation", `${operation}: ${field} ${problem}`, { operation, retryable: false, outcomeUnknown: false });
    this.name = "EcomValidationError";
    this.field = field;
  }
}

export const isEcomError = (e: unknown): e is EcomError => e instanceof EcomError;

const code = z.union([z.string(), z.number()]).transform(String);
const vippsError = z.object({
  errorGroup: z.string(),
  errorCode: code,
  errorMessage: z.string(),
  contextId: z.string().nullish(),
});
const vippsErrorBody = z.union([z.array(vippsError).min(1), vippsError.transform((e) => [e])]);
const plainStrings = z.array(z.string()).min(1);
const gatewayError = z.object({ statusCode: code, message: z.string() });
const azureError = z.object({
  responseInfo: z.object({ responseCode: code, responseMessage: z.string() }),
  result: z.object({ message: z.string() }).nullish(),
});
const tokenError = z.object({ error: z.string(), error_description: z.string().nullish() });

// Transient per the docs: 94 "order locked, retry later with the same key", 98 "too many concurrent requests".
const TRANSIENT_VIPPS_CODES = new Set(["94", "98"]);

/**
 * A gateway body's code, or none: the APIM gateway's `statusCode` (and often ErrorFromAzure's
 * `responseCode`) only repeats the HTTP status, which is no code of its own. Such errors are told apart
 * by status and message (lib/api-errors/remedies.ts).
 */
function ownCode(value: string, status: number): string | undefined {
  return value === String(status) ? undefined : value;
}

function transientStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 423;
}

/** Turns an HTTP error response into an EcomError. `body` is the parsed JSON, or undefined. */
export function errorFromResponse(
  operation: EcomOperation,
  status: number,
  body: unknown,
  retryAfterMs?: number,
): EcomError {
  const base = { operation, httpStatus: status, retryAfterMs };
  const vipps = vippsErrorBody.safeParse(body);
  if (vipps.success) {
    const first = vipps.data[0];
    const group = first?.errorGroup;
    const errCode = first?.errorCode;
    const retryable =
      (group === "VippsError" && errCode !== undefined && TRANSIENT_VIPPS_CODES.has(errCode)) || status === 429;
    return new EcomError("vipps", `${operation}: HTTP ${status} ${group}/${errCode}: ${first?.errorMessage ?? ""}`, {
      ...base,
      errorGroup: group,
      errorCode: errCode,
      errorMessage: vipps.data.map((e) => e.errorMessage).join("; "),
      contextId: first?.contextId ?? undefined,
      retryable,
      // The application answered with a reason, so it decided: no hidden effect.
      outcomeUnknown: false,
    });
  }
  const strings = plainStrings.safeParse(body);
  if (strings.success) {
    const message = strings.data.join("; ");
    return new EcomError("vipps", `${operation}: HTTP ${status}: ${message}`, {
      ...base,
      errorMessage: message,
      retryable: transientStatus(status),
      outcomeUnknown: false,
    });
  }
  const unknownOutcome = status >= 500;
  const gateway = gatewayError.safeParse(body);
  if (gateway.success) {
    return new EcomError("gateway", `${operation}: HTTP ${status}: ${gateway.data.message}`, {
      ...base,
      errorCode: ownCode(gateway.data.statusCode, status),
      errorMessage: gateway.data.message,
      retryable: transientStatus(status),
      outcomeUnknown: unknownOutcome,
    });
  }
  const azure = azureError.safeParse(body);
  if (azure.success) {
    const { responseInfo, result } = azure.data;
    const message = result?.message
      ? `${responseInfo.responseMessage} (${result.message})`
      : responseInfo.responseMessage;
    return new EcomError("azure", `${operation}: HTTP ${status}: ${message}`, {
      ...base,
      errorCode: ownCode(responseInfo.responseCode, status),
      errorMessage: message,
      retryable: transientStatus(status),
      outcomeUnknown: unknownOutcome,
    });
  }
  const token = tokenError.safeParse(body);
  if (token.success) {
    const message = token.data.error_description ?? token.data.error;
    return new EcomError("token", `${operation}: HTTP ${status} ${token.data.error}: ${message}`, {
      ...base,
      errorCode: token.data.error,
      errorMessage: message,
      retryable: transientStatus(status),
      outcomeUnknown: unknownOutcome,
    });
  }
  return new EcomError("http", `${operation}: HTTP ${status}`, {
    ...base,
    retryable: transientStatus(status),
    outcomeUnknown: unknownOutcome,
  });
}
