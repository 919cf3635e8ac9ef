// "Test connection": with the unit's stored keys, fetch an access token and read a made-up orderId
// (GET /details). Vipps' "not found" for this MSN (Merchant/35) means the keys, the environment and
// the MSN fit together. Anything else is explained with the remedy the error dashboard gives it.
// Both calls go to the API call log like any other, and the test is audited with its outcome.
import "server-only";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Environment } from "@/generated/prisma/enums";
import { remedyView, type RemedyId } from "@/lib/api-errors/remedies";
import type { ApiLogSink } from "@/lib/api-log/types";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { createEcomClient, isEcomError, type EcomClientOptions, type EcomError, type TokenCache } from "@/lib/ecom";
import type { EcomCredentials } from "@/lib/ecom/types";
import { AppError } from "@/lib/errors";
import { connectionCause, notFoundNamesOtherMsn, type ConnectionCause } from "./connection-cause";
import { unitConnection, type ConnectionProblem } from "./keys";

export interface ConnectionTestDeps {
  db: PrismaClient;
  encryptionKey: Buffer;
  sink: ApiLogSink;
  tokens?: TokenCache;
  /** Instead of the environment's address (tests). */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export type ConnectionTestResult =
  | {
      ok: true;
      environment: Environment;
      keyMode: "merchant" | "partner";
      /** Milliseconds for the access token and for the details call. */
      tokenMs: number;
      detailsMs: number;
    }
  /** Not tried: nothing was sent to Vipps. */
  | { ok: false; tried: false; problem: Exclude<ConnectionProblem, "not_found">; environment: Environment }
  | {
      ok: false;
      tried: true;
      environment: Environment;
      keyMode: "merchant" | "partner";
      stage: "token" | "details";
      cause: ConnectionCause;
      remedy: ReturnType<typeof remedyView>;
      httpStatus: number | null;
      errorCode: string | null;
      /** Vipps' message, masked, and with the unit's own key values cut out. */
      message: string | null;
      ms: number;
    };

/** An orderId no shop would use: 35 characters of [a-z0-9-]. */
export const probeOrderId = () => `mo-connection-test-${randomBytes(8).toString("hex")}`;

function redact(message: string | undefined, c: EcomCredentials): string | null {
  if (!message) return null;
  let out = message;
  for (const secret of [c.clientId, c.clientSecret, c.subscriptionKey])
    if (secret) out = out.split(secret).join("[masked]");
  return out.slice(0, 300);
}

function failureOf(error: EcomError) {
  const networkError = error.kind === "network" || error.kind === "timeout" ? error.message : null;
  const remedy = remedyView({
    httpStatus: error.httpStatus ?? null,
    errorGroup: error.errorGroup ?? null,
    errorCode: error.errorCode ?? null,
    errorMessage: error.errorMessage ?? null,
    networkError,
    operation: error.operation,
  });
  // Merchant/35 gets here only when it names another MSN: the keys belong to that unit.
  return { remedy, cause: connectionCause(remedy.id as RemedyId) };
}

export async function testConnection(
  deps: ConnectionTestDeps,
  actor: Actor | null,
  msn: string,
): Promise<ConnectionTestResult> {
  assertCan(actor, "salesunits:manage");
  const { db } = deps;
  const unit = await unitConnection(db, msn, deps.encryptionKey);
  if (!unit.ok) {
    if (unit.problem === "not_found" || !unit.environment) throw new AppError("not_found", `sales unit ${msn}`);
    await audit(db, {
      action: "sales_unit_connection_tested",
      outcome: "refused",
      who: actor,
      msn,
      details: { environment: unit.environment, problem: unit.problem },
    });
    return { ok: false, tried: false, problem: unit.problem, environment: unit.environment };
  }
  const options: EcomClientOptions = {
    salesUnit: unit.salesUnit,
    keyMode: unit.keyMode,
    sink: deps.sink,
    ...(deps.tokens ? { tokenCache: deps.tokens } : {}),
    ...(deps.baseUrl ? { baseUrl: deps.baseUrl } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  };
  const client = createEcomClient(options);
  const base = { environment: unit.environment, keyMode: unit.keyMode };
  let stage: "token" | "details" = "token";
  const started = performance.now();
  let tokenMs = 0;
  let result: ConnectionTestResult;
  try {
    await client.fetchAccessToken();
    tokenMs = Math.round(performance.now() - started);
    stage = "details";
    const detailsStarted = performance.now();
    try {
      await client.getPaymentDetails(probeOrderId());
    } catch (error) {
      const expected =
        isEcomError(error) &&
        error.httpStatus === 404 &&
        error.errorGroup === "Merchant" &&
        error.errorCode === "35" &&
        !notFoundNamesOtherMsn(error.errorMessage, msn);
      if (!expected) throw error;
    }
    result = { ok: true, ...base, tokenMs, detailsMs: Math.round(performance.now() - detailsStarted) };
  } catch (error) {
    if (!isEcomError(error)) throw error;
    const { remedy, cause } = failureOf(error);
    result = {
      ok: false,
      tried: true,
      ...base,
      stage,
      cause,
      remedy,
      httpStatus: error.httpStatus ?? null,
      errorCode: error.errorCode ?? null,
      message: redact(error.errorMessage, unit.salesUnit.credentials),
      ms: Math.round(performance.now() - started),
    };
  }
  await audit(db, {
    action: "sales_unit_connection_tested",
    outcome: result.ok ? "success" : "failed",
    who: actor,
    msn,
    details: result.ok
      ? {
          environment: result.environment,
          keyMode: result.keyMode,
          tokenMs: result.tokenMs,
          detailsMs: result.detailsMs,
        }
      : result.tried
        ? {
            environment: result.environment,
            keyMode: result.keyMode,
            stage: result.stage,
            cause: result.cause,
            remedy: result.remedy.id,
            status: result.httpStatus ?? 0,
          }
        : {},
  });
  return result;
}
