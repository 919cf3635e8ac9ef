// The retry loop and the bearer token. Retries only where repeating cannot double an effect:
// reads, and money operations repeated with the same X-Request-Id (Vipps replays, never re-applies).
import { PATHS } from "./config";
import type { EcomError } from "./errors";
import { attempt, systemHeaders, type CallSpec, type EcomContext } from "./http";
import { accessTokenSchema, type AccessToken } from "./schemas";
import { lifetimeOf, tokenCacheKey, type CachedToken } from "./token-cache";

/**
 * read: details and the token call, which change nothing.
 * sameKey: capture/refund (and cancel/approve when given an X-Request-Id), retried with the same key.
 * never: initiate (a repeat is a new payment or error 34), and cancel/approve without a key.
 */
export type RetryRule = "read" | "sameKey" | "never";

function retryWanted(rule: RetryRule, error: EcomError): boolean {
  if (rule === "never") return false;
  if (error.kind === "timeout" || error.kind === "network") return true;
  const status = error.httpStatus ?? 0;
  if (status >= 500) return true;
  if (rule === "read") return status === 429 || status === 423;
  return error.kind === "vipps" && error.errorGroup === "VippsError" && error.errorCode === "94";
}

/** Milliseconds to wait before the next attempt, or undefined to give up. */
export function retryDelay(
  ctx: EcomContext,
  rule: RetryRule,
  error: EcomError,
  retriesSoFar: number,
): number | undefined {
  if (retriesSoFar + 1 >= ctx.retry.maxAttempts || !retryWanted(rule, error)) return undefined;
  const backoff = Math.min(ctx.retry.maxDelayMs, ctx.retry.baseDelayMs * 2 ** retriesSoFar);
  if (error.retryAfterMs === undefined) return backoff;
  // Waiting longer than this would hold a staff member's click for too long: report instead.
  if (error.retryAfterMs > ctx.retry.maxRetryAfterMs) return undefined;
  return Math.max(error.retryAfterMs, backoff);
}

function headersFor(
  ctx: EcomContext,
  spec: Pick<CallSpec<unknown>, "body" | "requestId">,
  token: string | undefined,
): Record<string, string> {
  const h: Record<string, string> = {
    ...systemHeaders(ctx.system),
    Accept: "application/json",
    "Ocp-Apim-Subscription-Key": ctx.credentials.subscriptionKey,
  };
  if (token === undefined) {
    h.client_id = ctx.credentials.clientId;
    h.client_secret = ctx.credentials.clientSecret;
    if (!ctx.partner) h["Merchant-Serial-Number"] = ctx.msn;
  } else {
    h.Authorization = `Bearer ${token}`;
    h["Merchant-Serial-Number"] = ctx.msn;
  }
  if (spec.body !== undefined) h["Content-Type"] = "application/json";
  if (spec.requestId !== undefined) h["X-Request-Id"] = spec.requestId;
  return h;
}

async function run<T>(ctx: EcomContext, spec: CallSpec<T>, rule: RetryRule, bearer: boolean): Promise<T> {
  let attemptNo = 0;
  let retries = 0;
  let refreshedAfter401 = false;
  for (;;) {
    attemptNo += 1;
    const token = bearer ? await bearerToken(ctx) : undefined;
    const result = await attempt(ctx, spec, headersFor(ctx, spec, token?.accessToken), attemptNo);
    if (result.ok) return result.value;
    const error = result.error;
    // A 401 is the gateway refusing the token before the request reaches Vipps' payment service,
    // so even initiate may be repeated once with a fresh token.
    if (token && error.httpStatus === 401 && !refreshedAfter401) {
      refreshedAfter401 = true;
      ctx.tokens.invalidate(tokenKey(ctx), token.accessToken);
      continue;
    }
    const delay = retryDelay(ctx, rule, error, retries);
    if (delay === undefined) {
      error.attempts = attemptNo;
      throw error;
    }
    retries += 1;
    await ctx.sleep(delay);
  }
}

/** An API call with a bearer token: cached token, 401 refresh, retries per `rule`. */
export function callApi<T>(ctx: EcomContext, spec: CallSpec<T>, rule: RetryRule): Promise<T> {
  return run(ctx, spec, rule, true);
}

function tokenKey(ctx: EcomContext): string {
  const { clientId, clientSecret, subscriptionKey } = ctx.credentials;
  return tokenCacheKey({
    baseUrl: ctx.baseUrl,
    clientId,
    clientSecret,
    subscriptionKey,
    msn: ctx.partner ? undefined : ctx.msn,
  });
}

/** POST /accesstoken/get, always over the wire. The result also refreshes the cache. */
export async function requestAccessToken(ctx: EcomContext): Promise<AccessToken> {
  const token = await run(
    ctx,
    { operation: "accessToken", method: "POST", path: PATHS.accessToken, schema: accessTokenSchema },
    "read",
    false,
  );
  ctx.tokens.put(tokenKey(ctx), lifetimeOf(token, ctx.now()));
  return token;
}

function bearerToken(ctx: EcomContext): Promise<CachedToken> {
  return ctx.tokens.get(tokenKey(ctx), ctx.now, async () => {
    const token = await run(
      ctx,
      { operation: "accessToken", method: "POST", path: PATHS.accessToken, schema: accessTokenSchema },
      "read",
      false,
    );
    return lifetimeOf(token, ctx.now());
  });
}
