"use client";
// The code step of signing in: a 6-digit code from the app, or (switch) a recovery code. The
// password is not here: the first step left a signed, httpOnly "password was right" cookie.
import { useActionState, useState } from "react";
import { CodeField, FieldError } from "@/components/account/two-factor/code-field";
import { cancelSignInCodeFormAction } from "@/lib/actions/auth/cancel-sign-in-code";
import { verifySignInCodeAction } from "@/lib/actions/auth/verify-sign-in-code";
import { errorOf } from "@/lib/actions/result";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import { primaryButton } from "@/components/ui/form";

export function SecondFactorForm({
  t,
  email,
  callbackUrl,
}: {
  t: Dictionary["twoFactor"]["signIn"];
  email: string;
  callbackUrl: string;
}) {
  const [result, action, pending] = useActionState(verifySignInCodeAction, {});
  const [recovery, setRecovery] = useState(false);
  const error = result.data?.error ?? errorOf(result);
  const errorId = "code-error";
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <p className="mt-1 text-sm text-ink-muted">{recovery ? t.recoverySubtitle : t.subtitle}</p>
        <p className="mt-2 text-xs text-ink-faint" data-testid="signing-in-as">
          {interpolate(t.signingInAs, { email })}
        </p>
      </div>
      {result.data?.expired ? (
        <FieldError id={errorId} error={error} testId="login-error" />
      ) : (
        <form action={action} className="flex flex-col gap-4" noValidate data-testid="code-step">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <CodeField
            key={recovery ? "recovery" : "totp"}
            label={recovery ? t.recoveryLabel : t.codeLabel}
            error={error}
            errorId={errorId}
            recovery={recovery}
            autoFocus
            testId="sign-in-code"
          />
          <FieldError id={errorId} error={error} testId="login-error" />
          <button type="submit" disabled={pending} className={`${primaryButton} py-2.5`}>
            {pending ? t.submitting : t.submit}
          </button>
          <button
            type="button"
            data-testid="toggle-recovery"
            onClick={() => setRecovery((r) => !r)}
            className="text-left text-sm text-brand-700 underline-offset-2 hover:underline"
          >
            {recovery ? t.useApp : t.useRecovery}
          </button>
        </form>
      )}
      <form action={cancelSignInCodeFormAction}>
        <button
          type="submit"
          data-testid="start-over"
          className="text-sm text-ink-muted underline-offset-2 hover:text-ink hover:underline"
        >
          {t.startOver}
        </button>
      </form>
    </div>
  );
}
