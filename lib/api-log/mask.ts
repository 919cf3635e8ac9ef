// Masking of request/response bodies before they are logged, stored or shown. Pure and idempotent:
// masking an already masked value changes nothing, so a second pass (e.g. in a viewer) is harmless.

declare const maskedBrand: unique symbol;
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** A JSON value that has been through maskJson. Only this may be put into an ApiCallRecord. */
export type MaskedJson = Exclude<JsonValue, null> & { readonly [maskedBrand]: true };

export const MASKED = "[masked]";

// Compared after lower-casing and dropping "-", "_" and spaces, so client_secret, clientSecret and
// Client-Secret are one key.
const SECRET_KEYS = new Set([
  "clientsecret",
  "ocpapimsubscriptionkey",
  "subscriptionkey",
  "accesstoken",
  "authorization",
  "authtoken",
  "token",
  "idtoken",
  "refreshtoken",
  "password",
  "secret",
  "apikey",
  "cookie",
  "setcookie",
]);
const PHONE_KEYS = new Set(["mobilenumber", "customerphonenumber", "phonenumber", "phone", "msisdn"]);
// Express/profile data: any phone-looking value below this key is masked, whatever its key.
const PII_PARENTS = new Set(["userdetails"]);
const MAX_DEPTH = 32;

const normaliseKey = (key: string) => key.toLowerCase().replace(/[-_\s]/g, "");

const JWT = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\bBearer\s+(?!\[masked\])[A-Za-z0-9._~+/=-]+/gi;
const SECRET_QUERY = /([?&](?:token|access_token|client_secret|subscription-key)=)(?!\[masked\])[^&#\s"']+/gi;
const NORWEGIAN_PHONE = /^(?:\+47|0047)?\d{8}$/;

/** Removes tokens hidden inside free text: JWTs, "Bearer x", and token= query parameters (e.g. the initiate url). */
export function maskText(text: string): string {
  return text.replace(JWT, MASKED).replace(BEARER, `Bearer ${MASKED}`).replace(SECRET_QUERY, `$1${MASKED}`);
}

/** Keeps the last two digits so support can still match a number the customer reads out: "******67". */
export function maskPhone(value: string): string {
  const tail = value.length > 2 ? value.slice(-2) : "";
  return "*".repeat(Math.max(value.length - tail.length, 1)) + tail;
}

function looksLikePhone(value: string): boolean {
  return NORWEGIAN_PHONE.test(value.replace(/\s/g, ""));
}

function walk(value: unknown, depth: number, inPii: boolean): JsonValue | undefined {
  if (value === null) return null;
  switch (typeof value) {
    case "string":
      return inPii && looksLikePhone(value) ? maskPhone(value) : maskText(value);
    case "number":
      return Number.isFinite(value) ? value : null;
    case "boolean":
      return value;
    case "bigint":
      return value.toString();
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
  if (depth >= MAX_DEPTH) return MASKED;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1, inPii) ?? null);
  const out: { [key: string]: JsonValue } = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const k = normaliseKey(key);
    if (SECRET_KEYS.has(k)) {
      if (child !== undefined) out[key] = child === null ? null : MASKED;
    } else if (PHONE_KEYS.has(k) && (typeof child === "string" || typeof child === "number")) {
      out[key] = maskPhone(String(child));
    } else {
      const masked = walk(child, depth + 1, inPii || PII_PARENTS.has(k));
      if (masked !== undefined) out[key] = masked;
    }
  }
  return out;
}

/** Masks secrets, tokens and phone numbers anywhere in a JSON-like value. undefined/null give null. */
export function maskJson(value: unknown): MaskedJson | null {
  const masked = walk(value, 0, false);
  return masked === undefined || masked === null ? null : (masked as MaskedJson);
}

/** A body that is not JSON (an HTML error page, say): masked and shortened, stored as a JSON string. */
export function maskRawBody(text: string, maxLength = 2000): MaskedJson | null {
  if (text.length === 0) return null;
  // Mask before cutting: a token cut in half would no longer look like a token.
  const masked = maskText(text);
  return (masked.length > maxLength ? `${masked.slice(0, maxLength)}…` : masked) as MaskedJson;
}
