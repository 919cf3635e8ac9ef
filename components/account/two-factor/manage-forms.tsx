"use client";
// With two-factor sign-in on: new recovery codes, and turning it off — each with a current code
// (from the app, or a recovery code).
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { errorOf, type ActionState } from "@/lib/actions/result";
import { disableTwoFactorAction } from "@/lib/actions/two-factor/disable-two-factor";
import { regenerateRecoveryCodesAction } from "@/lib/actions/two-factor/regenerate-recovery-codes";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { CodeField, FieldError } from "./code-field";
import { RecoveryCodes } from "./recovery-codes";

type T = Dictionary["twoFactor"];
type Answer = { ok: true } | { ok: false; error: string };

/** One code field and a button; the answer's error (or the pipeline's) under the field. */
function CodeConfirmForm<R extends Answer>({
  id,
  hint,
  t,
  result,
  action,
  pending,
  submit,
  danger = false,
}: {
  id: string;
  hint: string;
  t: T;
  result: ActionState<R>;
  action: (form: FormData) => void;
  pending: boolean;
  submit: { idle: string; busy: string };
  danger?: boolean;
}) {
  const error = result.data && !result.data.ok ? result.data.error : errorOf(result);
  return (
    <form action={action} className="flex flex-col gap-3" data-testid={`${id}-form`} noValidate>
      <p className="text-sm text-ink-muted">{hint}</p>
      <CodeField label={t.codeOrRecovery} error={error} errorId={`${id}-error`} recovery testId={`${id}-code`} />
      <FieldError id={`${id}-error`} error={error} />
      <div>
        <button
          type="submit"
          disabled={pending}
          className={`rounded-lg border px-4 py-2 text-sm font-semibold disabled:opacity-60 ${
            danger ? "border-bad-fg/40 text-bad-fg hover:bg-bad-bg" : "border-surface-line hover:bg-surface-sunken"
          }`}
        >
          {pending ? submit.busy : submit.idle}
        </button>
      </div>
    </form>
  );
}

export function RegenerateForm({ email, t }: { email: string; t: T }) {
  const [result, action, pending] = useActionState(regenerateRecoveryCodesAction, {});
  const router = useRouter();
  if (result.data?.ok)
    return (
      <RecoveryCodes codes={result.data.recoveryCodes} email={email} t={t.recovery} onDone={() => router.refresh()} />
    );
  return (
    <CodeConfirmForm
      id="regenerate"
      hint={t.recovery.regenerateHint}
      t={t}
      result={result}
      action={action}
      pending={pending}
      submit={{ idle: t.recovery.regenerate, busy: t.recovery.regenerating }}
    />
  );
}

export function DisableForm({ t }: { t: T }) {
  const [result, action, pending] = useActionState(disableTwoFactorAction, {});
  return (
    <CodeConfirmForm
      id="disable"
      hint={t.disable.hint}
      t={t}
      result={result}
      action={action}
      pending={pending}
      submit={{ idle: t.disable.submit, busy: t.disable.submitting }}
      danger
    />
  );
}
