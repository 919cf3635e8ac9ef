import type { ReactNode } from "react";

export function Card({
  title,
  children,
  className = "",
  testId,
}: {
  title?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section
      data-testid={testId}
      className={`rounded-card border border-surface-line bg-surface p-5 shadow-card ${className}`}
    >
      {title ? <h2 className="mb-3 text-sm font-semibold text-ink-muted">{title}</h2> : null}
      {children}
    </section>
  );
}
