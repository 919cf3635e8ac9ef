// Auth.js settings shared by the full setup (auth.ts) and the proxy, which must not pull in the
// database. JWT sessions: the token carries user id, role and allowed MSNs for display and routing;
// server-side checks re-read the user from the database (lib/auth/actor.ts).
import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/generated/prisma/enums";
import { env } from "@/lib/env";
import { secrets } from "@/lib/secrets";
import { safeCallbackPath } from "./callback-url";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; msns: string[] };
    /** The server-side session (lib/auth/sessions.ts) this cookie names. */
    sid: string;
  }
  interface User {
    role?: Role;
    msns?: string[];
    sid?: string;
  }
}

/**
 * The cookie's own lifetime from sign-in, the same as a session's absolute limit
 * (SESSION_ABSOLUTE_MS); the server-side session decides (lib/auth/sessions.ts).
 */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function baseAuthConfig(): NextAuthConfig {
  return {
    secret: secrets().authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    // Secure cookies whenever the request came over HTTPS (Auth.js reads the protocol, behind a
    // proxy from X-Forwarded-Proto), with any database; APP_URL=https://… makes it unconditional.
    ...(env().appUrl?.startsWith("https:") ? { useSecureCookies: true } : {}),
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.msns = user.msns;
          token.sid = user.sid;
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = String(token.uid ?? "");
        session.user.role = token.role as Role;
        session.user.msns = (token.msns as string[] | undefined) ?? [];
        session.sid = String(token.sid ?? "");
        return session;
      },
      // Where Auth.js may send the browser after signing in or out: our own paths only.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        // Signing out lands on /login, which is never a destination after signing in.
        return baseUrl + (path === "/login" ? "/login" : safeCallbackPath(path));
      },
    },
    logger: {
      // Failed sign-ins are expected; Auth.js would log each with a stack trace.
      error(error) {
        if (error.name === "CredentialsSignin") return;
        console.error(`[auth] ${error.name}: ${error.message}`);
      },
    },
  };
}

export { safeCallbackPath } from "./callback-url";
