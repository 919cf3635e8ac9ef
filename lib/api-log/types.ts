// The shape of one logged eCom API call (one HTTP attempt) and the sink that receives it.
// Kept free of Prisma and of lib/ecom so both sides can import it without cycles.
import type { MaskedJson } from "./mask";

export type LogEnvironment = "simulator" | "test" | "production";

/** One HTTP attempt. Bodies are masked at the source (the brand makes an unmasked body a type error). */
export interface ApiCallRecord {
  at: Date;
  msn: string | null;
  environment: LogEnvironment;
  /** Short operation name: accessToken, initiate, details, capture, cancel, refund, approve. */
  operation: string;
  method: string;
  /** Templated, e.g. /ecomm/v2/payments/{orderId}/capture. */
  path: string;
  orderId: string | null;
  httpStatus: number | null;
  errorGroup: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  contextId: string | null;
  /** Timeout or transport failure when there is no HTTP status. */
  networkError: string | null;
  durationMs: number;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
  /** The X-Request-Id sent, if any. */
  requestId: string | null;
  requestBody: MaskedJson | null;
  responseBody: MaskedJson | null;
  /** app (default): our own client; shop: sent to POST /api/v1/api-calls; callback: Vipps calling us. */
  source?: ApiCallSource;
}

export type ApiCallSource = "app" | "shop" | "callback";

/**
 * Receives log records. `record` must return at once and never throw into the API call:
 * implementations buffer and write in the background.
 */
export interface ApiLogSink {
  record(entry: ApiCallRecord): void;
}

/** Keeps records in memory: for tests and for callers that inspect what was sent. */
export class MemoryApiLogSink implements ApiLogSink {
  readonly records: ApiCallRecord[] = [];
  record(entry: ApiCallRecord): void {
    this.records.push(entry);
  }
}

export const noopApiLogSink: ApiLogSink = { record: () => {} };
