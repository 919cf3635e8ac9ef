// Client-side checks run before anything is sent. Inputs are `unknown` at runtime (form data,
// JSON), so every check looks at the type too. Each failure names the input field.
import { EcomValidationError } from "./errors";
import type { EcomEnvironment, EcomOperation } from "./types";

import { MSN_PATTERN as MSN, ORDER_ID_PATTERN as ORDER_ID } from "@/lib/ids";

const MOBILE = /^\d{8}$/;
// Header values: printable ASCII, no spaces, so nothing can split or fold a header.
const REQUEST_ID = /^[\x21-\x7e]{1,40}$/;
const HEADER_TEXT = /^[\x20-\x7e]*$/;
const URL_MAX = 255;
// Schemes that must never be a return URL, however "custom" they look.
const FORBIDDEN_SCHEMES = new Set(["javascript:", "data:", "vbscript:", "file:", "blob:", "about:", "ftp:"]);
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function refuse(operation: EcomOperation, field: string, problem: string): never {
  throw new EcomValidationError(operation, field, problem);
}

export function checkOrderId(op: EcomOperation, value: unknown): string {
  if (typeof value !== "string" || !ORDER_ID.test(value))
    refuse(op, "orderId", "must be 1–50 characters of a-z, A-Z, 0-9 and -");
  return value;
}

export function checkMsn(op: EcomOperation, value: unknown, field = "msn"): string {
  if (typeof value !== "string" || !MSN.test(value)) refuse(op, field, "must be a string of 5–7 digits");
  return value;
}

/** Integer øre. `min` is 100 on initiate (1 NOK) and 1 for partial capture/refund. */
export function checkAmount(op: EcomOperation, value: unknown, min: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    refuse(op, "amount", `must be a whole number of øre, at least ${min}`);
  }
  return value;
}

export function checkText(op: EcomOperation, value: unknown, field = "transactionText", max = 100): string {
  if (typeof value !== "string" || value.trim().length === 0) refuse(op, field, "is required");
  // Vipps counts like Java's String.length (UTF-16 units), as does `length` here.
  if (value.length > max) refuse(op, field, `must be at most ${max} characters`);
  return value;
}

export function checkOptionalText(op: EcomOperation, value: unknown, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length > max)
    refuse(op, field, `must be a string of at most ${max} characters`);
  return value;
}

export function checkRequestId(op: EcomOperation, value: unknown): string {
  if (typeof value !== "string" || !REQUEST_ID.test(value)) {
    refuse(op, "requestId", "must be 1–40 printable characters without spaces");
  }
  return value;
}

export function checkMobile(op: EcomOperation, value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !MOBILE.test(value)) refuse(op, field, "must be 8 digits, without country code");
  return value;
}

export function checkBoolean(op: EcomOperation, value: unknown, field: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") refuse(op, field, "must be true or false");
  return value;
}

function parseUrl(value: string): URL | undefined {
  if (value.length === 0 || value.length > URL_MAX) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

// Vipps only calls public HTTPS URLs; the simulator runs on this machine, so there (and only
// there) http://localhost is allowed too.
function allowedWebUrl(url: URL, environment: EcomEnvironment): boolean {
  if (url.protocol === "https:") return url.hostname.length > 0;
  return environment === "simulator" && url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname);
}

/** callbackPrefix, consentRemovalPrefix, shippingDetailsPrefix. */
export function checkCallbackUrl(
  op: EcomOperation,
  value: unknown,
  field: string,
  environment: EcomEnvironment,
): string {
  const problem = `must be an https URL of at most ${URL_MAX} characters`;
  if (typeof value !== "string") refuse(op, field, problem);
  const url = parseUrl(value);
  if (!url || !allowedWebUrl(url, environment)) refuse(op, field, problem);
  return value;
}

/** fallBack: an https URL, or an app's custom scheme such as myapp://done. */
export function checkFallBack(op: EcomOperation, value: unknown, environment: EcomEnvironment): string {
  const problem = `must be an https URL or a custom app scheme, at most ${URL_MAX} characters`;
  if (typeof value !== "string") refuse(op, "fallBack", problem);
  const url = parseUrl(value);
  const ok =
    url !== undefined &&
    (allowedWebUrl(url, environment) ||
      (url.protocol !== "http:" && url.protocol !== "https:" && !FORBIDDEN_SCHEMES.has(url.protocol)));
  if (!ok) refuse(op, "fallBack", problem);
  return value;
}

/** Vipps-System-* header values: at most 30 characters. Refused rather than cut, so the name is never wrong. */
export function checkHeaderText(op: EcomOperation, value: unknown, field: string, max = 30): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length === 0 || value.length > max || !HEADER_TEXT.test(value)) {
    refuse(op, field, `must be 1–${max} printable ASCII characters`);
  }
  return value;
}

/** Credentials go into headers: they must be non-empty and header-safe. The value is never echoed. */
export function checkSecret(op: EcomOperation, value: unknown, field: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 1000 || !/^[\x21-\x7e]+$/.test(value)) {
    refuse(op, field, "is missing or not a valid header value");
  }
  return value;
}
