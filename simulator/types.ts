// The simulator's state. Plain JSON so it can be persisted under .data/ and survive a restart.

export type CaptureType = "reserve" | "direct";
/** "test" gives 1-hour tokens, "production" 24-hour tokens and no integration-test approve. */
export type SimEnvironment = "test" | "production";
export type LogOperation = "INITIATE" | "RESERVE" | "SALE" | "CAPTURE" | "REFUND" | "CANCEL" | "VOID";
/** The simulator's own view of where a payment is; the API exposes only the log and summary. */
export type PaymentState = "INITIATE" | "RESERVE" | "SALE" | "CANCEL" | "VOID" | "FAILED";

export interface SimSalesUnit {
  msn: string;
  name: string;
  captureType: CaptureType;
  environment: SimEnvironment;
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  skipLandingPageAllowed: boolean;
  /** false: deactivated at Vipps (in the portal, or by Vipps); its calls get Merchant/37. Unset = active. */
  active?: boolean;
}

/** Partner keys: one key set acting for several MSNs, named per call by Merchant-Serial-Number. */
export interface SimPartner {
  partnerId: string;
  msns: string[];
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
}

export interface LogEntry {
  amount: number;
  operation: LogOperation;
  operationSuccess: boolean;
  requestId: string;
  timeStamp: string;
  transactionId: string;
  transactionText: string;
}

/** What the merchant asked for at initiate (validated). */
export interface PaymentTerms {
  msn: string;
  orderId: string;
  amount: number;
  transactionText: string;
  callbackPrefix: string;
  fallBack: string;
  authToken?: string;
  isApp: boolean;
  mobileNumber?: string;
}

export interface SimPayment extends PaymentTerms {
  initiatedAt: number;
  urlToken: string;
  initiateTransactionId: string;
  state: PaymentState;
  /** false until the user acts (approve, reject, fail) or the payment times out. */
  userActed: boolean;
  reservedAt?: number;
  reserved: number;
  captured: number;
  refunded: number;
  released: boolean;
  bin?: number;
  paymentInstrument?: string;
  /** Newest first, as /details returns it. */
  log: LogEntry[];
}

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: unknown;
}

export interface IssuedToken {
  subscriptionKey: string;
  msn?: string;
  partnerId?: string;
  expiresAt: number;
}

export type FaultMode = "latency" | "error500" | "locked94" | "rateLimit429" | "reset" | "lostResponse" | "vippsError";

export interface Fault {
  id: string;
  msn?: string;
  /** Operation name (accessToken, initiate, details, capture, cancel, refund, approve) or "*". */
  endpoint: string;
  mode: FaultMode;
  /** How many matching requests it affects; unset = until removed. */
  remaining?: number;
  latencyMs?: number;
  status?: number;
  errorGroup?: string;
  errorCode?: string;
  errorMessage?: string;
}

export interface CallbackRecord {
  at: string;
  url: string;
  body: unknown;
  status?: number;
  error?: string;
  durationMs: number;
}

export interface SimSettings {
  /** Accept http://localhost / 127.0.0.1 callback and fallBack URLs (simulator mode only). */
  allowLocalhostUrls: boolean;
  /** The user has 5 + 5 minutes to act. */
  userTimeoutSeconds: number;
  /** The log operation written when the user lets a payment time out (the sources are silent: CANCEL is the best reading). */
  timeoutLogOperation: "CANCEL";
  /** Reusing an X-Request-Id with another body: 93 as documented for eCom, or 409 as in the general idempotency pages. */
  idempotencyConflict: "93" | "409";
  rateLimitsEnabled: boolean;
  rateLimits: Record<"initiate" | "capture" | "cancel" | "refund" | "details", number>;
  callbackTimeoutMs: number;
  tokenTtlSeconds: Record<SimEnvironment, number>;
  captureDays: number;
  refundDays: number;
  /**
   * Callback status for a failed reservation or sale. The spec's enum has only RESERVED, SALE,
   * CANCELLED and REJECTED, and the spec wins ("spec" → REJECTED with errorInfo); the guide's
   * RESERVE_FAILED / SALE_FAILED is "guide".
   */
  failedCallbackStatus: "spec" | "guide";
  /** Shape of gateway errors: the spec's ErrorFromAzure, or the plain APIM {statusCode, message}. */
  gatewayErrorFormat: "azure" | "apim";
}

export interface SimState {
  version: 1;
  clockOffsetMs: number;
  transactionCounter: number;
  settings: SimSettings;
  salesUnits: Record<string, SimSalesUnit>;
  partners: Record<string, SimPartner>;
  payments: Record<string, SimPayment>;
  tokens: Record<string, IssuedToken>;
  idempotency: Record<string, StoredResponse>;
  faults: Fault[];
  callbacks: CallbackRecord[];
}

export const defaultSettings = (): SimSettings => ({
  allowLocalhostUrls: true,
  userTimeoutSeconds: 600,
  timeoutLogOperation: "CANCEL",
  idempotencyConflict: "93",
  rateLimitsEnabled: true,
  rateLimits: { initiate: 2, capture: 5, cancel: 5, refund: 5, details: 120 },
  callbackTimeoutMs: 3000,
  tokenTtlSeconds: { test: 3600, production: 86400 },
  captureDays: 180,
  refundDays: 365,
  gatewayErrorFormat: "azure",
  failedCallbackStatus: "spec",
});

export const emptyState = (): SimState => ({
  version: 1,
  clockOffsetMs: 0,
  transactionCounter: 5000000000,
  settings: defaultSettings(),
  salesUnits: {},
  partners: {},
  payments: {},
  tokens: {},
  idempotency: {},
  faults: [],
  callbacks: [],
});

export const paymentKey = (msn: string, orderId: string) => `${msn}/${orderId}`;
