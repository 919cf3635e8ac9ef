"use client";
// With two-factor sign-in on: new recovery codes, and turning it off — each with a current code
// (from the app, or a recovery code).
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { errorOf } from "@/lib/actions/result";
import { disableTwoFactorAction } from "@/lib/actions/two-factor/disable-two-factor";
import { regenerateRecoveryCodesAction } from "@/lib/actions/two-factor/regenerate-recovery-codes";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { CodeField, FieldError } from "./code-field";
import { RecoveryCodes } from "./recovery-codes";

type T = Dictionary["twoFactor"];

export function RegenerateForm({ email, t }: { email: string; t: T }) {
  const [result, action, pending] = useActionState(regenerateRecoveryCodesAction, {});
  const router = useRouter();
  const error = result.data && !result.data.ok ? result.data.error : errorOf(result);
  if (result.data?.ok)
    return (
      <RecoveryCodes codes={result.data.recoveryCodes} email={email} t={t.recovery} onDone={() => router.refresh()} />
    );
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="regenerate-form" noValidate>
      <p className="text-sm text-ink-muted">{t.recovery.regenerateHint}</p>
      <CodeField label={t.codeOrRecovery} error={error} errorId="regenerate-error" recovery />
      <FieldError id="regenerate-error" error={error} />
      <div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg border border-surface-line px-4 py-2 text-sm font-semibold hover:bg-surface-sunken disabled:opacity-60"
        >
          {pending ? t.recovery.regenerating : t.recovery.regenerate}
        </button>
      </div>
    </form>
  );
}

export function DisableForm({ t }: { t: T }) {
  const [result, action, pending] = useActionState(disableTwoFactorAction, {});
  const error = result.data && !result.data.ok ? result.data.error : errorOf(result);
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="disable-form" noValidate>
      <p className="text-sm text-ink-muted">{t.disable.hint}</p>
      <CodeField label={t.codeOrRecovery} error={error} errorId="disable-error" recovery testId="disable-code" />
      <FieldError id="disable-error" error={error} />
      <div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg border border-bad-fg/40 px-4 py-2 text-sm font-semibold text-bad-fg hover:bg-bad-bg disabled:opacity-60"
        >
          {pending ? t.disable.submitting : t.disable.submit}
        </button>
      </div>
    </form>
  );
}
