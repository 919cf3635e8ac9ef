// Base URLs, paths and defaults of the eCom v2 client.
import { env } from "@/lib/env";
import type { EcomEnvironment, EcomOperation, SystemInfo } from "./types";

export const VIPPS_BASE_URLS = {
  test: "https://apitest.vipps.no",
  production: "https://api.vipps.no",
} as const;

/** The local simulator, on SIMULATOR_PORT. */
export function simulatorBaseUrl(): string {
  return `http://127.0.0.1:${env().simulatorPort}`;
}

/** Read lazily so that importing the client never parses the environment. */
export function defaultBaseUrl(environment: EcomEnvironment): string {
  return environment === "simulator" ? simulatorBaseUrl() : VIPPS_BASE_URLS[environment];
}

/** Templated paths, exactly as logged. */
export const PATHS = {
  accessToken: "/accesstoken/get",
  initiate: "/ecomm/v2/payments",
  details: "/ecomm/v2/payments/{orderId}/details",
  capture: "/ecomm/v2/payments/{orderId}/capture",
  cancel: "/ecomm/v2/payments/{orderId}/cancel",
  refund: "/ecomm/v2/payments/{orderId}/refund",
  approve: "/ecomm/v2/integration-test/payments/{orderId}/approve",
} as const satisfies Record<EcomOperation, string>;

export type Timeouts = Record<EcomOperation, number>;

export const DEFAULT_TIMEOUTS: Timeouts = {
  accessToken: 10_000,
  details: 10_000,
  initiate: 15_000,
  capture: 15_000,
  cancel: 15_000,
  refund: 15_000,
  approve: 15_000,
};

export interface RetrySettings {
  /** Attempts in total for a retryable call, the first one included (a 401 refresh comes on top). */
  maxAttempts: number;
  /** Backoff: baseDelayMs, 2×, 4×, ... capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call fails instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetrySettings = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 10_000,
};

export const DEFAULT_SYSTEM: SystemInfo = {
  name: "merchant-ops",
  version: "0.1.0",
};
