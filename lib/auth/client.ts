// Who is calling, as far as the request tells: the client address (for per-address limits and the
// session list) and the browser. Next.js fills X-Forwarded-For with the socket's address only when
// the request has none, so without a proxy in front a client can write its own; behind the TLS
// proxy the README asks for, each trusted proxy appends the address it saw. TRUSTED_PROXY_HOPS says
// how many do (default 1): the address is that many entries from the right, where no client can
// reach. Directly exposed (no proxy), the per-address limit can be dodged with a forged header;
// the per-email lockout still holds.
export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

export function clientInfo(headers: Headers, trustedProxyHops = 1): ClientInfo {
  const forwarded = headers.get("x-forwarded-for") ?? "";
  const hops = forwarded
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const index = Math.max(0, hops.length - Math.max(1, trustedProxyHops));
  const address = (hops[index] ?? "unknown").replace(/^::ffff:/, "").slice(0, 64);
  const userAgent = headers.get("user-agent")?.slice(0, 300) ?? null;
  return { address, userAgent };
}
