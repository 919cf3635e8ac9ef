"use server";
// The sign-in form's action. Refusals come back as one specific, translated message; wrong email
// and wrong password share one message.
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { safeCallbackPath } from "@/lib/auth/config";
import { parseCredentials } from "@/lib/auth/credentials";
import { lockedUntil } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";

export interface SignInState {
  error?: string;
  email?: string;
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const { locale, t } = await getI18n();
  const raw = { email: form.get("email") ?? undefined, password: form.get("password") ?? undefined };
  const keepEmail = typeof raw.email === "string" && raw.email.length <= 254 ? raw.email : "";
  const messages = {
    email_required: t.login.errors.emailRequired,
    password_required: t.login.errors.passwordRequired,
    email_malformed: t.login.errors.emailMalformed,
    too_long: t.login.errors.tooLong,
    invalid: t.login.errors.invalid,
  } as const;

  const parsed = parseCredentials(raw);
  if (!parsed.ok) return { error: messages[parsed.problem], email: keepEmail };

  try {
    await signIn("credentials", {
      email: parsed.email,
      password: parsed.password,
      redirectTo: safeCallbackPath(form.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      if (error.code === "locked") {
        const until = await lockedUntil(await db(), parsed.email, new Date());
        const time = until ? formatDateTime(until, locale) : "";
        return { error: interpolate(t.login.errors.locked, { time }), email: keepEmail };
      }
      const known = messages[error.code as keyof typeof messages];
      return { error: known ?? t.login.errors.invalid, email: keepEmail };
    }
    if (error instanceof AuthError) return { error: t.login.errors.unexpected, email: keepEmail };
    throw error; // NEXT_REDIRECT on success must propagate
  }
}
