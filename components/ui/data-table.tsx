import type { ReactNode } from "react";
import { cn } from "./cn";

/** A column heading. `hiddenBelowMd`: left out on phones; `actions`: right-aligned, read only by screen readers. */
export type DataTableColumn = { label: ReactNode; hiddenBelowMd?: boolean; alignRight?: boolean; actions?: boolean };

/**
 * A table inside a card: one heading row, then the caller's rows. On a phone it scrolls sideways inside the
 * card instead of widening the page. The first and last columns line up with the card's own padding.
 */
export function DataTable({
  columns,
  children,
  bodyClassName,
  testId,
}: {
  columns: DataTableColumn[];
  children: ReactNode;
  bodyClassName?: string;
  testId?: string;
}) {
  const edge = (index: number) => index === 0 || index === columns.length - 1;
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-100 text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            {columns.map((column, index) => (
              <th
                key={index}
                scope="col"
                className={cn(
                  edge(index) ? "px-5 py-3" : "px-3 py-3",
                  column.hiddenBelowMd && "hidden md:table-cell",
                  (column.alignRight || column.actions) && "text-right",
                )}
              >
                {column.actions ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={cn("divide-y divide-slate-100", bodyClassName)}>{children}</tbody>
      </table>
    </div>
  );
}
