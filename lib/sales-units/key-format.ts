// The shape of the three API keys an admin types in (portal.vipps.no → Utvikler). Pure, so the unit
// tests, the action schemas and any form can share it. Lenient where Vipps varies, strict where a
// value cannot be a key at all. Examples from Vipps' getting-started guide:
//   client_id                  GUID    fb492b5e-7907-4d83-bc20-c7fb60ca35de
//   client_secret              Base64  Y8Kteew6GE3ZmeycEt6egg==
//   Ocp-Apim-Subscription-Key  32 hex  0f14ebcab0eb4b29ae0cb90d91b4a84a
// A key is sent as an HTTP header, so a space, line break or non-ASCII character can never be part
// of it: such a value was copied with something extra. Codes are dictionary keys
// (salesUnitsAdmin.input).

export const KEY_FIELDS = ["clientId", "clientSecret", "subscriptionKey"] as const;
export type KeyField = (typeof KEY_FIELDS)[number];

interface Rule {
  min: number;
  max: number;
  charset: RegExp;
}

const RULES: Record<KeyField, Rule> = {
  // Usually a GUID; other identifiers are letters, digits and - . _
  clientId: { min: 8, max: 100, charset: /^[A-Za-z0-9._-]+$/ },
  // Base64 or another generated secret: any visible ASCII character.
  clientSecret: { min: 8, max: 200, charset: /^[\x21-\x7e]+$/ },
  // Usually 32 hexadecimal characters; the docs also call it Base64.
  subscriptionKey: { min: 16, max: 100, charset: /^[A-Za-z0-9+/=_-]+$/ },
};

/** Longer than this, whatever the field, it is not a key (a pasted page, a file). */
export const KEY_INPUT_MAX = 1000;

export type KeyProblem =
  | "key_required"
  | "key_whitespace"
  | "key_invisible"
  | "key_absurd"
  | `${KeyField}_length`
  | `${KeyField}_charset`
  | "key_same_value";

/** What is wrong with one key, or null. */
export function keyProblem(field: KeyField, value: string | undefined | null): KeyProblem | null {
  if (value === undefined || value === null || value === "") return "key_required";
  if (value.length > KEY_INPUT_MAX) return "key_absurd";
  if (/\s/.test(value)) return "key_whitespace";
  // Control, zero-width and other non-ASCII characters: quotes from a word processor, a BOM …
  if (/[^\x21-\x7e]/.test(value)) return "key_invisible";
  const rule = RULES[field];
  if (value.length < rule.min || value.length > rule.max) return `${field}_length`;
  if (!rule.charset.test(value)) return `${field}_charset`;
  return null;
}

export type KeyInput = Partial<Record<KeyField, string | undefined>>;

/**
 * Every field's problem. The same value in two fields is reported on the later field: it was pasted
 * into the wrong box.
 */
export function keyProblems(input: KeyInput): Partial<Record<KeyField, KeyProblem>> {
  const out: Partial<Record<KeyField, KeyProblem>> = {};
  for (const field of KEY_FIELDS) {
    const problem = keyProblem(field, input[field]);
    if (problem) out[field] = problem;
  }
  KEY_FIELDS.forEach((field, i) => {
    if (out[field]) return;
    const value = input[field];
    if (KEY_FIELDS.slice(0, i).some((earlier) => input[earlier] === value)) out[field] = "key_same_value";
  });
  return out;
}
