// The outgoing spike webhook: one POST of Slack-compatible JSON ({ text, blocks }) with a hard
// timeout, never following redirects, never throwing. The outcome is a code the alert row and the
// "send test" answer keep; the URL (a secret) is never part of an outcome or a log line.
import "server-only";
import { env } from "@/lib/env";
import { publicFetch } from "./public-fetch";

export const WEBHOOK_TIMEOUT_MS = 5_000;

/** private: the host is (or resolves to) a private, loopback or link-local address. */
export type WebhookFailure = "timeout" | "refused" | "dns" | "tls" | "network" | "private";

export type WebhookOutcome =
  | { ok: true; status: number }
  /** The receiver answered, but not with 2xx (a 3xx is not followed). */
  | { ok: false; reason: "http"; status: number }
  | { ok: false; reason: WebhookFailure };

export interface SlackMessage {
  text: string;
  blocks?: unknown[];
}

const TLS_CODES = /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_SSL_)/;

/** What went wrong when no HTTP answer came, from fetch's error and its cause. */
export function failureOf(err: unknown): WebhookFailure {
  const e = err as { name?: string; cause?: { code?: string; name?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return "timeout";
  const code = e?.cause?.code ?? "";
  if (code === "EPRIVATEADDRESS") return "private";
  if (code === "ECONNREFUSED") return "refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "dns";
  if (code === "UND_ERR_CONNECT_TIMEOUT" || code === "ETIMEDOUT" || e?.cause?.name === "ConnectTimeoutError")
    return "timeout";
  if (TLS_CODES.test(code)) return "tls";
  return "network";
}

export async function postWebhook(
  url: string,
  message: SlackMessage,
  opts: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<WebhookOutcome> {
  // A local receiver is allowed in demo and test mode only (as the URL check allows http there).
  const { demoMode, nodeEnv } = env();
  const doFetch = opts.fetch ?? (demoMode || nodeEnv === "test" ? fetch : publicFetch);
  try {
    const res = await doFetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "MerchantOps-SpikeAlerts/1" },
      body: JSON.stringify(message),
      redirect: "manual",
      signal: AbortSignal.timeout(opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
    // Drain the body (bounded by the same signal) so the connection is released.
    await res.arrayBuffer().catch(() => undefined);
    return res.status >= 200 && res.status < 300
      ? { ok: true, status: res.status }
      : { ok: false, reason: "http", status: res.status };
  } catch (err) {
    return { ok: false, reason: failureOf(err) };
  }
}
