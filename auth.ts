// Auth.js v5 with email + password. Configured lazily, so secrets are read at request time.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/authenticate";
import { clientInfo } from "@/lib/auth/client";
import { endSession } from "@/lib/auth/sessions";
import { completeSignIn } from "@/lib/auth/two-factor/sign-in";
import { baseAuthConfig } from "@/lib/auth/config";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { appLimiters } from "@/lib/limits/app";

/**
 * Carries the refusal reason (invalid, locked, email_required, …) to the sign-in action; for
 * "second_factor" also the pending token (never in the message, which Auth.js logs).
 */
export class SignInRefused extends CredentialsSignin {
  constructor(
    reason: string,
    readonly pending?: string,
  ) {
    super(reason);
    this.code = reason;
  }
}

const signInOptions = (request: Request) => ({
  client: clientInfo(request.headers, env().trustedProxyHops),
  addressLimiter: appLimiters().signInFailuresPerAddress,
});

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...baseAuthConfig(),
  events: {
    // Auth.js' own sign-out endpoint (/api/auth/signout) ends the server-side session as well, so a
    // saved cookie is worthless whichever way the user signed out.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string" && /^[0-9a-f-]{36}$/.test(sid)) await endSession(await db(), sid, "sign_out");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        // Only email and password are read; any other field (a smuggled role or MSN) is ignored.
        const outcome = await authenticate(
          await db(),
          { email: credentials?.email, password: credentials?.password },
          new Date(),
          signInOptions(request),
        );
        if (!outcome.ok) throw new SignInRefused(outcome.reason, "pending" in outcome ? outcome.pending : undefined);
        return outcome.user;
      },
    }),
    // The second step for users with two-factor sign-in: the pending token from the first step and a
    // code (lib/auth/two-factor/sign-in.ts). The password is not sent again.
    Credentials({
      id: "totp",
      credentials: { pending: {}, code: {} },
      async authorize(credentials, request) {
        const outcome = await completeSignIn(
          await db(),
          { pending: credentials?.pending, code: credentials?.code },
          new Date(),
          signInOptions(request),
        );
        if (!outcome.ok) throw new SignInRefused(outcome.reason);
        return outcome.user;
      },
    }),
  ],
}));
