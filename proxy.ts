// Runs before every request. It (1) sends anyone without a session cookie to /login, remembering
// where they were going — routing only, not the security boundary: every page, action and API
// decrypts the cookie and checks the session and actor on the server (lib/auth/actor.ts), so the
// cookie is decrypted once per request, there, and not here as well; (2) puts a per-request nonce into the Content-Security-Policy; (3) refuses a
// server action body over the limit with a clear 413 before Next.js would fail on it with a 500.
import { NextResponse, type NextRequest } from "next/server";
import { dictionary } from "@/lib/i18n/dictionaries";
import { interpolate, isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { ACTION_BODY_LIMIT_BYTES, contentSecurityPolicy, PERMISSIONS_POLICY } from "@/lib/security-headers";

/** Auth.js' session cookie, plain or __Secure-, whole or in chunks (.0, .1, …). */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

// /api/vipps/ (Vipps callbacks) and /api/v1/ (the shop, with its API key) check their own callers.
// /set-password/<token>: a one-time link, for someone not signed in yet (the token is the check).
const PUBLIC_PREFIXES = ["/login", "/set-password/", "/api/auth/", "/api/health", "/api/vipps/", "/api/v1/"];

function withSecurityHeaders(req: NextRequest, answer?: NextResponse): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  // Where the request was going, for a sign-in redirect decided deeper down (an ended session).
  headers.set("x-request-path", req.nextUrl.pathname + req.nextUrl.search);
  const res = answer ?? NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  res.headers.set("Permissions-Policy", PERMISSIONS_POLICY);
  if (req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https") {
    res.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  return res;
}

const plain = (status: number, text: string) =>
  new NextResponse(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

function requestDictionary(req: NextRequest) {
  const lang = req.cookies.get(LOCALE_COOKIE)?.value;
  return dictionary(isLocale(lang) ? lang : "nb");
}

/** A server action body over the limit, or of unknown length (chunked), is refused before Next reads it. */
function refusedActionBody(req: NextRequest): NextResponse | null {
  if (req.method !== "POST" || !req.headers.has("next-action")) return null;
  const declared = req.headers.get("content-length");
  const t = requestDictionary(req);
  // Plain text: Next's client shows it as the action's error. Browsers always send a length.
  if (declared === null) return plain(411, t.actions.errors.lengthRequired);
  if (Number(declared) > ACTION_BODY_LIMIT_BYTES)
    return plain(413, interpolate(t.actions.errors.tooLarge, { max: "2 MB" }));
  return null;
}

/** A path Next could not decode (broken percent-encoding) gets a 400 with our headers, not a bare 500. */
function undecodablePath(req: NextRequest): NextResponse | null {
  try {
    decodeURIComponent(req.nextUrl.pathname);
    return null;
  } catch {
    return plain(400, requestDictionary(req).actions.errors.badAddress);
  }
}

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const refused = undecodablePath(req) ?? refusedActionBody(req);
  if (refused) return withSecurityHeaders(req, refused);
  const hasSession = req.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (hasSession || PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p))) {
    return withSecurityHeaders(req);
  }
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "unauthenticated", message: "Sign in first." }, { status: 401 });
  }
  const login = new URL("/login", req.nextUrl.origin);
  if (pathname !== "/" || search) login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
