// zod schemas for every 200 response (swagger.yaml 2.0.3 and access-token-api). Unknown keys are
// dropped; optional fields Vipps may send as null come out as undefined.
import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);
const int = z.number().int();
// The token endpoint sends numbers as strings ("3600"); accept a JSON number too.
const numericString = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(Number);

export const accessTokenSchema = z
  .object({
    token_type: z.string(),
    expires_in: numericString,
    ext_expires_in: optional(z.string()),
    expires_on: optional(numericString),
    not_before: optional(numericString),
    resource: optional(z.string()),
    access_token: z.string().min(1),
  })
  .transform((t) => ({
    tokenType: t.token_type,
    accessToken: t.access_token,
    expiresInSeconds: t.expires_in,
    /** Epoch seconds, by the server's clock. */
    expiresOn: t.expires_on,
    notBefore: t.not_before,
  }));
export type AccessToken = z.output<typeof accessTokenSchema>;

export const initiateResponseSchema = z.object({ orderId: z.string(), url: z.string().min(1) });
export type InitiatePaymentResult = z.output<typeof initiateResponseSchema>;

export const transactionSummarySchema = z.object({
  capturedAmount: int,
  refundedAmount: int,
  remainingAmountToCapture: int,
  remainingAmountToRefund: int,
  bankIdentificationNumber: optional(int),
});
export type TransactionSummary = z.output<typeof transactionSummarySchema>;

export const LOG_OPERATIONS = ["INITIATE", "RESERVE", "SALE", "CAPTURE", "REFUND", "CANCEL", "VOID"] as const;
export type LogOperation = (typeof LOG_OPERATIONS)[number];

export const logEntrySchema = z.object({
  amount: int,
  operation: z.enum(LOG_OPERATIONS),
  operationSuccess: z.boolean(),
  transactionText: optional(z.string()),
  transactionId: optional(z.string()),
  timeStamp: optional(z.string()),
  /** The merchant's X-Request-Id; "" for user and Vipps operations. */
  requestId: optional(z.string()),
});
export type LogEntry = z.output<typeof logEntrySchema>;

const address = z.object({
  addressLine1: optional(z.string()),
  addressLine2: optional(z.string()),
  city: optional(z.string()),
  country: optional(z.string()),
  postCode: optional(z.string()),
});

export const paymentDetailsSchema = z.object({
  orderId: z.string(),
  transactionSummary: optional(transactionSummarySchema),
  /** Newest first. */
  transactionLogHistory: z.array(logEntrySchema),
  shippingDetails: optional(
    z.object({
      address: optional(address),
      shippingCost: optional(z.number()),
      shippingMethod: optional(z.string()),
      shippingMethodId: optional(z.string()),
    }),
  ),
  // Fields become "[Expired]" after 7 days, so no formats are enforced here.
  userDetails: optional(
    z.object({
      email: optional(z.string()),
      firstName: optional(z.string()),
      lastName: optional(z.string()),
      mobileNumber: optional(z.string()),
      userId: optional(z.string()),
    }),
  ),
  sub: optional(z.string()),
});
export type PaymentDetails = z.output<typeof paymentDetailsSchema>;

const transactionInfoSchema = z.object({
  amount: int,
  status: z.enum(["Cancelled", "Captured", "Refund"]),
  timeStamp: z.string(),
  transactionId: optional(z.string()),
  transactionText: optional(z.string()),
});
export type TransactionInfo = z.output<typeof transactionInfoSchema>;

export const captureResponseSchema = z.object({
  orderId: z.string(),
  paymentInstrument: optional(z.string()),
  transactionInfo: transactionInfoSchema,
  transactionSummary: optional(transactionSummarySchema),
});
export type CaptureResult = z.output<typeof captureResponseSchema>;

export const cancelResponseSchema = captureResponseSchema;
export type CancelResult = z.output<typeof cancelResponseSchema>;

// The spec and guide say `transaction`; php-vipps models it as `transactionInfo`. Accept both and
// hand the app one shape.
const refundCommon = { orderId: z.string(), transactionSummary: optional(transactionSummarySchema) };
export const refundResponseSchema = z.union([
  z.object({ ...refundCommon, transaction: transactionInfoSchema }),
  z
    .object({ ...refundCommon, transactionInfo: transactionInfoSchema })
    .transform(({ transactionInfo, ...rest }) => ({ ...rest, transaction: transactionInfo })),
]);
export type RefundResult = z.output<typeof refundResponseSchema>;

// Force-approve has no documented body: accept anything, including none.
export const approveResponseSchema = z.unknown().transform(() => undefined);
