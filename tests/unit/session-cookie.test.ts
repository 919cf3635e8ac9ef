// The session cookie read once per request (lib/auth/session-cookie.ts) and the proxy's routing on
// its presence: Auth.js' own tokens only, under the right cookie name, never from another header.
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { sessionIdsFrom } from "@/lib/auth/session-cookie";
import { proxy } from "@/proxy";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const settings = { secret };
const ids = { sid: "0b6f1b9e-3c1a-4f6e-9a51-2d3c4b5a6e7f", uid: "5d1c7e0a-9b7f-4a43-8d6e-1f2a3b4c5d6e" };
const token = (name: string, opts: { secret?: string; maxAge?: number } = {}) =>
  encode({ token: { ...ids, role: "finance" }, secret: opts.secret ?? secret, salt: name, maxAge: opts.maxAge });
const plain = "authjs.session-token";
const secure = "__Secure-authjs.session-token";
const req = (h: Record<string, string>) => new Headers({ "x-forwarded-proto": "http", ...h });

describe("the session cookie", () => {
  it("gives the session and user ids of Auth.js' own token", async () => {
    const h = req({ cookie: `other=1; ${plain}=${await token(plain)}` });
    expect(await sessionIdsFrom(h, settings)).toEqual({ sessionId: ids.sid, userId: ids.uid });
  });

  it("is nobody without a cookie, with another secret's token, a changed token or an expired one", async () => {
    expect(await sessionIdsFrom(req({}), settings)).toBeNull();
    const forged = await token(plain, { secret: "another-secret-that-is-long-enough-987654321" });
    expect(await sessionIdsFrom(req({ cookie: `${plain}=${forged}` }), settings)).toBeNull();
    const good = await token(plain);
    const changed = `${good.slice(0, -4)}${good.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await sessionIdsFrom(req({ cookie: `${plain}=${changed}` }), settings)).toBeNull();
    const expired = await token(plain, { maxAge: -60 });
    expect(await sessionIdsFrom(req({ cookie: `${plain}=${expired}` }), settings)).toBeNull();
  });

  it("reads only the cookie: a valid token in an Authorization header is not a session", async () => {
    expect(await sessionIdsFrom(req({ authorization: `Bearer ${await token(plain)}` }), settings)).toBeNull();
  });

  it("over HTTPS reads the __Secure- cookie and nothing else, as Auth.js does", async () => {
    const overHttps = (cookie: string) => new Headers({ "x-forwarded-proto": "https", cookie });
    expect(await sessionIdsFrom(overHttps(`${secure}=${await token(secure)}`), settings)).toEqual({
      sessionId: ids.sid,
      userId: ids.uid,
    });
    expect(await sessionIdsFrom(overHttps(`${plain}=${await token(plain)}`), settings)).toBeNull();
    // APP_URL https: the __Secure- cookie whatever the request said.
    const h = req({ cookie: `${plain}=${await token(plain)}` });
    expect(await sessionIdsFrom(h, { secret, appUrl: "https://ops.example.no" })).toBeNull();
    // A token made for one name does not open under the other.
    expect(await sessionIdsFrom(overHttps(`${secure}=${await token(plain)}`), settings)).toBeNull();
  });
});

describe("the proxy (routing only)", () => {
  const at = (path: string, cookie?: string) =>
    proxy(new NextRequest(`http://localhost${path}`, { headers: cookie ? { cookie } : {} }));

  it("sends a request without a session cookie to /login, keeping the page; an API call gets 401", async () => {
    const page = at("/history?status=reserved");
    expect(page.status).toBe(307);
    expect(new URL(page.headers.get("location")!).searchParams.get("callbackUrl")).toBe("/history?status=reserved");
    expect(at("/api/history/212345/export").status).toBe(401);
    expect(at("/history", "theme=dark").status).toBe(307);
  });

  it("lets a request with a session cookie (whole or chunked) through to the page, which checks it", async () => {
    for (const cookie of [`${plain}=x`, `${secure}=x`, `${plain}.0=x; ${plain}.1=y`]) {
      const res = at("/history", cookie);
      expect(res.headers.get("x-middleware-next"), cookie).toBe("1");
    }
  });
});
