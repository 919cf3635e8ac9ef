// Which remedy fits an error seen in a logged eCom API response. Pure: no database, no secrets, no
// words (those are in the dictionaries under remedies.entries.<id>), so the error dashboard, the API
// log and tests can all use it, on the server or in the browser.
//
// The order of the checks, most specific first:
//  1. no HTTP answer (timeout, reset, refused) → network.*
//  2. a Vipps error group with a code we know → vipps.<group>.<code> (the same number means different
//     things in different groups, so the group is part of the key)
//  3. a message (or token-endpoint code) we recognise, optionally only for some statuses or operations:
//     the Azure gateway's 401/403/404 texts, "Invalid MSN", the token endpoint's errors
//  4. a Vipps error group with a code we do not know → vipps.<group>
//  5. the HTTP status → http.<status>, http.5xx for the other 5xx
//  6. anything else → generic
import { DOCS, REMEDY_CATALOGUE, isRemedyId, type DocKey, type RemedyActor, type RemedyId } from "./remedy-catalogue";

export { REMEDY_IDS, type RemedyActor, type RemedyId, type DocKey } from "./remedy-catalogue";

/** The fields an ApiCallRecord (or a rollup row) holds about a failed call. Any may be missing. */
export interface RemedyInput {
  httpStatus?: number | null;
  errorGroup?: string | null;
  errorCode?: string | number | null;
  errorMessage?: string | null;
  /** Set when no HTTP answer came (timeout, reset, DNS). */
  networkError?: string | null;
  /** accessToken, initiate, details, capture, cancel, refund, approve. */
  operation?: string | null;
}

/** What decided the remedy: useful when showing how sure we are. */
export type RemedyMatch = "network" | "code" | "pattern" | "group" | "status" | "generic";

export interface RemedyLink {
  key: DocKey;
  url: string;
}

export interface RemedyEntry {
  who: RemedyActor;
  links: readonly RemedyLink[];
}

export interface Remedy {
  /** Stable: texts are at remedies.entries[id] in the dictionary. */
  id: RemedyId;
  matchedBy: RemedyMatch;
  entry: RemedyEntry;
}

/** The docs write `user` in lower case, and the 2018 docs called the group `Customer`. */
const GROUPS = new Map([
  ["payment", "Payment"],
  ["vippserror", "VippsError"],
  ["invalidrequest", "InvalidRequest"],
  ["user", "User"],
  ["customer", "User"],
  ["merchant", "Merchant"],
  ["authentication", "Authentication"],
]);

interface Rule {
  id: RemedyId;
  /** Only for these statuses (any status when left out). */
  statuses?: readonly number[];
  /** Only for these operations (any operation when left out). */
  operations?: readonly string[];
  /** Matches when either pattern does; a rule without patterns matches on status and operation alone. */
  code?: RegExp;
  message?: RegExp;
}

// First match wins, so the narrower patterns come first.
const RULES: readonly Rule[] = [
  // The access token endpoint (Azure AD style {error, error_description}): the code is `error`.
  { id: "token.invalid-client", code: /^invalid_client$/i, message: /AADSTS7000215|invalid client secret/i },
  {
    id: "token.unauthorized-client",
    code: /^unauthorized_client$/i,
    message: /AADSTS700016|AADSTS70001\b|was not found in the directory/i,
  },
  { id: "token.invalid-request", code: /^invalid_request$/i, message: /AADSTS900144/i },
  // "Invalid MSN: …": the FAQ names a different cause for each wording.
  { id: "gateway.invalid-msn.header-missing", message: /Invalid MSN:\s*This MSN is not valid/i },
  { id: "gateway.invalid-msn.psp", message: /Invalid MSN\b.*\bPSP\b/is },
  { id: "gateway.invalid-msn.supermerchant", message: /Invalid MSN\b.*supermerchant/is },
  { id: "gateway.invalid-msn.keys", message: /Invalid MSN\b/i },
  { id: "gateway.403.msn-mismatch", statuses: [403], message: /does not match the keys/i },
  // The gateway's wording of Merchant/97: the same cause, so the same remedy.
  { id: "vipps.Merchant.97", message: /Merchant Not Allowed for E-?commerce Payment/i },
  { id: "gateway.403.partner-msn", statuses: [403], message: /partner|Merchant-Serial-Number|supermerchant/i },
  // A duplicate orderId in the plain-string format ("400 orderId is already used, and must be unique").
  { id: "vipps.Merchant.34", message: /duplicate orderId|orderId (is|has) already (been )?used/i },
  { id: "gateway.401.subscription-key-missing", statuses: [401], message: /missing subscription key/i },
  { id: "gateway.401.subscription-key-invalid", statuses: [401], message: /invalid subscription key/i },
  {
    id: "gateway.401.subscription-not-found",
    statuses: [401],
    message: /subscription (was )?not found|inactive subscription|subscription is not active/i,
  },
  { id: "gateway.401.token-expired", statuses: [401], message: /^(?!.*\b(missing|invalid)\b).*\bexpired\b/is },
  // "\btoken\b", so our client's own "accessToken: HTTP 401" (a body we could not read) is not taken for it.
  { id: "gateway.401.access-token", statuses: [401], message: /access token|\btoken\b|\bjwt\b|bearer|authorization/i },
  { id: "gateway.404.test-only", statuses: [404], operations: ["approve"] },
  { id: "gateway.404.resource-not-found", statuses: [404], message: /resource not found/i },
];

