// Form pieces shared by the admin and account pages: the button styles and a result line. Fields:
// components/ui/text-field.tsx.
import type { ReactNode } from "react";

export const primaryButton =
  "rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60";
export const secondaryButton =
  "rounded-lg border border-surface-line bg-surface px-3 py-2 text-sm font-medium text-ink hover:bg-surface-sunken disabled:opacity-60";
export const dangerButton =
  "rounded-lg border border-bad-fg/40 bg-surface px-3 py-2 text-sm font-medium text-bad-fg hover:bg-bad-bg disabled:opacity-60";

/** The outcome of a form: an error (role=alert) or a confirmation (polite). */
export function FormMessage({ error, ok, testId }: { error?: string; ok?: ReactNode; testId?: string }) {
  if (error)
    return (
      <p role="alert" data-testid={testId} className="rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg">
        {error}
      </p>
    );
  if (ok)
    return (
      <p aria-live="polite" data-testid={testId} className="rounded-lg bg-ok-bg px-3 py-2 text-sm text-ok-fg">
        {ok}
      </p>
    );
  return null;
}
