import type { Metadata } from "next";
import Link from "next/link";
import { TransactionFilters } from "@/components/dashboard/transaction-filters";
import { TransactionsTable } from "@/components/dashboard/transactions-table";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { defaultMode } from "@/lib/dashboard/overview";
import { filtersToSearch, firstValues, parseTransactionFilters } from "@/lib/dashboard/transaction-filters";
import { listTransactions } from "@/lib/dashboard/transactions";

export const metadata: Metadata = { title: "Transactions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TransactionsPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = await searchParams;
  const raw = firstValues(params);
  const filters = parseTransactionFilters(params, raw.mode === "live" || raw.mode === "test" ? raw.mode : await defaultMode(user.id));
  const page = await listTransactions(user.id, filters, { after: raw.after, before: raw.before });
  const filtered = Boolean(filters.status || filters.currency || filters.from || filters.to || filters.q);
  const query = filtersToSearch(filters);

  return (
    <>
      <PageHeader
        title="Transactions"
        description="Every QR code your API keys created, newest first. Times are Cambodian time."
        actions={
          <a href={`/dashboard/transactions/export?${query}`} className={buttonClasses("secondary", "md")} download>
            Export CSV
          </a>
        }
      />
      <Card>
        <div className="border-b border-slate-100">
          <TransactionFilters values={filters} />
        </div>
        {page.rows.length > 0 ? (
          <>
            <TransactionsTable rows={page.rows} />
            <nav aria-label="Pagination" className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3 text-sm">
              <span className="text-slate-500">{page.rows.length} shown</span>
              <div className="flex gap-2">
                {page.newerCursor ? (
                  <Link
                    href={`/dashboard/transactions?${filtersToSearch(filters, { before: page.newerCursor })}`}
                    className={buttonClasses("secondary", "sm")}
                    rel="prev"
                  >
                    ← Newer
                  </Link>
                ) : null}
                {page.olderCursor ? (
                  <Link
                    href={`/dashboard/transactions?${filtersToSearch(filters, { after: page.olderCursor })}`}
                    className={buttonClasses("secondary", "sm")}
                    rel="next"
                  >
                    Older →
                  </Link>
                ) : null}
              </div>
            </nav>
          </>
        ) : filtered ? (
          <EmptyState
            title="No transactions match these filters"
            action={
              <Link href={`/dashboard/transactions?mode=${filters.mode}`} className={buttonClasses("secondary", "sm")}>
                Clear filters
              </Link>
            }
          >
            Search matches the start of an order id, a bill number or an md5.
          </EmptyState>
        ) : (
          <EmptyState
            title={`No ${filters.mode} transactions yet`}
            action={
              <Link href="/docs#create-qr" className={buttonClasses("secondary", "sm")}>
                Create your first QR
              </Link>
            }
          >
            {filters.mode === "test"
              ? "QR codes created with your khqr_test_ key appear here; pay them with Simulate payment."
              : "QR codes created with your khqr_live_ key appear here."}
          </EmptyState>
        )}
      </Card>
    </>
  );
}
