"use server";
// The code step of signing in (users with two-factor sign-in): the pending token from the httpOnly
// cookie the password step set, and the code typed here, go to Auth.js' "totp" provider
// (lib/auth/two-factor/sign-in.ts). The password is never sent again.
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { zfd } from "zod-form-data";
import { signIn } from "@/auth";
import { publicActionClient } from "@/lib/actions/client";
import { codeRefusalMessage } from "@/lib/actions/two-factor/codes";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { lockedUntil } from "@/lib/auth/throttle";
import { readPendingToken } from "@/lib/auth/two-factor/pending";
import { clearPendingCookie, readPendingCookie } from "@/lib/auth/two-factor/pending-cookie";
import { db } from "@/lib/db/client";

export interface CodeStepResult {
  error?: string;
  /** The pending sign-in is gone: the form offers signing in again. */
  expired?: boolean;
}

const input = zfd.formData({ code: z.unknown(), callbackUrl: z.unknown() });

export const verifySignInCodeAction = publicActionClient
  .metadata({ name: "verify-sign-in-code", permission: null })
  .inputSchema(input)
  .stateAction(async ({ parsedInput, ctx: { t, locale } }): Promise<CodeStepResult> => {
    const e = t.twoFactor.errors;
    const code = typeof parsedInput.code === "string" ? parsedInput.code.trim() : "";
    if (!code) return { error: e.codeRequired };
    const pending = await readPendingCookie();
    try {
      await signIn("totp", { pending: pending ?? "", code, redirectTo: safeCallbackPath(parsedInput.callbackUrl) });
      return {};
    } catch (error) {
      if (error instanceof CredentialsSignin) {
        switch (error.code) {
          case "expired":
            await clearPendingCookie();
            return { error: e.expired, expired: true };
          case "code_required":
            return { error: e.codeRequired };
          case "address_throttled":
            return { error: e.addressThrottled };
          case "locked": {
            const prisma = await db();
            const userId = readPendingToken(pending, new Date())?.userId;
            const user = userId
              ? await prisma.user.findUnique({ where: { id: userId }, select: { email: true } })
              : null;
            const until = user ? await lockedUntil(prisma, user.email, new Date()) : null;
            return {
              error: until
                ? codeRefusalMessage(t, locale, { ok: false, reason: "locked", lockedUntil: until })
                : e.invalidCode,
            };
          }
          default:
            return { error: e.invalidCode };
        }
      }
      if (error instanceof AuthError) return { error: t.login.errors.unexpected };
      await clearPendingCookie(); // signed in: NEXT_REDIRECT follows
      throw error;
    }
  });
