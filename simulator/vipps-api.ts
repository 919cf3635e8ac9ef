// The merchant-facing eCom v2 endpoints: routing, the gateway's checks, fault injection, rate
// limits, X-Request-Id idempotency, then the state machine.
import { createHash } from "node:crypto";
import { authenticateCall, issueToken } from "./auth";
import { sendCallback } from "./callbacks";
import {
  gatewayError,
  idempotencyConflict,
  internalError,
  invalidRequest,
  MESSAGES,
  notFound35,
  vippsError,
  type SimResponse,
} from "./errors";
import { takeFault } from "./faults";
import type { RateLimiter } from "./limits";
import { cancel, capture, details, refund, userActs } from "./payments";
import type { Store } from "./store";
import { paymentKey, type SimPayment } from "./types";
import { normalisePhone, validateAction, validateCancel, validateInitiate } from "./validation";

export interface Request {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: unknown;
  bodyError?: string;
  host: string;
}

/** What the HTTP layer should do: answer, drop the connection, or apply and then drop (lost response). */
export type Outcome =
  | { kind: "respond"; response: SimResponse; delayMs?: number }
  | { kind: "reset"; delayMs?: number }
  | { kind: "lost"; delayMs?: number };

type Operation = "accessToken" | "initiate" | "details" | "capture" | "cancel" | "refund" | "approve";

function route(method: string, path: string): { op: Operation; orderId?: string } | { status: true } | null {
  if (method === "POST" && path.toLowerCase() === "/accesstoken/get") return { op: "accessToken" };
  if (method === "POST" && path === "/ecomm/v2/payments") return { op: "initiate" };
  let m = /^\/ecomm\/v2\/payments\/([^/]+)\/(details|capture|cancel|refund|status)$/.exec(path);
  if (m) {
    const orderId = decodeURIComponent(m[1] ?? "");
    const action = m[2];
    if (action === "status") return method === "GET" ? { status: true } : null;
    const expected = { details: "GET", capture: "POST", cancel: "PUT", refund: "POST" }[action as "details"];
    return method === expected ? { op: action as Operation, orderId } : null;
  }
  m = /^\/ecomm\/v2\/integration-test\/payments\/([^/]+)\/approve$/.exec(path);
  if (m && method === "POST") return { op: "approve", orderId: decodeURIComponent(m[1] ?? "") };
  return null;
}

const hashBody = (body: unknown) =>
  createHash("sha256")
    .update(JSON.stringify(body ?? null))
    .digest("hex");

export async function handleVipps(store: Store, limiter: RateLimiter, req: Request): Promise<Outcome> {
  const r = route(req.method, req.path);
  const respond = (response: SimResponse, delayMs?: number): Outcome => ({ kind: "respond", response, delayMs });
  // The deprecated status endpoint was removed in 2021; unknown paths get the gateway's 404.
  if (!r || "status" in r) return respond(gatewayError(404, "Resource not found"));
  if (req.bodyError) return respond(invalidRequest("body", req.bodyError));

  if (r.op === "accessToken") {
    const unit = Object.values(store.state.salesUnits).find((u) => u.clientId === req.headers["client_id"]);
    const fault = takeFault(store, unit?.msn, "accessToken");
    if (fault?.kind === "reset") return { kind: "reset", delayMs: fault.delayMs };
    if (fault?.kind === "respond") return respond(fault.response, fault.delayMs);
    return respond(issueToken(store, req.headers), fault?.delayMs);
  }

  const caller = authenticateCall(store, req.headers);
  if (!caller.ok) return respond(caller.response);
  const { msn } = caller;

  const fault = takeFault(store, msn, r.op);
  if (fault?.kind === "reset") return { kind: "reset", delayMs: fault.delayMs };
  if (fault?.kind === "respond") return respond(fault.response, fault.delayMs);
  const delayMs = fault?.delayMs;

  const orderId =
    r.orderId ??
    (typeof (req.body as { transaction?: { orderId?: unknown } })?.transaction?.orderId === "string"
      ? String((req.body as { transaction: { orderId: string } }).transaction.orderId)
      : "");
  const s = store.state.settings;
  if (s.rateLimitsEnabled) {
    const limitKey = r.op === "details" ? `${caller.subscriptionKey}|${orderId}|details` : `${msn}|${orderId}|${r.op}`;
    const limit = r.op === "approve" ? 0 : s.rateLimits[r.op];
    const wait = limit ? limiter.hit(limitKey, limit, Date.now()) : 0;
    if (wait)
      return respond(
        gatewayError(429, `Rate limit is exceeded. Try again in ${wait} seconds.`, { "Retry-After": String(wait) }),
        delayMs,
      );
  }

  const requestId = req.headers["x-request-id"];
  if (requestId !== undefined && (requestId.length === 0 || requestId.length > 40))
    return respond(invalidRequest("X-Request-Id", "X-Request-Id must be 1-40 characters"), delayMs);
  if ((r.op === "capture" || r.op === "refund") && !requestId)
    return respond(invalidRequest("X-Request-Id", "X-Request-Id is required"), delayMs);

  const idemKey =
    requestId && r.op !== "details" && r.op !== "initiate" ? `${msn}|${orderId}|${r.op}|${requestId}` : undefined;
  const requestHash = hashBody(req.body);
  if (idemKey) {
    const stored = store.state.idempotency[idemKey];
    if (stored) {
      if (stored.requestHash === requestHash) {
        // A replayed answer can be lost on the way back like any other.
        if (fault?.kind === "lost") return { kind: "lost", delayMs };
        return respond({ status: stored.status, body: stored.body }, delayMs);
      }
      if (s.idempotencyConflict === "409")
        return respond(
          vippsError(
            409,
            "VippsError",
            "93",
            "The request must be identical to the previous request(s) in an idempotent retry.",
          ),
          delayMs,
        );
      return respond(idempotencyConflict(r.op as "capture"), delayMs);
    }
  }

  const response = operate(store, r.op, msn, orderId, req, requestId ?? "");
  // Final answers are remembered per X-Request-Id; transient ones (5xx, 429, 94) are not.
  if (idemKey && response.status < 500 && response.status !== 429)
    store.state.idempotency[idemKey] = { requestHash, status: response.status, body: response.body };
  store.changed();
  if (fault?.kind === "lost") return { kind: "lost", delayMs };
  return respond(response, delayMs);
}

