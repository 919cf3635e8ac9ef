// Request validation as the real API does it: which mistakes give 400 with a field name, and which
// blow up as HTTP 500 (an MSN sent as a number, a decimal amount, `fallback` miscased).
import { internalError, invalidRequest, type SimResponse } from "./errors";
import type { PaymentTerms } from "./types";

export const ORDER_ID = /^[a-zA-Z0-9-]{1,50}$/;
const MSN = /^\d{5,7}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export interface UrlRules {
  allowLocalhost: boolean;
}

function checkUrl(value: unknown, field: string, rules: UrlRules, allowCustomScheme: boolean): SimResponse | null {
  if (typeof value !== "string" || value.length === 0) return invalidRequest(field, `${field} is required`);
  if (value.length > 255) return invalidRequest(field, `${field} must be at most 255 characters`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return invalidRequest(field, `${field} is not a valid URL`);
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
  if (url.protocol === "https:")
    return local && !rules.allowLocalhost ? invalidRequest(field, `${field} must resolve in public DNS`) : null;
  if (url.protocol === "http:" && local && rules.allowLocalhost) return null;
  if (allowCustomScheme && !["http:", "https:", "ftp:", "file:", "javascript:", "data:"].includes(url.protocol))
    return null;
  return invalidRequest(field, `${field} must use HTTPS`);
}

/** MSN in a body: must be a JSON string (a number makes the real API answer 500). */
export function checkMsnField(value: unknown): SimResponse | null {
  if (typeof value === "number") return internalError();
  if (typeof value !== "string" || !MSN.test(value))
    return invalidRequest("merchantSerialNumber", "merchantSerialNumber must be a string of 5-7 digits");
  return null;
}

/** An amount: a decimal makes the real API answer 500; integers below 100 are refused as 400. */
export function checkAmount(value: unknown, field: string, { optional }: { optional: boolean }): SimResponse | null {
  if (value === undefined || value === null) return optional ? null : invalidRequest(field, `${field} is required`);
  if (typeof value === "number" && !Number.isInteger(value)) return internalError();
  if (typeof value !== "number" || !Number.isSafeInteger(value))
    return invalidRequest(field, `${field} must be an integer number of øre`);
  if (optional && value === 0) return null; // 0 means "the full amount" on capture and refund
  if (value < 100) return invalidRequest(field, `${field} must be at least 100 øre (1 NOK)`);
  return null;
}

export function checkText(value: unknown, field: string): SimResponse | null {
  if (typeof value !== "string" || value.trim().length === 0) return invalidRequest(field, `${field} is required`);
  if (value.length > 100) return invalidRequest(field, `${field} must be at most 100 characters`);
  return null;
}

export interface InitiateInput extends PaymentTerms {
  skipLandingPage: boolean;
}

export function validateInitiate(
  body: unknown,
  rules: UrlRules,
): { ok: true; input: InitiateInput } | { ok: false; response: SimResponse } {
  const fail = (response: SimResponse) => ({ ok: false as const, response });
  if (!isObj(body)) return fail(invalidRequest("body", "The request body must be a JSON object"));
  const { customerInfo, merchantInfo, transaction } = body;
  if (!isObj(merchantInfo)) return fail(invalidRequest("merchantInfo", "merchantInfo is required"));
  if (!isObj(transaction)) return fail(invalidRequest("transaction", "transaction is required"));
  if (customerInfo !== undefined && customerInfo !== null && !isObj(customerInfo))
    return fail(invalidRequest("customerInfo", "customerInfo must be an object"));
  // The real API fails with 500 when `fallBack` is spelt `fallback`.
  if ("fallback" in merchantInfo && !("fallBack" in merchantInfo)) return fail(internalError());
  const problem =
    checkMsnField(merchantInfo.merchantSerialNumber) ??
    checkAmount(transaction.amount, "amount", { optional: false }) ??
    (typeof transaction.orderId !== "string" || !ORDER_ID.test(transaction.orderId)
      ? invalidRequest("orderId", "orderId must be 1-50 characters of a-z, A-Z, 0-9 and '-'")
      : null) ??
    checkText(transaction.transactionText, "transactionText") ??
    checkUrl(merchantInfo.callbackPrefix, "callbackPrefix", rules, false) ??
    (merchantInfo.isApp === true ? null : checkUrl(merchantInfo.fallBack, "fallBack", rules, true));
  if (problem) return fail(problem);
  if (
    merchantInfo.authToken !== undefined &&
    (typeof merchantInfo.authToken !== "string" || merchantInfo.authToken.length > 255)
  ) {
    return fail(invalidRequest("authToken", "authToken must be a string of at most 255 characters"));
  }
  const mobile = isObj(customerInfo) ? customerInfo.mobileNumber : undefined;
  if (mobile !== undefined && mobile !== null && typeof mobile !== "string")
    return fail(invalidRequest("mobileNumber", "mobileNumber must be a string"));
  return {
    ok: true,
    input: {
      msn: merchantInfo.merchantSerialNumber as string,
      orderId: transaction.orderId as string,
      amount: transaction.amount as number,
      transactionText: transaction.transactionText as string,
      callbackPrefix: merchantInfo.callbackPrefix as string,
      fallBack: typeof merchantInfo.fallBack === "string" ? merchantInfo.fallBack : "",
      authToken: merchantInfo.authToken as string | undefined,
      isApp: merchantInfo.isApp === true,
      mobileNumber: typeof mobile === "string" ? mobile : undefined,
      skipLandingPage: transaction.skipLandingPage === true,
    },
  };
}

export interface ActionInput {
  msn: string;
  amount: number | null;
  transactionText: string;
}

/** Capture and refund bodies (PaymentActionsRequest). */
export function validateAction(body: unknown): { ok: true; input: ActionInput } | { ok: false; response: SimResponse } {
  const fail = (response: SimResponse) => ({ ok: false as const, response });
  if (!isObj(body)) return fail(invalidRequest("body", "The request body must be a JSON object"));
  const { merchantInfo, transaction } = body;
  if (!isObj(merchantInfo)) return fail(invalidRequest("merchantInfo", "merchantInfo is required"));
  if (!isObj(transaction)) return fail(invalidRequest("transaction", "transaction is required"));
  const problem =
    checkMsnField(merchantInfo.merchantSerialNumber) ??
    checkAmount(transaction.amount, "amount", { optional: true }) ??
    checkText(transaction.transactionText, "transactionText");
  if (problem) return fail(problem);
  const amount = typeof transaction.amount === "number" && transaction.amount > 0 ? transaction.amount : null;
  return {
    ok: true,
    input: {
      msn: merchantInfo.merchantSerialNumber as string,
      amount,
      transactionText: transaction.transactionText as string,
    },
  };
}

export interface CancelInput {
  msn: string;
  transactionText: string;
  shouldReleaseRemainingFunds: boolean;
}

export function validateCancel(body: unknown): { ok: true; input: CancelInput } | { ok: false; response: SimResponse } {
  const fail = (response: SimResponse) => ({ ok: false as const, response });
  if (!isObj(body)) return fail(invalidRequest("body", "The request body must be a JSON object"));
  const { merchantInfo, transaction, shouldReleaseRemainingFunds } = body;
  if (!isObj(merchantInfo)) return fail(invalidRequest("merchantInfo", "merchantInfo is required"));
  if (!isObj(transaction)) return fail(invalidRequest("transaction", "transaction is required"));
  const problem =
    checkMsnField(merchantInfo.merchantSerialNumber) ?? checkText(transaction.transactionText, "transactionText");
  if (problem) return fail(problem);
  if (shouldReleaseRemainingFunds !== undefined && typeof shouldReleaseRemainingFunds !== "boolean") {
    return fail(invalidRequest("shouldReleaseRemainingFunds", "shouldReleaseRemainingFunds must be a boolean"));
  }
  return {
    ok: true,
    input: {
      msn: merchantInfo.merchantSerialNumber as string,
      transactionText: transaction.transactionText as string,
      shouldReleaseRemainingFunds: shouldReleaseRemainingFunds === true,
    },
  };
}

/**
 * Vipps tries to fix phone formats (+47, 0047, spaces) before it gives up with 81. Norwegian mobile
 * numbers start with 4 or 9; any other number is "not a Vipps user" in the simulator.
 */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, "").replace(/^(\+47|0047)/, "");
  return /^[49]\d{7}$/.test(digits) ? digits : null;
}
