// The body Vipps POSTs to {callbackPrefix}/v2/payments/{orderId} (ms_import.yaml): the regular and
// the Express shape, MSN as a string (the spec) or a number (the docs' examples), the spec's status
// spellings plus the guide's (RESERVE for Express, RESERVE_FAILED, SALE_FAILED).
import { z } from "zod";
import { firstIssue, parseJson } from "./http";
import { MSN_PATTERN, ORDER_ID_PATTERN } from "@/lib/ids";

export const CALLBACK_STATUSES = [
  "RESERVED",
  "RESERVE",
  "SALE",
  "CANCELLED",
  "REJECTED",
  "RESERVE_FAILED",
  "SALE_FAILED",
] as const;

const msn = z
  .union([z.string(), z.number().int().nonnegative()], {
    error: (issue) =>
      issue.input === undefined ? "is required (5 to 7 digits)" : "must be a string or a whole number of 5 to 7 digits",
  })
  .transform(String)
  .pipe(z.string().regex(MSN_PATTERN, "must be 5 to 7 digits"));

const callbackSchema = z.object(
  {
    merchantSerialNumber: msn,
    orderId: z
      .string({ error: "is required (a string)" })
      .regex(ORDER_ID_PATTERN, "must be 1 to 50 characters from a-z, A-Z, 0-9 and -"),
    transactionInfo: z.object(
      {
        amount: z
          .number({ error: "must be a number (øre)" })
          .int("must be a whole number of øre")
          .nonnegative("must not be negative"),
        status: z.enum(CALLBACK_STATUSES, { error: `must be one of ${CALLBACK_STATUSES.join(", ")}` }),
        timeStamp: z
          .string({ error: "is required (ISO 8601)" })
          .max(40)
          .refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO 8601 time"),
        transactionId: z.string().max(40).optional(),
      },
      { error: "is required (an object)" },
    ),
    errorInfo: z
      .object({
        errorGroup: z.string().max(60).optional(),
        errorCode: z.union([z.string(), z.number()]).optional(),
        errorMessage: z.string().max(1000).optional(),
      })
      .optional(),
    // Express: personal data we neither need nor keep; only its shape is checked.
    shippingDetails: z.record(z.string(), z.unknown()).optional(),
    userDetails: z.record(z.string(), z.unknown()).optional(),
  },
  { error: "The body must be a JSON object" },
);

export type CallbackBody = z.output<typeof callbackSchema>;

export type CallbackParse = { ok: true; body: CallbackBody } | { ok: false; error: string; message: string };

export function parseCallback(pathOrderId: string, text: string): CallbackParse {
  if (!ORDER_ID_PATTERN.test(pathOrderId))
    return {
      ok: false,
      error: "invalid_order_id",
      message: "The orderId in the path must be 1 to 50 characters from a-z, A-Z, 0-9 and -.",
    };
  const json = parseJson(text);
  if (!json.ok) return { ok: false, error: "invalid_json", message: "The body is not valid JSON." };
  const parsed = callbackSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, error: "invalid_body", message: firstIssue(parsed.error.issues) };
  if (parsed.data.orderId !== pathOrderId) {
    return {
      ok: false,
      error: "order_id_mismatch",
      message: `The body's orderId (${parsed.data.orderId}) is not the one in the path (${pathOrderId}).`,
    };
  }
  return { ok: true, body: parsed.data };
}
