// fetch that only connects to public addresses, for the spike webhook: an admin types the URL, and
// the server must not become a way to reach its own network (SSRF: the database, a cloud metadata
// endpoint at 169.254.169.254, an internal admin port). The check runs on the address the socket
// actually connects to (undici's connect-time lookup), so a hostname that resolves to a public
// address when checked and a private one when used (DNS rebinding) is refused too.
import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** Whether an IP address is one the public internet could answer from. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is checked as the IPv4 address it is.
  const mapped = family === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] : undefined;
  if (mapped) return !blocked.check(mapped, "ipv4");
  return !blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

export class PrivateAddressError extends Error {
  readonly code = "EPRIVATEADDRESS";
  constructor() {
    super("The webhook's host resolves to a private or local address");
  }
}

const publicLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 0);
    const list = addresses as LookupAddress[];
    // Every address must be public: a resolver answering with one public and one private address
    // could otherwise steer the connection.
    if (list.length === 0 || !list.every((a) => isPublicAddress(a.address)))
      return callback(new PrivateAddressError(), "", 0);
    if ((options as { all?: boolean }).all)
      return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};

let agent: Agent | undefined;

/** fetch through an agent whose every connection goes to a public address, or fails. */
export const publicFetch: typeof fetch = (input, init) => {
  agent ??= new Agent({ connect: { lookup: publicLookup } });
  const url = typeof input === "string" || input instanceof URL ? input.toString() : input.url;
  // A literal IP skips the lookup: check it here.
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !isPublicAddress(host))
    return Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: new PrivateAddressError() }));
  return undiciFetch(url, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>;
};
