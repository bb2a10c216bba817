import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default async function TransactionNotFound() {
  const t = await getTranslations("transaction");
  return (
    <div className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <EmptyState
        title={t("notFoundTitle")}
        action={
          <Link href="/dashboard/transactions" className={buttonClasses("secondary", "sm")}>
            {t("notFoundBack")}
          </Link>
        }
      >
        {t("notFoundText")}
      </EmptyState>
    </div>
  );
}
