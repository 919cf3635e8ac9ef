// Which webhook URLs an admin may save: https, or in demo and test mode plain http to this machine
// (a local receiver). Pure: the settings action and its tests use it.

export const WEBHOOK_URL_MAX = 500;

/** The codes are field messages (dictionary spikes.input). */
export type WebhookUrlProblem = "spike_url_format" | "spike_url_https" | "spike_url_too_long";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function webhookUrlProblem(raw: string, allowLoopbackHttp: boolean): WebhookUrlProblem | null {
  if (raw.length > WEBHOOK_URL_MAX) return "spike_url_too_long";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "spike_url_format";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "spike_url_format";
  // user:password@ in a webhook URL is a secret in the wrong place, and no chat service uses it.
  if (url.username || url.password || !url.hostname) return "spike_url_format";
  if (url.protocol === "http:" && !(allowLoopbackHttp && LOOPBACK.has(url.hostname))) return "spike_url_https";
  return null;
}
