import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("transactions");
  return { title: t("metaTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TransactionsPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = await searchParams;
  const raw = firstValues(params);
  const filters = parseTransactionFilters(params, raw.mode === "live" || raw.mode === "test" ? raw.mode : await defaultMode(user.id));
  const page = await listTransactions(user.id, filters, { after: raw.after, before: raw.before });
  const filtered = Boolean(filters.status || filters.currency || filters.from || filters.to || filters.q);
  const query = filtersToSearch(filters);
  const t = await getTranslations("transactions");

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <a href={`/dashboard/transactions/export?${query}`} className={buttonClasses("secondary", "md")} download>
            {t("export")}
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
            <nav
              aria-label={t("pagination")}
              className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3 text-sm"
            >
              <span className="text-slate-500">{t("shown", { count: page.rows.length })}</span>
              <div className="flex gap-2">
                {page.newerCursor ? (
                  <Link
                    href={`/dashboard/transactions?${filtersToSearch(filters, { before: page.newerCursor })}`}
                    className={buttonClasses("secondary", "sm")}
                    rel="prev"
                  >
                    {t("newer")}
                  </Link>
                ) : null}
                {page.olderCursor ? (
                  <Link
                    href={`/dashboard/transactions?${filtersToSearch(filters, { after: page.olderCursor })}`}
                    className={buttonClasses("secondary", "sm")}
                    rel="next"
                  >
                    {t("older")}
                  </Link>
                ) : null}
              </div>
            </nav>
          </>
        ) : filtered ? (
          <EmptyState
            title={t("noMatchTitle")}
            action={
              <Link href={`/dashboard/transactions?mode=${filters.mode}`} className={buttonClasses("secondary", "sm")}>
                {t("clearFilters")}
              </Link>
            }
          >
            {t("noMatchText")}
          </EmptyState>
        ) : (
          <EmptyState
            title={t("emptyTitle", { mode: filters.mode })}
            action={
              <Link href="/docs#create-qr" className={buttonClasses("secondary", "sm")}>
                {t("createFirst")}
              </Link>
            }
          >
            {filters.mode === "test" ? t("emptyTest") : t("emptyLive")}
          </EmptyState>
        )}
      </Card>
    </>
  );
}
