import type { ReactNode } from "react";

export function Card({
  title,
  children,
  className = "",
  testId,
  id,
}: {
  title?: ReactNode;
  /** A fragment to link to (#id). */
  id?: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section
      id={id}
      data-testid={testId}
      className={`rounded-card border border-surface-line bg-surface p-5 shadow-card ${className}`}
    >
      {title ? <h2 className="mb-3 text-sm font-semibold text-ink-muted">{title}</h2> : null}
      {children}
    </section>
  );
}
