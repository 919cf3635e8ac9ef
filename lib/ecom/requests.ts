// Validated request bodies, shaped as the spec wants them: merchantSerialNumber as a JSON string
// (a number gives HTTP 500) and `fallBack` with a capital B (`fallback` gives HTTP 500).
import {
  checkAmount,
  checkBoolean,
  checkCallbackUrl,
  checkFallBack,
  checkMobile,
  checkOptionalText,
  checkOrderId,
  checkRequestId,
  checkText,
  refuse,
} from "./validation";
import type {
  ApproveInput,
  CancelInput,
  CaptureInput,
  EcomEnvironment,
  InitiatePaymentInput,
  RefundInput,
} from "./types";

const SCOPES = new Set(["name", "address", "email", "phoneNumber", "birthDate", "nin"]);
const EXPRESS = "eComm Express Payment";

type Body = Record<string, unknown>;

function checkShipping(options: unknown): Body[] | undefined {
  if (options === undefined) return undefined;
  if (!Array.isArray(options) || options.length === 0)
    refuse("initiate", "staticShippingDetails", "must be a non-empty list");
  return options.map((o: unknown, i) => {
    const field = `staticShippingDetails[${i}]`;
    if (typeof o !== "object" || o === null) refuse("initiate", field, "must be an object");
    const opt = o as Record<string, unknown>;
    const cost = opt.shippingCost;
    if (typeof cost !== "number" || !Number.isFinite(cost) || cost < 0)
      refuse("initiate", `${field}.shippingCost`, "must be a non-negative NOK amount");
    const priority = opt.priority;
    if (priority !== undefined && !Number.isSafeInteger(priority))
      refuse("initiate", `${field}.priority`, "must be an integer");
    return {
      isDefault: checkBoolean("initiate", opt.isDefault, `${field}.isDefault`) ? "Y" : "N",
      ...(priority === undefined ? {} : { priority }),
      shippingCost: cost,
      shippingMethod: checkText("initiate", opt.shippingMethod, `${field}.shippingMethod`, 256),
      shippingMethodId: checkText("initiate", opt.shippingMethodId, `${field}.shippingMethodId`, 100),
    };
  });
}

export function initiateBody(
  input: InitiatePaymentInput,
  msn: string,
  environment: EcomEnvironment,
): { orderId: string; body: Body } {
  const op = "initiate";
  const orderId = checkOrderId(op, input.orderId);
  const amount = checkAmount(op, input.amount, 100);
  const transactionText = checkText(op, input.transactionText);
  const callbackPrefix = checkCallbackUrl(op, input.callbackPrefix, "callbackPrefix", environment);
  const fallBack = checkFallBack(op, input.fallBack, environment);
  const mobileNumber = checkMobile(op, input.mobileNumber, "mobileNumber");
  const authToken = checkOptionalText(op, input.authToken, "authToken", 255);
  const isApp = checkBoolean(op, input.isApp, "isApp");
  const skipLandingPage = checkBoolean(op, input.skipLandingPage, "skipLandingPage");
  const useExplicitCheckoutFlow = checkBoolean(op, input.useExplicitCheckoutFlow, "useExplicitCheckoutFlow");
  const paymentType = input.paymentType;
  if (paymentType !== undefined && paymentType !== EXPRESS && paymentType !== "eComm Regular Payment") {
    refuse(op, "paymentType", "must be eComm Regular Payment or eComm Express Payment");
  }
  const consentRemovalPrefix =
    input.consentRemovalPrefix === undefined
      ? undefined
      : checkCallbackUrl(op, input.consentRemovalPrefix, "consentRemovalPrefix", environment);
  const shippingDetailsPrefix =
    input.shippingDetailsPrefix === undefined
      ? undefined
      : checkCallbackUrl(op, input.shippingDetailsPrefix, "shippingDetailsPrefix", environment);
  const staticShippingDetails = checkShipping(input.staticShippingDetails);
  if (paymentType === EXPRESS) {
    if (!consentRemovalPrefix) refuse(op, "consentRemovalPrefix", "is required for Express payments");
    if (!shippingDetailsPrefix && !staticShippingDetails)
      refuse(op, "shippingDetailsPrefix", "or staticShippingDetails is required for Express payments");
  }
  if (skipLandingPage && !mobileNumber) refuse(op, "mobileNumber", "is required with skipLandingPage");
  let scope: string | undefined;
  if (input.scope !== undefined) {
    if (!Array.isArray(input.scope) || input.scope.length === 0 || !input.scope.every((s) => SCOPES.has(s))) {
      refuse(op, "scope", "must list name, address, email, phoneNumber, birthDate or nin");
    }
    scope = [...new Set(input.scope)].join(" ");
  }
  const body = {
    customerInfo: mobileNumber ? { mobileNumber } : {},
    merchantInfo: compact({
      merchantSerialNumber: msn,
      callbackPrefix,
      fallBack,
      authToken,
      isApp,
      paymentType,
      consentRemovalPrefix,
      shippingDetailsPrefix,
      staticShippingDetails,
    }),
    transaction: compact({ orderId, amount, transactionText, skipLandingPage, scope, useExplicitCheckoutFlow }),
  };
  return { orderId, body };
}

/** Capture and refund share one body; amount left out means the full amount. */
export function moneyActionBody(op: "capture" | "refund", input: CaptureInput | RefundInput, msn: string) {
  const orderId = checkOrderId(op, input.orderId);
  const requestId = checkRequestId(op, input.requestId);
  const amount = input.amount === undefined ? undefined : checkAmount(op, input.amount, 1);
  const transactionText = checkText(op, input.transactionText);
  const body = { merchantInfo: { merchantSerialNumber: msn }, transaction: compact({ amount, transactionText }) };
  return { orderId, requestId, body };
}

export function cancelBody(input: CancelInput, msn: string) {
  const op = "cancel";
  const orderId = checkOrderId(op, input.orderId);
  const requestId = input.requestId === undefined ? undefined : checkRequestId(op, input.requestId);
  const transactionText = checkText(op, input.transactionText);
  const shouldReleaseRemainingFunds =
    checkBoolean(op, input.shouldReleaseRemainingFunds, "shouldReleaseRemainingFunds") ?? false;
  const body = {
    merchantInfo: { merchantSerialNumber: msn },
    transaction: { transactionText },
    shouldReleaseRemainingFunds,
  };
  return { orderId, requestId, body };
}

export function approveBody(input: ApproveInput, environment: EcomEnvironment) {
  const op = "approve";
  // Force-approve exists only in the test environment; never send it with production keys.
  if (environment === "production") refuse(op, "environment", "must be test or simulator for force-approve");
  const orderId = checkOrderId(op, input.orderId);
  const requestId = input.requestId === undefined ? undefined : checkRequestId(op, input.requestId);
  const token = checkText(op, input.token, "token", 4096);
  const customerPhoneNumber = checkMobile(op, input.customerPhoneNumber, "customerPhoneNumber");
  return { orderId, requestId, body: compact({ customerPhoneNumber, token }) };
}

/** Drops undefined properties so the JSON carries only what the caller set. */
function compact<T extends Body>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
