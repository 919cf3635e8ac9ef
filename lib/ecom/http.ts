// One HTTP attempt: headers, timeout, response parsing, and one log record. The retry loop lives
// in call.ts. Headers are never logged; bodies are masked before they reach the sink.
import type { z } from "zod";
import { maskJson, maskRawBody, type MaskedJson } from "@/lib/api-log/mask";
import type { ApiLogSink } from "@/lib/api-log/types";
import type { RetrySettings, Timeouts } from "./config";
import { EcomError, errorFromResponse } from "./errors";
import type { TokenCache } from "./token-cache";
import type { EcomCredentials, EcomEnvironment, EcomOperation, SystemInfo } from "./types";

/** Everything a call needs, bound to one sales unit (MSN). */
export interface EcomContext {
  msn: string;
  environment: EcomEnvironment;
  baseUrl: string;
  credentials: EcomCredentials;
  /** Partner keys: one token for every MSN, and the token call names no MSN. */
  partner: boolean;
  system: SystemInfo;
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  timeouts: Timeouts;
  retry: RetrySettings;
  sink: ApiLogSink;
  tokens: TokenCache;
}

export interface CallSpec<T> {
  operation: EcomOperation;
  method: "GET" | "POST" | "PUT";
  /** Templated; {orderId} is filled in from `orderId`. */
  path: string;
  orderId?: string;
  body?: Record<string, unknown>;
  requestId?: string;
  schema: z.ZodType<T>;
}

export type AttemptResult<T> = { ok: true; value: T } | { ok: false; error: EcomError };

// Connection never made: the request cannot have had any effect.
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export function systemHeaders(system: SystemInfo): Record<string, string> {
  const h: Record<string, string> = { "Vipps-System-Name": system.name, "Vipps-System-Version": system.version };
  if (system.pluginName) h["Vipps-System-Plugin-Name"] = system.pluginName;
  if (system.pluginVersion) h["Vipps-System-Plugin-Version"] = system.pluginVersion;
  return h;
}

/** Retry-After in seconds or as an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(at - nowMs, 0);
}

function describeNetworkError(error: unknown): { text: string; code?: string } {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && "code" in cause && typeof cause.code === "string" ? cause.code : undefined;
  const text = code ?? cause?.message ?? (error instanceof Error ? error.message : "network error");
  return { text: text.slice(0, 200), code };
}

/** Where a body failed its schema, looking inside union alternatives (refund has two shapes). */
function issuePaths(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): string[] {
  const paths = issues.flatMap((i) => {
    const here = [...prefix, ...i.path];
    if (i.code === "invalid_union" && i.errors.length > 0) return i.errors.flatMap((alt) => issuePaths(alt, here));
    return [here.map(String).join(".") || "(root)"];
  });
  return [...new Set(paths)];
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export async function attempt<T>(
  ctx: EcomContext,
  spec: CallSpec<T>,
  headers: Record<string, string>,
  attemptNo: number,
): Promise<AttemptResult<T>> {
  const { operation } = spec;
  const url = ctx.baseUrl + spec.path.replace("{orderId}", encodeURIComponent(spec.orderId ?? ""));
  const started = ctx.now();
  // Durations are real elapsed time, whatever clock the caller injected for timestamps.
  const startedMono = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ctx.timeouts[operation]);
  let status: number | undefined;
  let text = "";
  let retryAfter: string | null = null;
  let failure: EcomError | undefined;
  let networkError: string | null = null;
  try {
    // No redirects: one would forward client_secret or the bearer token to wherever it points.
    const res = await ctx.fetch(url, {
      method: spec.method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal: controller.signal,
      redirect: "manual",
    });
    status = res.status;
    retryAfter = res.headers.get("retry-after");
    text = await res.text();
  } catch (error) {
    if (controller.signal.aborted) {
      networkError = `timeout after ${ctx.timeouts[operation]} ms`;
      failure = new EcomError("timeout", `${operation}: no answer within ${ctx.timeouts[operation]} ms`, {
        operation,
        httpStatus: status,
        retryable: true,
        outcomeUnknown: true,
      });
    } else {
      const { text: reason, code } = describeNetworkError(error);
      networkError = reason;
      const notSent = code !== undefined && NOT_SENT_CODES.has(code);
      failure = new EcomError("network", `${operation}: ${reason}`, {
        operation,
        retryable: true,
        outcomeUnknown: !notSent,
      });
    }
  } finally {
    clearTimeout(timer);
  }

  const parsed = parseJson(text);
  let outcome: AttemptResult<T>;
  if (failure) outcome = { ok: false, error: failure };
  else if (status !== undefined && status >= 200 && status < 300) {
    const checked = parsed.ok ? spec.schema.safeParse(parsed.value) : undefined;
    if (checked?.success) outcome = { ok: true, value: checked.data };
    else {
      // Paths only, never values: the body may hold personal data.
      const where = checked ? issuePaths(checked.error.issues).join(", ") : "not JSON";
      const error = new EcomError("invalid_response", `${operation}: unexpected response body (${where})`, {
        operation,
        httpStatus: status,
        retryable: false,
        // A 2xx means it probably happened; we just cannot read how.
        outcomeUnknown: operation !== "details" && operation !== "accessToken",
      });
      outcome = { ok: false, error };
    }
  } else {
    const after = parseRetryAfter(retryAfter, ctx.now());
    outcome = {
      ok: false,
      error: errorFromResponse(operation, status ?? 0, parsed.ok ? parsed.value : undefined, after),
    };
  }
  failure = outcome.ok ? undefined : outcome.error;

  const responseBody: MaskedJson | null = parsed.ok ? maskJson(parsed.value) : maskRawBody(text);
  try {
    ctx.sink.record({
      at: new Date(started),
      msn: operation === "accessToken" && ctx.partner ? null : ctx.msn,
      environment: ctx.environment,
      operation,
      method: spec.method,
      path: spec.path,
      orderId: spec.orderId ?? null,
      httpStatus: status ?? null,
      errorGroup: failure?.errorGroup ?? null,
      errorCode: failure?.errorCode ?? null,
      errorMessage:
        failure?.errorMessage ??
        (failure && failure.kind !== "timeout" && failure.kind !== "network" ? failure.message : null),
      contextId: failure?.contextId ?? null,
      networkError,
      durationMs: Math.max(0, Math.round(performance.now() - startedMono)),
      attempt: attemptNo,
      requestId: spec.requestId ?? null,
      requestBody: maskJson(spec.body),
      responseBody,
    });
  } catch {
    // Logging must never break or delay a payment operation.
  }
  return outcome;
}
