// The spike webhook never connects into a private network (SSRF), whatever the URL says: a literal
// private address, a hostname that resolves to one, an IPv4-mapped IPv6 address.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicAddress, publicFetch } from "@/lib/spikes/public-fetch";
import { failureOf } from "@/lib/spikes/webhook";

describe("isPublicAddress", () => {
  it.each([
    ["127.0.0.1", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["172.31.255.255", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["::1", false],
    ["::", false],
    ["fd00::1", false],
    ["fe80::1", false],
    ["::ffff:10.0.0.1", false],
    ["::ffff:127.0.0.1", false],
    ["not an ip", false],
    ["8.8.8.8", true],
    ["172.32.0.1", true],
    ["151.101.1.69", true],
    ["2606:4700::6810:84e5", true],
    ["::ffff:8.8.8.8", true],
  ])("%s → %s", (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

describe("publicFetch", () => {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res.end("ok");
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it.each(["127.0.0.1", "localhost", "[::ffff:127.0.0.1]"])(
    "refuses %s and never reaches the receiver",
    async (host) => {
      // The receiver is there (plain fetch reaches it); the guarded fetch must not.
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
      const before = hits;
      const err = await publicFetch(`http://${host}:${port}/hook`, { method: "POST", body: "{}" }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Error);
      expect(failureOf(err)).toBe("private");
      expect(hits).toBe(before);
    },
  );
});
