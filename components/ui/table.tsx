import type { ReactNode } from "react";

export function Table({
  head,
  children,
  empty,
  testId,
  title,
  className = "",
}: {
  head: ReactNode[];
  children: ReactNode;
  empty?: ReactNode;
  testId?: string;
  /** A heading inside the card, above the table. */
  title?: ReactNode;
  /** E.g. "hidden md:block" where a page shows its own rows at phone width. */
  className?: string;
}) {
  return (
    <div className={`overflow-x-auto rounded-card border border-surface-line bg-surface shadow-card ${className}`}>
      {title ? <h2 className="px-4 pt-4 pb-2 text-sm font-semibold text-ink-muted">{title}</h2> : null}
      <table data-testid={testId} className="w-full text-left text-sm">
        <thead className="border-b border-surface-line bg-surface-sunken text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className="px-4 py-2.5 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-surface-line">{children}</tbody>
      </table>
      {empty ? <p className="px-4 py-8 text-center text-sm text-ink-muted">{empty}</p> : null}
    </div>
  );
}

export function Td({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <td className={`px-4 py-2.5 align-top ${className}`}>{children}</td>;
}
