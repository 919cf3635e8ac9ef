// The client address behind trusted proxies: a client can prepend whatever it likes to
// X-Forwarded-For, but never the entries the trusted proxies appended.
import { describe, expect, it } from "vitest";
import { clientInfo } from "@/lib/auth/client";

const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff, "user-agent": "UA" });

describe("client address", () => {
  it("one proxy (the default): the right-most entry, whatever the client prepended", () => {
    expect(clientInfo(h("198.51.100.9, 203.0.113.5")).address).toBe("203.0.113.5");
    expect(clientInfo(h("198.51.100.9, 198.51.100.77, 203.0.113.5")).address).toBe("203.0.113.5");
  });
  it("two proxies (CDN + nginx): the entry the outer proxy saw", () => {
    expect(clientInfo(h("1.1.1.1, 203.0.113.5, 10.0.0.2"), 2).address).toBe("203.0.113.5");
    expect(clientInfo(h("203.0.113.5, 10.0.0.2"), 2).address).toBe("203.0.113.5");
  });
  it("fewer entries than hops, IPv4-mapped IPv6, nothing at all", () => {
    expect(clientInfo(h("203.0.113.5"), 3).address).toBe("203.0.113.5");
    expect(clientInfo(h("::ffff:127.0.0.1")).address).toBe("127.0.0.1");
    expect(clientInfo(h()).address).toBe("unknown");
    expect(clientInfo(h("a".repeat(500))).address).toHaveLength(64);
  });
});
