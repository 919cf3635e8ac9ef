// Auth.js settings shared by the full setup (auth.ts) and the proxy, which must not pull in the
// database. JWT sessions: the token carries user id, role and allowed MSNs for display and routing;
// server-side checks re-read the user from the database (lib/auth/actor.ts).
import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/generated/prisma/enums";
import { env } from "@/lib/env";
import { secrets } from "@/lib/secrets";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; msns: string[] };
  }
  interface User {
    role?: Role;
    msns?: string[];
  }
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // a working day

export function baseAuthConfig(): NextAuthConfig {
  return {
    secret: secrets().authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    useSecureCookies: env().nodeEnv === "production" && env().database.driver === "pg",
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.msns = user.msns;
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = String(token.uid ?? "");
        session.user.role = token.role as Role;
        session.user.msns = (token.msns as string[] | undefined) ?? [];
        return session;
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

/** Only same-site relative paths: never redirect to another origin after sign-in. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return "/";
  if (value.startsWith("/login") || value.startsWith("/api/auth")) return "/";
  return value.length > 2000 ? "/" : value;
}
