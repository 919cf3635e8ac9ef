"use client";
// The one input for a second-factor code: a 6-digit code from the app (numeric keypad, the
// browser's one-time-code autofill) or, where allowed, a recovery code (letters too).
import type { Ref } from "react";

export const codeInputClass =
  "w-48 rounded-lg border border-surface-line bg-surface px-3 py-2 font-mono text-base font-normal tracking-widest outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100";

export function CodeField({
  label,
  name = "code",
  error,
  errorId,
  recovery = false,
  autoFocus = false,
  testId,
  inputRef,
}: {
  label: string;
  name?: string;
  error?: string;
  /** The id of the element that shows the error (aria-describedby). */
  errorId: string;
  /** Recovery codes accepted too: letters, not only digits. */
  recovery?: boolean;
  autoFocus?: boolean;
  testId?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <label className="flex flex-col gap-1.5 text-sm font-medium">
      {label}
      <input
        ref={inputRef}
        name={name}
        data-testid={testId}
        autoComplete="one-time-code"
        inputMode={recovery ? "text" : "numeric"}
        autoCapitalize="none"
        spellCheck={false}
        maxLength={64}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        className={codeInputClass}
      />
    </label>
  );
}

export function FieldError({ id, error, testId }: { id: string; error?: string; testId?: string }) {
  return (
    <p
      id={id}
      data-testid={testId}
      aria-live="polite"
      className={error ? "rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg" : "sr-only"}
    >
      {error}
    </p>
  );
}