const NETWORK: readonly [RegExp, RemedyId][] = [
  [/timeout|timed out|ETIMEDOUT|aborted/i, "network.timeout"],
  [/ECONNRESET|socket hang up|UND_ERR_SOCKET|other side closed|EPIPE|ECONNABORTED/i, "network.reset"],
  [/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/i, "network.unreachable"],
];

const text = (v: string | number | null | undefined): string | undefined => {
  const s = v == null ? "" : String(v).trim();
  return s === "" ? undefined : s;
};

export function remedyEntry(id: RemedyId): RemedyEntry {
  const def = REMEDY_CATALOGUE[id];
  return { who: def.who, links: def.docs.map((key) => ({ key, url: DOCS[key] })) };
}

const found = (id: RemedyId, matchedBy: RemedyMatch): Remedy => ({ id, matchedBy, entry: remedyEntry(id) });

/** Payment/95 has two meanings: the 365-day refund limit, or "direct capture is not allowed". */
function payment95(message: string, operation: string | undefined): RemedyId {
  if (/direct capture/i.test(message)) return "vipps.Payment.95.direct-capture";
  if (/365|refund/i.test(message)) return "vipps.Payment.95";
  return operation !== undefined && operation !== "refund" ? "vipps.Payment.95.direct-capture" : "vipps.Payment.95";
}

function byCode(group: string, code: string | undefined, message: string, operation?: string): RemedyId | undefined {
  if (group === "InvalidRequest") return "vipps.InvalidRequest"; // the code is the invalid field's name
  if (code === undefined) return undefined;
  if (group === "Payment" && code === "95") return payment95(message, operation);
  const id = `vipps.${group}.${code}`;
  return isRemedyId(id) ? id : undefined;
}

function byRule(status: number | undefined, code: string | undefined, message: string, operation?: string) {
  return RULES.find((rule) => {
    if (rule.statuses && (status === undefined || !rule.statuses.includes(status))) return false;
    if (rule.operations && (operation === undefined || !rule.operations.includes(operation))) return false;
    if (!rule.code && !rule.message) return true;
    return (rule.code !== undefined && code !== undefined && rule.code.test(code)) || !!rule.message?.test(message);
  })?.id;
}

function byStatus(status: number, hasDetail: boolean): RemedyId | undefined {
  if (status >= 200 && status < 300) return hasDetail ? "response.unreadable" : undefined;
  const id = `http.${status}`;
  if (isRemedyId(id)) return id;
  return status >= 500 && status < 600 ? "http.5xx" : undefined;
}

/** The remedy for one logged error: always an answer, `generic` when nothing more specific fits. */
export function remedyFor(input: RemedyInput): Remedy {
  const network = text(input.networkError);
  if (network !== undefined) {
    const hit = NETWORK.find(([pattern]) => pattern.test(network));
    return found(hit ? hit[1] : "network.other", "network");
  }
  const status = input.httpStatus != null && input.httpStatus > 0 ? input.httpStatus : undefined;
  const rawGroup = text(input.errorGroup);
  if (rawGroup === "Callback") {
    const id = `callback.${text(input.errorCode) ?? ""}`;
    return found(isRemedyId(id) ? id : "callback.other", "code");
  }
  const group = rawGroup === undefined ? undefined : GROUPS.get(rawGroup.toLowerCase());
  const code = text(input.errorCode);
  const message = text(input.errorMessage) ?? "";
  const operation = text(input.operation);

  const coded = group === undefined ? undefined : byCode(group, code, message, operation);
  if (coded) return found(coded, "code");
  const ruled = byRule(status, code, message, operation);
  if (ruled) return found(ruled, "pattern");
  const groupId = group === undefined ? undefined : `vipps.${group}`;
  if (groupId !== undefined && isRemedyId(groupId)) return found(groupId, "group");
  const statusId = status === undefined ? undefined : byStatus(status, code !== undefined || message !== "");
  if (statusId) return found(statusId, "status");
  // Rollup rows store "no HTTP answer" as status 0, without the network error's text.
  if (input.httpStatus === 0) return found("network.other", "network");
  return found("generic", "generic");
}

/** The remedy as the pages carry it (plain data, safe to send to the browser). */
export function remedyView(input: RemedyInput): { id: RemedyId; who: RemedyActor; links: RemedyLink[] } {
  const remedy = remedyFor(input);
  return { id: remedy.id, who: remedy.entry.who, links: remedy.entry.links.map((l) => ({ ...l })) };
}
