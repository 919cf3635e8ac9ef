// One logged call of the demo's API story, shaped exactly as our eCom client logs it (lib/ecom/http.ts):
// request bodies built by the client's own body builders, response and error bodies in the formats
// Vipps answers with (ecom-api.md §8.1, swagger.yaml), everything masked before it becomes a record.
import { maskJson, maskRawBody, type MaskedJson } from "@/lib/api-log/mask";
import type { ApiCallRecord, LogEnvironment } from "@/lib/api-log/types";
import { PATHS, DEFAULT_TIMEOUTS } from "@/lib/ecom/config";
import { cancelBody, initiateBody, moneyActionBody } from "@/lib/ecom/requests";
import type { EcomOperation } from "@/lib/ecom/types";

/** How a call ended: each kind is one of the body formats the client parses (lib/ecom/errors.ts). */
export type Outcome =
  | { kind: "ok" }
  | { kind: "vipps"; status: number; group: string; code: string; message: string }
  /** The Azure APIM gateway, {statusCode, message}: 401 and 429 (Retry-After is in the message). */
  | { kind: "gateway"; status: number; message: string }
  /** The access token endpoint, Azure AD style {error, error_description}. */
  | { kind: "token"; status: number; error: string; description: string }
  /** ErrorFromAzure {responseInfo, result}. */
  | { kind: "azure"; status: number; code: string; message: string }
  /** An HTML error page (a 502 from a proxy on the way). */
  | { kind: "html"; status: number }
  | { kind: "timeout" }
  | { kind: "network"; reason: string };

export interface StoryCall {
  at: number;
  msn: string;
  environment: LogEnvironment;
  operation: EcomOperation;
  orderId?: string;
  amount?: number;
  /** Captured so far (for the transactionSummary of a money answer). */
  captured?: number;
  refunded?: number;
  requestId?: string;
  attempt?: number;
  durationMs: number;
  outcome: Outcome;
  /** initiate with the customer's number (81 is about it), and the broken deploy's body. */
  mobileNumber?: string;
  msnAsNumber?: boolean;
  release?: boolean;
  /** A deterministic hex source for contextIds and transactionIds. */
  id: number;
}

const CALLBACK_PREFIX = "https://ops.fjellsport.example/api/vipps";
const FALL_BACK = "https://fjellsport.example/takk";

const hex = (n: number, len: number) => (n >>> 0).toString(16).padStart(8, "0").repeat(4).slice(0, len);
/** A uuid-shaped contextId, the same for the same call. */
const contextId = (id: number) => {
  const h = hex(Math.imul(id, 2654435761), 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${hex(id, 12)}`;
};
const transactionId = (id: number) => String(5_000_000_000 + ((id * 7919) % 4_000_000_000));
const iso = (ms: number) => new Date(ms).toISOString();

function requestBody(c: StoryCall): unknown {
  const orderId = c.orderId ?? "";
  const transactionText = `Fjellsport – ordre ${orderId}`;
  switch (c.operation) {
    case "initiate": {
      const { body } = initiateBody(
        {
          orderId,
          amount: c.amount ?? 10000,
          transactionText,
          callbackPrefix: CALLBACK_PREFIX,
          fallBack: FALL_BACK,
          mobileNumber: c.mobileNumber,
        },
        c.msn,
        "test",
      );
      // The deploy that broke initiate sent the MSN as a number: Vipps answers 500/99 (ecom-api.md §8.2).
      if (c.msnAsNumber) (body.merchantInfo as Record<string, unknown>).merchantSerialNumber = Number(c.msn);
      return body;
    }
    case "capture":
    case "refund":
      return moneyActionBody(
        c.operation,
        { orderId, amount: c.amount, transactionText, requestId: c.requestId ?? `${c.operation}-${orderId}` },
        c.msn,
      ).body;
    case "cancel":
      return cancelBody({ orderId, transactionText, shouldReleaseRemainingFunds: c.release }, c.msn).body;
    default:
      return undefined;
  }
}

const summary = (c: StoryCall, reserved: number) => ({
  capturedAmount: c.captured ?? 0,
  remainingAmountToCapture: Math.max(reserved - (c.captured ?? 0), 0),
  refundedAmount: c.refunded ?? 0,
  remainingAmountToRefund: (c.captured ?? 0) - (c.refunded ?? 0),
});

function okBody(c: StoryCall): unknown {
  const amount = c.amount ?? 0;
  const tx = {
    amount,
    timeStamp: iso(c.at),
    transactionId: transactionId(c.id),
    transactionText: `Fjellsport – ordre ${c.orderId}`,
  };
  const entry = (status: string) => ({ ...tx, status });
  switch (c.operation) {
    case "accessToken":
      return {
        token_type: "Bearer",
        expires_in: "3600",
        ext_expires_in: "0",
        expires_on: String(Math.floor(c.at / 1000) + 3600),
        not_before: String(Math.floor(c.at / 1000)),
        resource: "00000002-0000-0000-c000-000000000000",
        access_token: `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${hex(c.id, 24)}.${hex(c.id * 31, 32)}`,
      };
    case "initiate":
      return {
        orderId: c.orderId,
        url: `https://api.vipps.no/dwo-api-application/v1/deeplink/vippsgateway?v=2&token=eyJraWQiOiJqd3RrZXkiLCJhbGciOiJSUzI1NiJ9.${hex(c.id, 40)}.x`,
      };
    case "details": {
      const log = (operation: string) => ({ ...tx, operation, operationSuccess: true, requestId: "" });
      return {
        orderId: c.orderId,
        transactionLogHistory: [log("RESERVE"), log("INITIATE")],
        transactionSummary: { ...summary(c, amount), bankIdentificationNumber: 492560 },
      };
    }
    case "capture":
      return { orderId: c.orderId, transactionInfo: entry("Captured"), transactionSummary: summary(c, amount) };
    case "refund":
      return { orderId: c.orderId, transaction: entry("Refund"), transactionSummary: summary(c, amount) };
    default:
      return { orderId: c.orderId, transactionInfo: entry("Cancelled"), transactionSummary: summary(c, amount) };
  }
}

