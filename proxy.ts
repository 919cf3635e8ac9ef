// Sends anyone not signed in to /login (remembering where they were going). This is routing, not
// the security boundary: every page, action and API checks the actor again on the server.
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { baseAuthConfig } from "@/lib/auth/config";

const { auth } = NextAuth(() => baseAuthConfig());

// /api/vipps/ (Vipps callbacks) and /api/v1/ (the shop, with its API key) check their own callers.
const PUBLIC_PREFIXES = ["/login", "/api/auth/", "/api/health", "/api/vipps/", "/api/v1/"];

const handler = auth((req) => {
  const { pathname, search } = req.nextUrl;
  if (req.auth?.user?.id || PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p))) {
    return NextResponse.next();
  }
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "unauthenticated", message: "Sign in first." }, { status: 401 });
  }
  const login = new URL("/login", req.nextUrl.origin);
  if (pathname !== "/" || search) login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
});

// With a lazily configured NextAuth, auth(callback) resolves to the wrapped handler.
type Handler = (request: NextRequest, event: NextFetchEvent) => Promise<Response>;
const wrapped = handler as unknown as Promise<Handler>;

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  return (await wrapped)(request, event);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
