// The payment state machine and summary arithmetic (ecom-api.md §4.2). Every refused money
// operation on an existing payment is logged with operationSuccess=false, as the real log does.
import { invalidRequest, MESSAGES, vippsError, type SimResponse } from "./errors";
import type { Store } from "./store";
import type { LogEntry, LogOperation, SimPayment } from "./types";

const DAY = 86_400_000;

export function remainingToCapture(p: SimPayment): number {
  return p.released || p.state === "VOID" ? 0 : p.reserved - p.captured;
}

export function summary(p: SimPayment, withBin: boolean) {
  return {
    capturedAmount: p.captured,
    remainingAmountToCapture: remainingToCapture(p),
    refundedAmount: p.refunded,
    remainingAmountToRefund: p.captured - p.refunded,
    ...(withBin && p.bin !== undefined ? { bankIdentificationNumber: p.bin } : {}),
  };
}

function addLog(
  store: Store,
  p: SimPayment,
  entry: Omit<LogEntry, "timeStamp" | "transactionId"> & { transactionId?: string },
): LogEntry {
  const full: LogEntry = {
    timeStamp: store.iso(),
    transactionId: entry.transactionId ?? store.nextTransactionId(),
    ...entry,
  };
  p.log.unshift(full);
  return full;
}

function refuse(
  store: Store,
  p: SimPayment,
  operation: LogOperation,
  amount: number,
  requestId: string,
  text: string,
  response: SimResponse,
): SimResponse {
  addLog(store, p, { operation, amount, operationSuccess: false, requestId, transactionText: text });
  return response;
}

/** Applies the 5 + 5-minute user timeout lazily (and from the sweeper). Returns true if it fired. */
export function applyTimeout(store: Store, p: SimPayment): boolean {
  if (p.state !== "INITIATE" || store.now() < p.initiatedAt + store.state.settings.userTimeoutSeconds * 1000)
    return false;
  p.state = "CANCEL";
  p.userActed = true;
  addLog(store, p, {
    operation: store.state.settings.timeoutLogOperation,
    amount: p.amount,
    operationSuccess: true,
    requestId: "",
    transactionText: p.transactionText,
  });
  return true;
}

export type UserOutcome =
  | { kind: "approve"; bin?: number; instrument?: string }
  | { kind: "reject" }
  | { kind: "fail"; code: "41" | "42" | "43" | "44" | "45" };

/** What the user does in the app. Returns the callback status to send, or an error if the payment cannot take it. */
export function userActs(
  store: Store,
  p: SimPayment,
  outcome: UserOutcome,
  direct: boolean,
): { ok: true; callbackStatus: string; errorCode?: string } | { ok: false; response: SimResponse } {
  applyTimeout(store, p);
  if (p.state !== "INITIATE") return { ok: false, response: vippsError(400, "VippsError", "91", MESSAGES["91"]) };
  p.userActed = true;
  if (outcome.kind === "reject") {
    p.state = "CANCEL";
    addLog(store, p, {
      operation: "CANCEL",
      amount: p.amount,
      operationSuccess: true,
      requestId: "",
      transactionText: p.transactionText,
    });
    return { ok: true, callbackStatus: "CANCELLED" };
  }
  if (outcome.kind === "fail") {
    p.state = "FAILED";
    addLog(store, p, {
      operation: direct ? "SALE" : "RESERVE",
      amount: p.amount,
      operationSuccess: false,
      requestId: "",
      transactionText: p.transactionText,
      transactionId: p.initiateTransactionId,
    });
    const guide = store.state.settings.failedCallbackStatus === "guide";
    return {
      ok: true,
      callbackStatus: guide ? (direct ? "SALE_FAILED" : "RESERVE_FAILED") : "REJECTED",
      errorCode: outcome.code,
    };
  }
  p.bin = outcome.bin ?? 492560;
  p.paymentInstrument = outcome.instrument ?? (String(p.bin).startsWith("5") ? "Mastercard" : "Visa");
  p.reservedAt = store.now();
  p.reserved = p.amount;
  if (direct) {
    p.state = "SALE";
    p.captured = p.amount;
    addLog(store, p, {
      operation: "SALE",
      amount: p.amount,
      operationSuccess: true,
      requestId: "",
      transactionText: p.transactionText,
      transactionId: p.initiateTransactionId,
    });
    return { ok: true, callbackStatus: "SALE" };
  }
  p.state = "RESERVE";
  addLog(store, p, {
    operation: "RESERVE",
    amount: p.amount,
    operationSuccess: true,
    requestId: "",
    transactionText: p.transactionText,
    transactionId: p.initiateTransactionId,
  });
  return { ok: true, callbackStatus: "RESERVED" };
}

function actionResponse(
  p: SimPayment,
  key: "transactionInfo" | "transaction",
  entry: LogEntry,
  status: string,
  amount = entry.amount,
) {
  return {
    orderId: p.orderId,
    ...(p.paymentInstrument && key === "transactionInfo" ? { paymentInstrument: p.paymentInstrument } : {}),
    [key]: {
      amount,
      status,
      timeStamp: entry.timeStamp,
      transactionId: entry.transactionId,
      transactionText: entry.transactionText,
    },
    transactionSummary: summary(p, false),
  };
}

