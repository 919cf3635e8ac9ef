// Why a payment failed, from what Vipps told us: the errorInfo of a callback, an error Vipps answered
// to a logged call for this orderId (ours or the shop's), or else the failed step in the payment's
// own log. Pure, so it is tested on its own; the payment page shows it with the error's remedy.
import type { PaymentStatus } from "@/generated/prisma/enums";

export interface FailureCall {
  id: bigint | number;
  at: Date;
  operation: string;
  httpStatus: number | null;
  errorGroup: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  networkError: string | null;
  requestBody: unknown;
}

export interface FailureEvent {
  operation: string;
  operationSuccess: boolean;
  timeStamp: Date;
}

export type FailureReason =
  | (Pick<FailureCall, "at" | "operation" | "httpStatus" | "errorGroup" | "errorCode" | "errorMessage"> & {
      source: "callback" | "response";
      /** The logged call it comes from, for a link to the request log. */
      callId: string;
    })
  | { source: "log"; at: Date; operation: string };

const FAILED: PaymentStatus[] = ["failed", "cancelled"];

function callbackError(body: unknown): { errorGroup?: unknown; errorCode?: unknown; errorMessage?: unknown } | null {
  if (!body || typeof body !== "object") return null;
  const info = (body as { errorInfo?: unknown }).errorInfo;
  return info && typeof info === "object" ? (info as Record<string, unknown>) : null;
}
const str = (v: unknown) =>
  typeof v === "string" && v.trim() ? v.slice(0, 500) : typeof v === "number" ? String(v) : null;

/** Null unless the payment failed (or was cancelled) and something says why. Newest evidence first. */
export function failureReason(
  status: PaymentStatus,
  calls: FailureCall[],
  events: FailureEvent[],
): FailureReason | null {
  if (!FAILED.includes(status)) return null;
  const newest = [...calls].sort((a, b) => b.at.getTime() - a.at.getTime());
  for (const c of newest) {
    if (c.operation === "callback") {
      const info = callbackError(c.requestBody);
      if (info && (str(info.errorGroup) || str(info.errorCode) || str(info.errorMessage)))
        return {
          source: "callback",
          at: c.at,
          operation: "callback",
          httpStatus: null,
          errorGroup: str(info.errorGroup),
          errorCode: str(info.errorCode),
          errorMessage: str(info.errorMessage),
          callId: String(c.id),
        };
      continue;
    }
    // An error Vipps answered (not a network failure, which says nothing about the payment).
    if (c.httpStatus !== null && c.httpStatus >= 400 && (c.errorGroup || c.errorCode || c.errorMessage))
      return {
        source: "response",
        at: c.at,
        operation: c.operation,
        httpStatus: c.httpStatus,
        errorGroup: c.errorGroup,
        errorCode: c.errorCode,
        errorMessage: c.errorMessage,
        callId: String(c.id),
      };
  }
  const failedStep = [...events]
    .filter((e) => !e.operationSuccess)
    .sort((a, b) => b.timeStamp.getTime() - a.timeStamp.getTime())[0];
  return failedStep ? { source: "log", at: failedStep.timeStamp, operation: failedStep.operation } : null;
}
