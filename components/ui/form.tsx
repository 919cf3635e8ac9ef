// Form pieces shared by the admin and account pages: a labelled field with its help and inline
// error (wired with aria-describedby / aria-invalid), the two button styles, and a result line.
import type { InputHTMLAttributes, ReactNode } from "react";

export const inputClass =
  "w-full rounded-lg border border-surface-line bg-surface px-3 py-2 text-base font-normal text-ink outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-bad-fg sm:text-sm";
export const primaryButton =
  "rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60";
export const secondaryButton =
  "rounded-lg border border-surface-line bg-surface px-3 py-2 text-sm font-medium text-ink hover:bg-surface-sunken disabled:opacity-60";
export const dangerButton =
  "rounded-lg border border-bad-fg/40 bg-surface px-3 py-2 text-sm font-medium text-bad-fg hover:bg-bad-bg disabled:opacity-60";

export function TextField({
  label,
  help,
  error,
  ...input
}: { label: string; help?: ReactNode; error?: string; name: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = `f-${input.name}`;
  const described = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1.5 text-sm">
      <label htmlFor={id} className="font-medium text-ink">
        {label}
      </label>
      <input
        id={id}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {help ? (
        <p id={`${id}-help`} className="text-xs text-ink-muted">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-bad-fg">
          {error}
        </p>
      ) : null}
    </div>
  );
}

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
