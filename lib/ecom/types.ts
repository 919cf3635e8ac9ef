// Public input types of the eCom v2 client. Amounts are integer øre (except the Express shipping
// cost, which Vipps defines in NOK).

export type EcomEnvironment = "simulator" | "test" | "production";

export type EcomOperation = "accessToken" | "initiate" | "details" | "capture" | "cancel" | "refund" | "approve";

export interface EcomCredentials {
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
}

/** One sales unit as the app stores it, with the credentials already decrypted. */
export interface SalesUnitConnection {
  msn: string;
  environment: EcomEnvironment;
  credentials: EcomCredentials;
}

/** The four Vipps-System-* headers; each at most 30 characters. */
export interface SystemInfo {
  name: string;
  version: string;
  pluginName?: string;
  pluginVersion?: string;
}

export type ProfileScope = "name" | "address" | "email" | "phoneNumber" | "birthDate" | "nin";

export interface StaticShippingOption {
  isDefault: boolean;
  priority?: number;
  /** NOK, not øre: this is how Vipps defines it. */
  shippingCost: number;
  shippingMethod: string;
  shippingMethodId: string;
}

export interface InitiatePaymentInput {
  orderId: string;
  /** øre, at least 100. */
  amount: number;
  transactionText: string;
  /** HTTPS; Vipps appends /v2/payments/{orderId}. */
  callbackPrefix: string;
  /** HTTPS or an app's custom scheme; where the user returns after paying. */
  fallBack: string;
  /** 8 digits, no country code. */
  mobileNumber?: string;
  /** Sent back by Vipps as the Authorization header of callbacks. */
  authToken?: string;
  isApp?: boolean;
  paymentType?: "eComm Regular Payment" | "eComm Express Payment";
  consentRemovalPrefix?: string;
  shippingDetailsPrefix?: string;
  staticShippingDetails?: readonly StaticShippingOption[];
  skipLandingPage?: boolean;
  scope?: readonly ProfileScope[];
  useExplicitCheckoutFlow?: boolean;
}

export interface CaptureInput {
  orderId: string;
  /** øre; leave out for the full remaining amount. */
  amount?: number;
  transactionText: string;
  /** The idempotency key, derived from stored state; reused on every retry. */
  requestId: string;
}

export interface RefundInput {
  orderId: string;
  /** øre; leave out for a full refund. */
  amount?: number;
  transactionText: string;
  requestId: string;
}

export interface CancelInput {
  orderId: string;
  transactionText: string;
  /** Release what is left after a partial capture. */
  shouldReleaseRemainingFunds?: boolean;
  /** Optional (the spec defines none for cancel); when given, the call may be retried with it. */
  requestId?: string;
}

export interface ApproveInput {
  orderId: string;
  /** The `token` query parameter of the url returned by initiate. */
  token: string;
  customerPhoneNumber?: string;
  requestId?: string;
}
