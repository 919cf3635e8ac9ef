// One function per eCom v2 operation (operationIds from swagger.yaml in the comments). Each
// validates its input before anything is sent and parses the 200 body with zod.
// The deprecated GET .../status is deliberately absent: /details says everything it did.
import { callApi, requestAccessToken } from "./call";
import { PATHS } from "./config";
import type { EcomContext } from "./http";
import { approveBody, cancelBody, initiateBody, moneyActionBody } from "./requests";
import {
  approveResponseSchema,
  cancelResponseSchema,
  captureResponseSchema,
  initiateResponseSchema,
  paymentDetailsSchema,
  refundResponseSchema,
  type AccessToken,
  type CancelResult,
  type CaptureResult,
  type InitiatePaymentResult,
  type PaymentDetails,
  type RefundResult,
} from "./schemas";
import type { ApproveInput, CancelInput, CaptureInput, InitiatePaymentInput, RefundInput } from "./types";
import { checkOrderId } from "./validation";

/** fetchAuthorizationTokenUsingPost: a fresh token (also stored in the cache). */
export function fetchAccessToken(ctx: EcomContext): Promise<AccessToken> {
  return requestAccessToken(ctx);
}

/** initiatePaymentV3UsingPOST. Never retried: a repeat would be a second payment or error 34. */
export async function initiatePayment(ctx: EcomContext, input: InitiatePaymentInput): Promise<InitiatePaymentResult> {
  const { orderId, body } = initiateBody(input, ctx.msn, ctx.environment);
  return callApi(
    ctx,
    { operation: "initiate", method: "POST", path: PATHS.initiate, orderId, body, schema: initiateResponseSchema },
    "never",
  );
}

/** getPaymentDetailsUsingGET. A read: retried on timeouts, network errors, 5xx and 429. */
export async function getPaymentDetails(ctx: EcomContext, orderId: string): Promise<PaymentDetails> {
  const id = checkOrderId("details", orderId);
  return callApi(
    ctx,
    { operation: "details", method: "GET", path: PATHS.details, orderId: id, schema: paymentDetailsSchema },
    "read",
  );
}

/** capturePaymentUsingPOST. Retried only with the same X-Request-Id. */
export async function capturePayment(ctx: EcomContext, input: CaptureInput): Promise<CaptureResult> {
  const { orderId, requestId, body } = moneyActionBody("capture", input, ctx.msn);
  return callApi(
    ctx,
    {
      operation: "capture",
      method: "POST",
      path: PATHS.capture,
      orderId,
      requestId,
      body,
      schema: captureResponseSchema,
    },
    "sameKey",
  );
}

/** cancelPaymentRequestUsingPUT. Retried only when the caller gave an X-Request-Id. */
export async function cancelPayment(ctx: EcomContext, input: CancelInput): Promise<CancelResult> {
  const { orderId, requestId, body } = cancelBody(input, ctx.msn);
  return callApi(
    ctx,
    { operation: "cancel", method: "PUT", path: PATHS.cancel, orderId, requestId, body, schema: cancelResponseSchema },
    requestId === undefined ? "never" : "sameKey",
  );
}

/** refundPaymentUsingPOST. Retried only with the same X-Request-Id. */
export async function refundPayment(ctx: EcomContext, input: RefundInput): Promise<RefundResult> {
  const { orderId, requestId, body } = moneyActionBody("refund", input, ctx.msn);
  return callApi(
    ctx,
    { operation: "refund", method: "POST", path: PATHS.refund, orderId, requestId, body, schema: refundResponseSchema },
    "sameKey",
  );
}

/** integrationTestApprovePayment: test environment (and simulator) only. */
export async function approvePaymentIntegrationTest(ctx: EcomContext, input: ApproveInput): Promise<void> {
  const { orderId, requestId, body } = approveBody(input, ctx.environment);
  await callApi(
    ctx,
    {
      operation: "approve",
      method: "POST",
      path: PATHS.approve,
      orderId,
      requestId,
      body,
      schema: approveResponseSchema,
    },
    requestId === undefined ? "never" : "sameKey",
  );
}