const belowMinimum = () => invalidRequest("amount", "amount must be at least 100 øre (1 NOK)");

export function capture(
  store: Store,
  p: SimPayment,
  amount: number | null,
  text: string,
  requestId: string,
): SimResponse {
  applyTimeout(store, p);
  const asked = amount ?? 0;
  if (p.state === "INITIATE")
    return refuse(store, p, "CAPTURE", asked, requestId, text, vippsError(400, "Payment", "62", MESSAGES["62"]));
  if (p.state === "CANCEL" || p.state === "VOID" || p.state === "FAILED")
    return refuse(store, p, "CAPTURE", asked, requestId, text, vippsError(400, "VippsError", "91", MESSAGES["91"]));
  if (store.now() > (p.reservedAt ?? 0) + store.state.settings.captureDays * DAY) {
    return refuse(store, p, "CAPTURE", asked, requestId, text, vippsError(400, "Payment", "98", MESSAGES["98capture"]));
  }
  const remaining = remainingToCapture(p);
  const take = amount ?? remaining;
  if (take <= 0 || take > remaining)
    return refuse(store, p, "CAPTURE", take, requestId, text, vippsError(400, "Payment", "61", MESSAGES["61"]));
  // The spec's minimum of 100 øre holds for every capture, also a remainder taken without an amount.
  if (take < 100) return belowMinimum();
  p.captured += take;
  const entry = addLog(store, p, {
    operation: "CAPTURE",
    amount: take,
    operationSuccess: true,
    requestId,
    transactionText: text,
  });
  return { status: 200, body: actionResponse(p, "transactionInfo", entry, "Captured") };
}

export function cancel(store: Store, p: SimPayment, text: string, release: boolean, requestId: string): SimResponse {
  applyTimeout(store, p);
  if (p.state === "INITIATE") {
    p.state = "CANCEL";
    p.userActed = true;
    const entry = addLog(store, p, {
      operation: "CANCEL",
      amount: p.amount,
      operationSuccess: true,
      requestId,
      transactionText: text,
    });
    return { status: 200, body: actionResponse(p, "transactionInfo", entry, "Cancelled") };
  }
  if (p.state === "CANCEL" || p.state === "VOID" || p.state === "FAILED")
    return refuse(store, p, "VOID", 0, requestId, text, vippsError(400, "VippsError", "91", MESSAGES["91"]));
  if (store.now() > (p.reservedAt ?? 0) + store.state.settings.captureDays * DAY) {
    return refuse(store, p, "VOID", 0, requestId, text, vippsError(400, "Payment", "98", MESSAGES["98cancel"]));
  }
  const remaining = remainingToCapture(p);
  if (p.state === "SALE" || remaining === 0)
    return refuse(store, p, "VOID", 0, requestId, text, vippsError(400, "Payment", "51", MESSAGES["51"]));
  if (p.captured > 0 && !release)
    return refuse(store, p, "VOID", remaining, requestId, text, vippsError(400, "Payment", "51", MESSAGES["51"]));
  if (p.captured === 0) p.state = "VOID";
  else p.released = true;
  const entry = addLog(store, p, {
    operation: "VOID",
    amount: remaining,
    operationSuccess: true,
    requestId,
    transactionText: text,
  });
  // The response names the payment's amount (the spec's TransactionInfoCancel has a 100 øre minimum);
  // the log entry keeps what was released.
  return { status: 200, body: actionResponse(p, "transactionInfo", entry, "Cancelled", p.amount) };
}

export function refund(
  store: Store,
  p: SimPayment,
  amount: number | null,
  text: string,
  requestId: string,
): SimResponse {
  applyTimeout(store, p);
  const asked = amount ?? 0;
  if (p.state === "CANCEL" || p.state === "VOID" || p.state === "FAILED")
    return refuse(store, p, "REFUND", asked, requestId, text, vippsError(400, "Payment", "73", MESSAGES["73"]));
  if (p.state === "INITIATE" || p.captured === 0)
    return refuse(store, p, "REFUND", asked, requestId, text, vippsError(400, "Payment", "72", MESSAGES["72"]));
  if (store.now() > (p.reservedAt ?? 0) + store.state.settings.refundDays * DAY) {
    return refuse(store, p, "REFUND", asked, requestId, text, vippsError(400, "Payment", "95", MESSAGES["95"]));
  }
  const remaining = p.captured - p.refunded;
  const take = amount ?? remaining;
  if (take <= 0 || take > remaining)
    return refuse(store, p, "REFUND", take, requestId, text, vippsError(400, "Payment", "71", MESSAGES["71"]));
  if (take < 100) return belowMinimum();
  p.refunded += take;
  const entry = addLog(store, p, {
    operation: "REFUND",
    amount: take,
    operationSuccess: true,
    requestId,
    transactionText: text,
  });
  return { status: 200, body: actionResponse(p, "transaction", entry, "Refund") };
}

export function details(p: SimPayment) {
  return {
    orderId: p.orderId,
    transactionLogHistory: p.log,
    ...(p.userActed ? { transactionSummary: summary(p, true) } : {}),
  };
}
