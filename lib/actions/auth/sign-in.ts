"use server";
// The sign-in form's action. Refusals come back as one specific, translated message; wrong email
// and wrong password share one message. The fields are checked by parseCredentials (one code per
// problem) before Auth.js is asked.
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { zfd } from "zod-form-data";
import { redirect } from "next/navigation";
import { signIn, SignInRefused } from "@/auth";
import { publicActionClient } from "@/lib/actions/client";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { parseCredentials } from "@/lib/auth/credentials";
import { lockedUntil } from "@/lib/auth/throttle";
import { setPendingCookie } from "@/lib/auth/two-factor/pending-cookie";
import { ENROL_PATH, twoFactorState } from "@/lib/auth/two-factor/policy";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { interpolate } from "@/lib/i18n/locales";

export interface SignInResult {
  error?: string;
  email?: string;
}

// Types are checked by parseCredentials, which names each problem.
const signInInput = zfd.formData({ email: z.unknown(), password: z.unknown(), callbackUrl: z.unknown() });

export const signInAction = publicActionClient
  .metadata({ name: "sign-in", permission: null })
  .inputSchema(signInInput)
  .stateAction(async ({ parsedInput, ctx: { t, locale } }): Promise<SignInResult> => {
    const raw = { email: parsedInput.email, password: parsedInput.password };
    const keepEmail = typeof raw.email === "string" && raw.email.length <= 254 ? raw.email : "";
    const e = t.login.errors;
    const messages = {
      email_required: e.emailRequired,
      password_required: e.passwordRequired,
      email_malformed: e.emailMalformed,
      too_long: e.tooLong,
      invalid: e.invalid,
      address_throttled: e.addressThrottled,
    } as const;

    const parsed = parseCredentials(raw);
    if (!parsed.ok) return { error: messages[parsed.problem], email: keepEmail };

    const callbackUrl = safeCallbackPath(parsedInput.callbackUrl);
    // A user who must enrol in two-factor sign-in goes straight to enrolment (every other page would
    // send them there; a redirect after this action's own redirect leaves a blank page).
    const user = await (
      await db()
    ).user.findUnique({
      where: { email: parsed.email },
      select: { role: true, totpEnabledAt: true },
    });
    const redirectTo = user && twoFactorState(user).mustEnrol ? ENROL_PATH : callbackUrl;
    try {
      await signIn("credentials", { email: parsed.email, password: parsed.password, redirectTo });
      return {};
    } catch (error) {
      if (error instanceof SignInRefused && error.code === "second_factor" && error.pending) {
        // The password was right; the code step follows on /login, which reads this cookie.
        await setPendingCookie(error.pending);
        redirect(callbackUrl === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      }
      if (error instanceof CredentialsSignin) {
        if (error.code === "locked") {
          const until = await lockedUntil(await db(), parsed.email, new Date());
          const time = until ? formatDateTime(until, locale) : "";
          return { error: interpolate(e.locked, { time }), email: keepEmail };
        }
        const known = messages[error.code as keyof typeof messages];
        return { error: known ?? e.invalid, email: keepEmail };
      }
      if (error instanceof AuthError) return { error: e.unexpected, email: keepEmail };
      throw error; // NEXT_REDIRECT on success must propagate
    }
  });
