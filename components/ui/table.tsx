import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

/**
 * Gives each cell of each row the column's heading as `data-label`, which the phone layout shows
 * before the value (app/globals.css, `.table-stack`). Rows made by a component of their own keep
 * their cells as they are: they still stack, only without labels.
 */
function labelCells(rows: ReactNode, head: ReactNode[]): ReactNode {
  return Children.map(rows, (row) => {
    if (!isValidElement<{ children?: ReactNode }>(row) || row.type !== "tr") return row;
    let column = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement(cell)) return cell;
      const label = head[column++];
      return typeof label === "string"
        ? cloneElement(cell as ReactElement<{ "data-label"?: string }>, { "data-label": label })
        : cell;
    });
    return cloneElement(row, undefined, cells);
  });
}

export function Table({
  head,
  children,
  empty,
  testId,
  title,
  className = "",
  stackOnPhone = true,
}: {
  head: ReactNode[];
  children: ReactNode;
  empty?: ReactNode;
  testId?: string;
  /** A heading inside the card, above the table. */
  title?: ReactNode;
  /** E.g. "hidden md:block" where a page shows its own rows at phone width. */
  className?: string;
  /** Below `md`, each row is a card: the first cell as its title, the others labelled. */
  stackOnPhone?: boolean;
}) {
  return (
    <div className={`overflow-x-auto rounded-card border border-surface-line bg-surface shadow-card ${className}`}>
      {title ? <h2 className="px-4 pt-4 pb-2 text-sm font-semibold text-ink-muted">{title}</h2> : null}
      <table data-testid={testId} className={`w-full text-left text-sm ${stackOnPhone ? "table-stack" : ""}`}>
        <thead className="border-b border-surface-line bg-surface-sunken text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className="px-4 py-2.5 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-surface-line">{stackOnPhone ? labelCells(children, head) : children}</tbody>
      </table>
      {empty ? <p className="px-4 py-8 text-center text-sm text-ink-muted">{empty}</p> : null}
    </div>
  );
}

export function Td({
  children,
  className = "",
  ...rest
}: {
  children: ReactNode;
  className?: string;
  "data-label"?: string;
  /** A first cell with more than an ID (a sentence, a remedy): it wraps at phone width. */
  "data-wrap"?: boolean;
}) {
  return (
    <td className={`px-4 py-2.5 align-top ${className}`} {...rest}>
      {children}
    </td>
  );
}