const HTML_502 =
  "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";

/** The record our client would have logged for this call (bodies masked). */
export function storyRecord(c: StoryCall): ApiCallRecord {
  const o = c.outcome;
  const op = c.operation;
  const base = {
    at: new Date(c.at),
    msn: c.msn,
    environment: c.environment,
    operation: op,
    method: op === "details" ? "GET" : op === "cancel" ? "PUT" : "POST",
    path: PATHS[op],
    orderId: c.orderId ?? null,
    durationMs: c.durationMs,
    attempt: c.attempt ?? 1,
    requestId: c.requestId ?? null,
    requestBody: maskJson(requestBody(c)),
  };
  type Detail = Pick<ApiCallRecord, "errorGroup" | "errorCode" | "errorMessage" | "contextId" | "networkError">;
  const none: Detail = { errorGroup: null, errorCode: null, errorMessage: null, contextId: null, networkError: null };
  const answer = (httpStatus: number, body: unknown, e: Partial<Detail>): ApiCallRecord => ({
    ...base,
    ...none,
    ...e,
    httpStatus,
    responseBody: typeof body === "string" ? maskRawBody(body) : (maskJson(body) as MaskedJson | null),
  });
  switch (o.kind) {
    case "ok":
      return answer(200, okBody(c), {});
    case "vipps": {
      const body = [{ errorGroup: o.group, errorCode: o.code, errorMessage: o.message, contextId: contextId(c.id) }];
      return answer(o.status, body, {
        errorGroup: o.group,
        errorCode: o.code,
        errorMessage: o.message,
        contextId: body[0]!.contextId,
      });
    }
    case "gateway":
      return answer(
        o.status,
        { statusCode: o.status, message: o.message },
        // The gateway's statusCode repeats the status: no code of its own (lib/ecom/errors.ts).
        { errorMessage: o.message },
      );
    case "token":
      return answer(
        o.status,
        {
          error: o.error,
          error_description: o.description,
          error_codes: [7000215],
          timestamp: iso(c.at).replace("T", " ").slice(0, 19) + "Z",
          trace_id: contextId(c.id),
          correlation_id: contextId(c.id + 1),
        },
        { errorCode: o.error, errorMessage: o.description },
      );
    case "azure":
      return answer(
        o.status,
        { responseInfo: { responseCode: o.code, responseMessage: o.message } },
        { errorCode: o.code, errorMessage: o.message },
      );
    case "html":
      return answer(o.status, HTML_502, { errorMessage: `${op}: HTTP ${o.status}` });
    case "timeout":
    case "network":
      return {
        ...base,
        ...none,
        httpStatus: null,
        networkError: o.kind === "timeout" ? `timeout after ${DEFAULT_TIMEOUTS[op]} ms` : o.reason,
        durationMs: o.kind === "timeout" ? DEFAULT_TIMEOUTS[op] + (c.durationMs % 40) : c.durationMs,
        responseBody: null,
      };
  }
}
