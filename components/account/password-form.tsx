"use client";
// A new password, typed twice: the account page (with the current one) and a one-time link (with
// the link's token). The policy is checked on the server; the form says what is wrong in words.
import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { FormMessage, primaryButton } from "@/components/ui/form";
import { TextField } from "@/components/ui/text-field";
import { errorOf } from "@/lib/actions/result";
import { changePasswordAction, setPasswordAction } from "@/lib/actions/users/password";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";

type T = Dictionary["myAccount"];

export function PasswordForm({ t, token, email }: { t: T; token?: string; email?: string }) {
  const [changed, change, changing] = useActionState(changePasswordAction, {});
  const [set, setWithLink, setting] = useActionState(setPasswordAction, {});
  const result = token ? set : changed;
  const pending = token ? setting : changing;
  const data = result.data;
  const error = data && !data.ok ? data.error : errorOf(result);
  const done = data?.ok && !pending ? data : undefined;

  if (token && done)
    return (
      <div className="flex flex-col gap-4">
        <FormMessage testId="password-message" ok={interpolate(t.setPassword.done, { email: done.email ?? "" })} />
        <Link href="/login" className={`${primaryButton} self-start`}>
          {t.setPassword.toLogin}
        </Link>
      </div>
    );

  return (
    <form action={token ? setWithLink : change} className="flex max-w-md flex-col gap-4" data-testid="password-form">
      {token ? <input type="hidden" name="token" value={token} /> : null}
      {/* Lets a password manager file the new password under the right account. */}
      {email ? <input type="hidden" name="username" value={email} autoComplete="username" /> : null}
      {token ? null : (
        <TextField
          id="f-current"
          label={t.password.current}
          name="current"
          type="password"
          required
          autoComplete="current-password"
        />
      )}
      <TextField
        id="f-password"
        label={t.password.next}
        name="password"
        type="password"
        required
        minLength={12}
        autoComplete="new-password"
        help={t.password.help}
      />
      <TextField
        id="f-confirm"
        label={t.password.confirm}
        name="confirm"
        type="password"
        required
        autoComplete="new-password"
      />
      <FormMessage
        result={result}
        testId="password-message"
        error={error}
        ok={done && !token ? interpolate(t.password.changed, { count: String(done.sessionsEnded ?? 0) }) : undefined}
      />
      <div>
        <button type="submit" disabled={pending} className={primaryButton}>
          {token
            ? pending
              ? t.setPassword.submitting
              : t.setPassword.submit
            : pending
              ? t.password.submitting
              : t.password.submit}
        </button>
      </div>
    </form>
  );
}
