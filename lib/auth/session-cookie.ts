// The session cookie, decrypted once per request where the request is answered (getActor). Auth.js'
// own reader (getToken: the same secret, the cookie name as salt, chunked cookies, the expiry
// check) — without auth(), which runs Auth.js' whole session endpoint and encrypts a renewed cookie
// that a page cannot even set. Only the cookie counts (getToken would also take an Authorization
// header; the cookie header alone is passed).
import "server-only";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";
import { secrets } from "@/lib/secrets";

export interface SessionIds {
  sessionId: unknown;
  userId: unknown;
}

/**
 * The ids in the request's session cookie, or null. The cookie's name follows Auth.js: the
 * __Secure- one when the app is on HTTPS (APP_URL https, or the request came over https per
 * X-Forwarded-Proto, which Next.js sets), as auth() decides it.
 */
export async function sessionIdsFrom(
  headers: Headers,
  settings: { secret: string; appUrl?: string } = { secret: secrets().authSecret, appUrl: env().appUrl },
): Promise<SessionIds | null> {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  const secureCookie =
    settings.appUrl?.startsWith("https:") === true || (headers.get("x-forwarded-proto") ?? "https") === "https";
  const token = await getToken({ req: { headers: { cookie } }, secret: settings.secret, secureCookie });
  return token ? { sessionId: token.sid, userId: token.uid } : null;
}
