// Who is calling, as far as the request tells: the client address (for per-address limits and the
// session list) and the browser. Next.js fills X-Forwarded-For with the socket's address when the
// request has none; behind the TLS-terminating proxy the README asks for, the proxy appends the
// address it saw, so the right-most entry is the one no client can choose.
export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

export function clientInfo(headers: Headers): ClientInfo {
  const forwarded = headers.get("x-forwarded-for") ?? "";
  const hops = forwarded
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const address = (hops.at(-1) ?? "unknown").replace(/^::ffff:/, "").slice(0, 64);
  const userAgent = headers.get("user-agent")?.slice(0, 300) ?? null;
  return { address, userAgent };
}
