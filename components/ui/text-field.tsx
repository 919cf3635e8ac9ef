// A labelled input with its help text and its error, tied together for screen readers
// (aria-describedby, aria-invalid). No state of its own: usable from server and client components.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

export const inputClass =
  "rounded-lg border border-surface-line bg-surface px-3 py-2 text-sm font-normal text-ink outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-bad-fg";

interface FieldShell {
  id: string;
  label: ReactNode;
  help?: ReactNode;
  error?: string;
  className?: string;
}

function describedBy(id: string, help: ReactNode, error: string | undefined): string | undefined {
  const ids = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Shell({ id, label, help, error, className = "", children }: FieldShell & { children: ReactNode }) {
  return (
    <div className={`flex flex-col gap-1.5 text-sm ${className}`}>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children}
      {help ? (
        <span id={`${id}-help`} className="text-xs text-ink-muted">
          {help}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="text-xs text-bad-fg" data-testid={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function TextField({
  id,
  label,
  help,
  error,
  className,
  ...input
}: FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className">) {
  return (
    <Shell id={id} label={label} help={help} error={error} className={className}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, help, error)}
        className={inputClass}
        {...input}
      />
    </Shell>
  );
}

export function SelectInput({
  id,
  label,
  help,
  error,
  className,
  options,
  ...select
}: FieldShell &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className"> & {
    options: readonly { value: string; label: string }[];
  }) {
  return (
    <Shell id={id} label={label} help={help} error={error} className={className}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, help, error)}
        className={inputClass}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}
