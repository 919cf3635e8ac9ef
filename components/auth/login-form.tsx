"use client";
import { useActionState } from "react";
import { signInAction } from "@/lib/actions/auth/sign-in";
import { errorOf } from "@/lib/actions/result";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { primaryButton } from "@/components/ui/form";

export function LoginForm({ t, callbackUrl }: { t: Dictionary["login"]; callbackUrl: string }) {
  const [result, action, pending] = useActionState(signInAction, {});
  const state = { error: result.data?.error ?? errorOf(result), email: result.data?.email };
  const errorId = "login-error";
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label className="flex flex-col gap-1.5 text-sm font-medium">
        {t.email}
        <input
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={state.email}
          key={state.email}
          autoFocus
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? errorId : undefined}
          className="rounded-lg border border-surface-line bg-surface px-3 py-2 text-base font-normal outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
        />
      </label>
      <label className="flex flex-col gap-1.5 text-sm font-medium">
        {t.password}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? errorId : undefined}
          className="rounded-lg border border-surface-line bg-surface px-3 py-2 text-base font-normal outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
        />
      </label>
      <p
        id={errorId}
        data-testid="login-error"
        aria-live="polite"
        className={state.error ? "rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg" : "sr-only"}
      >
        {state.error}
      </p>
      <button type="submit" disabled={pending} className={`${primaryButton} py-2.5`}>
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}
