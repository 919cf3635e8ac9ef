// Our copy of a payment, derived from GET /details: amounts from the summary, the rest from the
// log. The status is a closed union (PaymentStatus in schema.prisma).
import { createHash } from "node:crypto";
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { LogEntry, PaymentDetails } from "@/lib/ecom";
import { guaranteeEnds } from "@/lib/payments/detail/deadlines";

export interface DerivedPayment {
  orderId: string;
  status: PaymentStatus;
  amount: number;
  reservedAmount: number;
  capturedAmount: number;
  refundedAmount: number;
  remainingToCapture: number;
  remainingToRefund: number;
  transactionText: string | null;
  bankIdentificationNumber: number | null;
  initiatedAt: Date | null;
  reservedAt: Date | null;
  /** The card scheme's estimated hold on the reservation (lib/payments/detail/deadlines.ts). */
  guaranteeEndsAt: Date | null;
}

const succeeded = (log: readonly LogEntry[], ...ops: LogEntry["operation"][]) =>
  log.filter((e) => e.operationSuccess && ops.includes(e.operation));
const time = (e: LogEntry | undefined) => (e?.timeStamp ? new Date(e.timeStamp) : null);

export function derivePayment(details: PaymentDetails): DerivedPayment {
  const log = details.transactionLogHistory;
  const initiate = log.find((e) => e.operation === "INITIATE");
  const reserve = succeeded(log, "RESERVE", "SALE")[0];
  const s = details.transactionSummary;
  const captured = s?.capturedAmount ?? 0;
  const refunded = s?.refundedAmount ?? 0;
  const remainingToCapture = s?.remainingAmountToCapture ?? 0;
  const remainingToRefund = s?.remainingAmountToRefund ?? 0;
  return {
    orderId: details.orderId,
    status: deriveStatus(details),
    amount: initiate?.amount ?? reserve?.amount ?? 0,
    reservedAmount: reserve?.amount ?? 0,
    capturedAmount: captured,
    refundedAmount: refunded,
    remainingToCapture,
    remainingToRefund,
    transactionText: (initiate?.transactionText ?? null)?.slice(0, 100) ?? null,
    bankIdentificationNumber: s?.bankIdentificationNumber ?? null,
    initiatedAt: time(initiate),
    reservedAt: time(reserve),
    guaranteeEndsAt: guaranteeEnds(time(reserve), s?.bankIdentificationNumber ?? null),
  };
}

export function deriveStatus(details: PaymentDetails): PaymentStatus {
  const log = details.transactionLogHistory;
  const s = details.transactionSummary;
  const captured = s?.capturedAmount ?? 0;
  const refunded = s?.refundedAmount ?? 0;
  if (refunded > 0)
    return (s?.remainingAmountToRefund ?? 0) === 0 && (s?.remainingAmountToCapture ?? 0) === 0
      ? "refunded"
      : "partially_refunded";
  if (captured > 0) return (s?.remainingAmountToCapture ?? 0) > 0 ? "partially_captured" : "captured";
  if (succeeded(log, "VOID").length) return "voided";
  if (succeeded(log, "CANCEL").length) return "cancelled";
  if (succeeded(log, "RESERVE").length) return "reserved";
  if (log.some((e) => !e.operationSuccess && (e.operation === "RESERVE" || e.operation === "SALE"))) return "failed";
  return "initiated";
}

/** Identity of one log entry, so each is stored exactly once however often it is fetched. */
export function eventFingerprint(e: LogEntry): string {
  return createHash("sha256")
    .update(
      [
        e.operation,
        e.amount,
        e.transactionId ?? "",
        e.timeStamp ?? "",
        e.requestId ?? "",
        e.operationSuccess,
        e.transactionText ?? "",
      ].join("\u0000"),
    )
    .digest("hex");
}
