// One POST to {callbackPrefix}/v2/payments/{orderId}, 3 s timeout, no retry, no redirects,
// with the spec's body (ms_import.yaml) and the guide's status spellings.
import { MESSAGES } from "./errors";
import type { Store } from "./store";
import type { SimPayment } from "./types";

export function callbackBody(p: SimPayment, status: string, errorCode?: string) {
  const last = p.log[0];
  return {
    merchantSerialNumber: p.msn,
    orderId: p.orderId,
    transactionInfo: {
      amount: p.amount,
      status,
      timeStamp: last?.timeStamp ?? new Date().toISOString(),
      transactionId: last?.transactionId ?? p.initiateTransactionId,
    },
    ...(errorCode
      ? {
          errorInfo: {
            errorGroup: "Payment",
            errorCode,
            errorMessage: MESSAGES[errorCode as keyof typeof MESSAGES] ?? "Payment failed",
            contextId: crypto.randomUUID(),
          },
        }
      : {}),
  };
}

export async function sendCallback(store: Store, p: SimPayment, status: string, errorCode?: string): Promise<void> {
  const url = `${p.callbackPrefix.replace(/\/$/, "")}/v2/payments/${encodeURIComponent(p.orderId)}`;
  const body = callbackBody(p, status, errorCode);
  const started = Date.now();
  const record: { at: string; url: string; body: unknown; status?: number; error?: string; durationMs: number } = {
    at: store.iso(),
    url,
    body,
    durationMs: 0,
  };
  try {
    const res = await fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/json;charset=UTF-8",
        ...(p.authToken ? { Authorization: p.authToken } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(store.state.settings.callbackTimeoutMs),
    });
    record.status = res.status;
    await res.body?.cancel();
  } catch (err) {
    record.error = (err as Error).name === "TimeoutError" ? "timeout" : (err as Error).message;
  }
  record.durationMs = Date.now() - started;
  store.state.callbacks.unshift(record);
  store.state.callbacks.length = Math.min(store.state.callbacks.length, 500);
  store.changed();
}
