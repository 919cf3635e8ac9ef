// The token endpoint and the gateway's checks on every API call.
import { randomBytes, randomUUID } from "node:crypto";
import { gatewayError, tokenError, type SimResponse } from "./errors";
import type { Store } from "./store";
import type { IssuedToken } from "./types";

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

function jwt(now: number, exp: number, subject: string): string {
  const header = {
    typ: "JWT",
    alg: "RS256",
    x5t: randomBytes(20).toString("base64url"),
    kid: randomBytes(20).toString("base64url"),
  };
  const payload = {
    aud: "00000002-0000-0000-c000-000000000000",
    iss: "https://sts.windows.net/simulator/",
    iat: Math.floor(now / 1000),
    nbf: Math.floor(now / 1000),
    exp: Math.floor(exp / 1000),
    appid: subject,
    tid: randomUUID(),
    ver: "1.0",
  };
  return `${b64url(header)}.${b64url(payload)}.${randomBytes(512).toString("base64url")}`;
}

export function issueToken(store: Store, headers: Record<string, string | undefined>): SimResponse {
  const clientId = headers["client_id"];
  const secret = headers["client_secret"];
  const key = headers["ocp-apim-subscription-key"];
  // The gateway first: it knows subscription keys, not clients.
  if (!key)
    return gatewayError(
      401,
      "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.",
    );
  const units = Object.values(store.state.salesUnits);
  const partners = Object.values(store.state.partners);
  if (![...units, ...partners].some((o) => o.subscriptionKey === key))
    return gatewayError(
      401,
      "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.",
    );
  if (!clientId)
    return tokenError(
      400,
      "invalid_request",
      "AADSTS900144: The request body must contain the following parameter: 'client_id'.",
    );
  const unit = units.find((u) => u.clientId === clientId);
  const partner = unit ? undefined : partners.find((p) => p.clientId === clientId);
  const owner = unit ?? partner;
  // An unknown client_id is the token service's 400 (the spec's "invalid client_id"), worded as Azure
  // AD does (the FAQ's "unauthorized_client" example).
  if (!owner)
    return tokenError(
      400,
      "unauthorized_client",
      `AADSTS700016: Application with identifier '${clientId}' was not found in the directory 'simulator'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  // The subscription key belongs to a sales unit: one of another unit does not go with this client.
  if (owner.subscriptionKey !== key)
    return gatewayError(
      401,
      "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.",
    );
  if (owner.clientSecret !== secret)
    return tokenError(
      401,
      "invalid_client",
      "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.",
    );
  const ttl = store.state.settings.tokenTtlSeconds[unit ? unit.environment : "production"];
  const now = store.now();
  const expiresAt = now + ttl * 1000;
  const token = jwt(now, expiresAt, clientId);
  store.state.tokens[token] = { subscriptionKey: key, msn: unit?.msn, partnerId: partner?.partnerId, expiresAt };
  pruneTokens(store, now);
  store.changed();
  return {
    status: 200,
    body: {
      token_type: "Bearer",
      expires_in: String(ttl),
      ext_expires_in: "0",
      expires_on: String(Math.floor(expiresAt / 1000)),
      not_before: String(Math.floor(now / 1000)),
      resource: "00000002-0000-0000-c000-000000000000",
      access_token: token,
    },
  };
}

function pruneTokens(store: Store, now: number) {
  const tokens = store.state.tokens;
  if (Object.keys(tokens).length < 1000) return;
  for (const [t, v] of Object.entries(tokens)) if (v.expiresAt < now) delete tokens[t];
}

export type Caller =
  { ok: true; msn: string; subscriptionKey: string; token: IssuedToken } | { ok: false; response: SimResponse };

/** Bearer token + subscription key + MSN, checked the way the gateway does. */
export function authenticateCall(store: Store, headers: Record<string, string | undefined>): Caller {
  const key = headers["ocp-apim-subscription-key"];
  if (!key)
    return {
      ok: false,
      response: gatewayError(
        401,
        "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.",
      ),
    };
  const auth = headers["authorization"] ?? "";
  // "Bearer" is case-sensitive.
  const token = auth.startsWith("Bearer ") ? store.state.tokens[auth.slice(7)] : undefined;
  if (!token || token.expiresAt <= store.now())
    return { ok: false, response: gatewayError(401, "Unauthorized. Access token is missing, invalid or expired.") };
  if (token.subscriptionKey !== key)
    return {
      ok: false,
      response: gatewayError(
        401,
        "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.",
      ),
    };
  const headerMsn = headers["merchant-serial-number"];
  if (token.partnerId) {
    const partner = store.state.partners[token.partnerId];
    if (!headerMsn || !partner?.msns.includes(headerMsn)) {
      return {
        ok: false,
        response: gatewayError(
          403,
          "Partner keys need a Merchant-Serial-Number header naming a sales unit the partner may act for.",
        ),
      };
    }
    return { ok: true, msn: headerMsn, subscriptionKey: key, token };
  }
  if (headerMsn && headerMsn !== token.msn)
    return {
      ok: false,
      response: gatewayError(403, "The Merchant-Serial-Number header does not match the keys used."),
    };
  return { ok: true, msn: token.msn as string, subscriptionKey: key, token };
}
