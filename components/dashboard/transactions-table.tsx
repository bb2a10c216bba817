"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/format-provider";
import { ModeBadge, StatusBadge } from "@/components/ui/badge";
import type { TransactionListRow } from "@/lib/dashboard/transactions";
import { DataTable } from "@/components/ui/data-table";

export type TransactionRowView = Pick<
  TransactionListRow,
  "id" | "mode" | "status" | "isStatic" | "amount" | "currency" | "orderId" | "billNumber" | "md5" | "createdAt"
>;

/** Transactions as a table on wide screens; each row links to its detail page. */
export function TransactionsTable({ rows, showMode = false }: { rows: TransactionRowView[]; showMode?: boolean }) {
  const t = useTranslations("transactions.table");
  const format = useFormat();
  return (
    <DataTable
      bodyClassName="bg-white"
      columns={[
        { label: t("amount") },
        { label: t("status") },
        { label: t("orderBill") },
        { label: t("md5"), hiddenBelowMd: true },
        { label: t("created"), alignRight: true },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="group relative hover:bg-slate-50">
          <td className="px-5 py-3 font-medium whitespace-nowrap text-slate-900">
            <Link
              href={`/dashboard/transactions/${row.id}`}
              className="after:absolute after:inset-0 focus:outline-none"
              data-testid="transaction-link"
            >
              {row.amount === null ? t("anyAmount") : format.money(row.amount, row.currency)}
            </Link>
            <span className="ml-2 text-xs font-normal text-slate-400">{row.currency}</span>
            {row.isStatic ? <span className="ml-2 text-xs font-normal text-slate-400">{t("static")}</span> : null}
          </td>
          <td className="px-3 py-3 whitespace-nowrap">
            <span className="flex items-center gap-1.5">
              <StatusBadge status={row.status} />
              {showMode ? <ModeBadge mode={row.mode} /> : null}
            </span>
          </td>
          <td className="max-w-[14rem] truncate px-3 py-3 text-slate-700">
            {row.orderId ?? <span className="text-slate-400">—</span>}
            {row.billNumber ? <span className="block truncate text-xs text-slate-400">{t("bill", { bill: row.billNumber })}</span> : null}
          </td>
          <td className="hidden px-3 py-3 font-mono text-xs text-slate-500 md:table-cell">{row.md5.slice(0, 12)}…</td>
          <td className="px-5 py-3 text-right whitespace-nowrap text-slate-500">{format.shortDateTime(row.createdAt)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
