// The eCom v2 client's public surface. Server code imports from "@/lib/ecom".
export { createEcomClient, type EcomClient, type EcomClientOptions } from "./client";
export {
  DEFAULT_RETRY,
  DEFAULT_TIMEOUTS,
  PATHS,
  VIPPS_BASE_URLS,
  defaultBaseUrl,
  simulatorBaseUrl,
  type RetrySettings,
  type Timeouts,
} from "./config";
export { EcomError, EcomValidationError, isEcomError, type EcomErrorKind } from "./errors";
export type {
  AccessToken,
  CancelResult,
  CaptureResult,
  InitiatePaymentResult,
  LogEntry,
  LogOperation,
  PaymentDetails,
  RefundResult,
  TransactionInfo,
  TransactionSummary,
} from "./schemas";
export { LOG_OPERATIONS } from "./schemas";
export { TokenCache, sharedTokenCache } from "./token-cache";
export type * from "./types";