function bodyMsnMismatch(body: unknown, msn: string): SimResponse | null {
  const bodyMsn = (body as { merchantInfo?: { merchantSerialNumber?: unknown } })?.merchantInfo?.merchantSerialNumber;
  return typeof bodyMsn === "string" && bodyMsn !== msn
    ? gatewayError(403, "Merchant Not Allowed for Ecommerce Payment: the MSN in the body does not match the keys used.")
    : null;
}

function operate(
  store: Store,
  op: Exclude<Operation, "accessToken">,
  msn: string,
  orderId: string,
  req: Request,
  requestId: string,
): SimResponse {
  const unit = store.state.salesUnits[msn];
  if (!unit || unit.active === false)
    return vippsError(
      403,
      "Merchant",
      "37",
      "The merchant and/or sales unit is unavailable, deleted, deactivated or blocked for payments.",
    );
  if (op === "initiate") {
    const v = validateInitiate(req.body, { allowLocalhost: store.state.settings.allowLocalhostUrls });
    if (!v.ok) return v.response;
    const mismatch = bodyMsnMismatch(req.body, msn);
    if (mismatch) return mismatch;
    const { input } = v;
    if (store.state.payments[paymentKey(msn, input.orderId)]) return vippsError(400, "Merchant", "34", MESSAGES["34"]);
    if (input.skipLandingPage && !unit.skipLandingPageAllowed) return vippsError(400, "Merchant", "38", MESSAGES["38"]);
    let mobileNumber: string | undefined;
    if (input.mobileNumber !== undefined) {
      const fixed = normalisePhone(input.mobileNumber);
      if (!fixed) return vippsError(400, "User", "81", MESSAGES["81"]);
      mobileNumber = fixed;
    }
    const urlToken = Buffer.from(JSON.stringify({ msn, orderId: input.orderId, n: Math.random() })).toString(
      "base64url",
    );
    const tid = store.nextTransactionId();
    const p: SimPayment = {
      msn,
      orderId: input.orderId,
      amount: input.amount,
      transactionText: input.transactionText,
      callbackPrefix: input.callbackPrefix,
      fallBack: input.fallBack,
      authToken: input.authToken,
      isApp: input.isApp,
      mobileNumber,
      initiatedAt: store.now(),
      urlToken,
      initiateTransactionId: tid,
      state: "INITIATE",
      userActed: false,
      reserved: 0,
      captured: 0,
      refunded: 0,
      released: false,
      log: [
        {
          amount: input.amount,
          operation: "INITIATE",
          operationSuccess: true,
          requestId: "",
          timeStamp: store.iso(),
          transactionId: tid,
          transactionText: input.transactionText,
        },
      ],
    };
    store.state.payments[paymentKey(msn, input.orderId)] = p;
    const url = input.isApp
      ? `${unit.environment === "test" ? "vippsMT" : "vipps"}://?token=${urlToken}`
      : `http://${req.host}/dwo-api-application/v1/deeplink/vippsgateway?v=2&token=${urlToken}`;
    return { status: 200, body: { orderId: input.orderId, url } };
  }

  const p = store.state.payments[paymentKey(msn, orderId)];
  if (!p) return notFound35(orderId, msn);
  if (op === "details") return { status: 200, body: details(p) };
  if (op === "approve") {
    if (unit.environment === "production") return gatewayError(404, "Resource not found");
    const body = (req.body ?? {}) as { token?: unknown; customerPhoneNumber?: unknown };
    if (body.token !== p.urlToken) return invalidRequest("token", "token does not match the payment's initiate url");
    if (
      body.customerPhoneNumber !== undefined &&
      (typeof body.customerPhoneNumber !== "string" || !/^\d{8}$/.test(body.customerPhoneNumber))
    ) {
      return invalidRequest("customerPhoneNumber", "customerPhoneNumber must be 8 digits");
    }
    const result = userActs(store, p, { kind: "approve" }, unit.captureType === "direct");
    if (!result.ok) return result.response;
    void sendCallback(store, p, result.callbackStatus);
    return { status: 200 };
  }
  if (op === "cancel") {
    const v = validateCancel(req.body);
    if (!v.ok) return v.response;
    return (
      bodyMsnMismatch(req.body, msn) ??
      cancel(store, p, v.input.transactionText, v.input.shouldReleaseRemainingFunds, requestId)
    );
  }
  const v = validateAction(req.body);
  if (!v.ok) return v.response;
  const mismatch = bodyMsnMismatch(req.body, msn);
  if (mismatch) return mismatch;
  return op === "capture"
    ? capture(store, p, v.input.amount, v.input.transactionText, requestId)
    : refund(store, p, v.input.amount, v.input.transactionText, requestId);
}

export { internalError };
