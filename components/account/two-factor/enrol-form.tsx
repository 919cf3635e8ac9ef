"use client";
// Enrolment: the QR code and the same secret as text, then a code from the app to prove it works.
// Nothing is stored until that code is right; then the recovery codes are shown once.
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { confirmTwoFactorAction } from "@/lib/actions/two-factor/confirm-two-factor";
import { errorOf } from "@/lib/actions/result";
import type { EnrolmentOffer } from "@/lib/auth/two-factor/enrolment";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { CodeField, FieldError } from "./code-field";
import { RecoveryCodes } from "./recovery-codes";
import { primaryButton } from "@/components/ui/form";

type Offer = Pick<EnrolmentOffer, "secret" | "qrDataUri" | "token">;

/** The secret in groups of four, easier to read and type. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, "$1 ");

export function EnrolForm({
  offer,
  email,
  t,
  required,
}: {
  offer: Offer;
  email: string;
  t: Dictionary["twoFactor"];
  /** The user's role requires two-factor sign-in (the rest of the app waits for it). */
  required: boolean;
}) {
  // The first offer stays, even if the page renders again with a new one: the app has scanned this.
  const [shown] = useState(offer);
  const [result, action, pending] = useActionState(confirmTwoFactorAction, {});
  const router = useRouter();
  const error = result.data && !result.data.ok ? result.data.error : errorOf(result);
  if (result.data?.ok)
    return (
      <RecoveryCodes
        codes={result.data.recoveryCodes}
        email={email}
        t={t.recovery}
        lead={t.enrol.done}
        onDone={() => router.refresh()}
      />
    );
  const e = t.enrol;
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="enrol-form" noValidate>
      <input type="hidden" name="token" value={shown.token} />
      {/* Inside the form: once the code is right, the recovery codes take its place, and "off" goes. */}
      {required ? (
        <p data-testid="two-factor-required" className="rounded-lg bg-warn-bg px-4 py-3 text-sm text-warn-fg">
          {t.page.requiredNotice}
        </p>
      ) : null}
      <p className="text-sm font-medium" data-testid="two-factor-state" data-on="false">
        {t.page.statusOff}
      </p>
      <p className="text-sm">{e.scan}</p>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URI drawn on the server */}
        <img
          src={shown.qrDataUri}
          alt={e.qrAlt}
          width={176}
          height={176}
          className="h-44 w-44 shrink-0 rounded-lg border border-surface-line bg-white p-1"
        />
        <div className="flex min-w-0 flex-col gap-1.5 text-sm">
          <p className="text-ink-muted">{e.manual}</p>
          <p className="sr-only">{e.secretLabel}</p>
          <code
            data-testid="totp-secret"
            data-secret={shown.secret}
            className="break-all rounded-lg bg-surface-sunken px-3 py-2 font-mono text-base tracking-wide"
          >
            {grouped(shown.secret)}
          </code>
        </div>
      </div>
      <p className="text-sm">{e.enterCode}</p>
      <CodeField label={e.codeLabel} error={error} errorId="enrol-error" testId="enrol-code" />
      <FieldError id="enrol-error" error={error} testId="enrol-error" />
      <div>
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? e.submitting : e.submit}
        </button>
      </div>
    </form>
  );
}
