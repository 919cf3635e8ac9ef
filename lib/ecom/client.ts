// createEcomClient: the eCom v2 client for one sales unit (or, with partner keys, for several).
import "server-only";
import type { ApiLogSink } from "@/lib/api-log/types";
import {
  DEFAULT_RETRY,
  DEFAULT_SYSTEM,
  DEFAULT_TIMEOUTS,
  defaultBaseUrl,
  type RetrySettings,
  type Timeouts,
} from "./config";
import type { EcomContext } from "./http";
import * as ops from "./operations";
import type {
  AccessToken,
  CancelResult,
  CaptureResult,
  InitiatePaymentResult,
  PaymentDetails,
  RefundResult,
} from "./schemas";
import { sharedTokenCache, type TokenCache } from "./token-cache";
import type {
  ApproveInput,
  CancelInput,
  CaptureInput,
  EcomEnvironment,
  InitiatePaymentInput,
  RefundInput,
  SalesUnitConnection,
  SystemInfo,
} from "./types";
import { checkHeaderText, checkMsn, checkSecret, refuse } from "./validation";

export interface EcomClientOptions {
  salesUnit: SalesUnitConnection;
  /**
   * "partner": the credentials are a partner's key set. The token is shared by every MSN and
   * Merchant-Serial-Number names the sales unit on each call; use `forMsn` for the others.
   */
  keyMode?: "merchant" | "partner";
  /** Instead of the environment's URL (e.g. a simulator elsewhere). Must be https for production. */
  baseUrl?: string;
  system?: SystemInfo;
  /** Receives one record per HTTP attempt. Must not block or throw (see lib/api-log/writer.ts). */
  sink: ApiLogSink;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; drives token expiry and log times. */
  now?: () => number;
  /** Backoff between retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  timeouts?: Partial<Timeouts>;
  retry?: Partial<RetrySettings>;
  /** Defaults to one cache per process, shared by all clients. */
  tokenCache?: TokenCache;
}

export interface EcomClient {
  readonly msn: string;
  readonly environment: EcomEnvironment;
  fetchAccessToken(): Promise<AccessToken>;
  initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentResult>;
  getPaymentDetails(orderId: string): Promise<PaymentDetails>;
  capturePayment(input: CaptureInput): Promise<CaptureResult>;
  cancelPayment(input: CancelInput): Promise<CancelResult>;
  refundPayment(input: RefundInput): Promise<RefundResult>;
  approvePaymentIntegrationTest(input: ApproveInput): Promise<void>;
  /** Partner keys: the same keys, token and settings, acting for another sales unit. */
  forMsn(msn: string): EcomClient;
}

const ENVIRONMENTS: readonly EcomEnvironment[] = ["simulator", "test", "production"];

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function checkBaseUrl(value: string, environment: EcomEnvironment): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  const okProtocol = url?.protocol === "https:" || (url?.protocol === "http:" && environment !== "production");
  // Production keys never travel in clear text.
  if (!url || !okProtocol) refuse("accessToken", "baseUrl", "must be an http(s) URL (https for production)");
  return value.replace(/\/+$/, "");
}

function checkSystem(system: SystemInfo): SystemInfo {
  const op = "accessToken";
  const name = checkHeaderText(op, system.name, "system.name");
  const version = checkHeaderText(op, system.version, "system.version");
  if (name === undefined || version === undefined)
    refuse(op, name === undefined ? "system.name" : "system.version", "is required");
  return {
    name,
    version,
    pluginName: checkHeaderText(op, system.pluginName, "system.pluginName"),
    pluginVersion: checkHeaderText(op, system.pluginVersion, "system.pluginVersion"),
  };
}

function positive(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0) refuse("accessToken", field, "must be a non-negative number");
  return value;
}

function buildContext(options: EcomClientOptions): EcomContext {
  const op = "accessToken";
  const { salesUnit } = options;
  if (!ENVIRONMENTS.includes(salesUnit.environment)) refuse(op, "environment", "must be simulator, test or production");
  const environment = salesUnit.environment;
  const credentials = {
    clientId: checkSecret(op, salesUnit.credentials.clientId, "credentials.clientId"),
    clientSecret: checkSecret(op, salesUnit.credentials.clientSecret, "credentials.clientSecret"),
    subscriptionKey: checkSecret(op, salesUnit.credentials.subscriptionKey, "credentials.subscriptionKey"),
  };
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  for (const [k, v] of Object.entries(timeouts)) positive(v, `timeouts.${k}`);
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  for (const [k, v] of Object.entries(retry)) positive(v, `retry.${k}`);
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1)
    refuse(op, "retry.maxAttempts", "must be a whole number ≥ 1");
  return {
    msn: checkMsn(op, salesUnit.msn),
    environment,
    baseUrl: checkBaseUrl(options.baseUrl ?? defaultBaseUrl(environment), environment),
    credentials,
    partner: options.keyMode === "partner",
    system: checkSystem(options.system ?? DEFAULT_SYSTEM),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    now: options.now ?? Date.now,
    sleep: options.sleep ?? realSleep,
    timeouts,
    retry,
    sink: options.sink,
    tokens: options.tokenCache ?? sharedTokenCache,
  };
}

function bind(ctx: EcomContext): EcomClient {
  return {
    msn: ctx.msn,
    environment: ctx.environment,
    fetchAccessToken: () => ops.fetchAccessToken(ctx),
    initiatePayment: (input) => ops.initiatePayment(ctx, input),
    getPaymentDetails: (orderId) => ops.getPaymentDetails(ctx, orderId),
    capturePayment: (input) => ops.capturePayment(ctx, input),
    cancelPayment: (input) => ops.cancelPayment(ctx, input),
    refundPayment: (input) => ops.refundPayment(ctx, input),
    approvePaymentIntegrationTest: (input) => ops.approvePaymentIntegrationTest(ctx, input),
    forMsn: (msn) => {
      const other = checkMsn("accessToken", msn);
      if (other === ctx.msn) return bind(ctx);
      // Merchant keys belong to one sales unit: another MSN would only get 403 or error 35.
      if (!ctx.partner) refuse("accessToken", "msn", "can only change with partner keys (keyMode: partner)");
      return bind({ ...ctx, msn: other });
    },
  };
}

/**
 * A client for one sales unit. Throws EcomValidationError for bad options (MSN, credentials,
 * system headers, baseUrl); the error names the field but never echoes a secret.
 */
export function createEcomClient(options: EcomClientOptions): EcomClient {
  return bind(buildContext(options));
}
