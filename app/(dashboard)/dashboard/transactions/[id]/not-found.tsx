import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function TransactionNotFound() {
  return (
    <div className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <EmptyState
        title="Transaction not found"
        action={
          <Link href="/dashboard/transactions" className={buttonClasses("secondary", "sm")}>
            Back to transactions
          </Link>
        }
      >
        There is no transaction with this id in your account.
      </EmptyState>
    </div>
  );
}
