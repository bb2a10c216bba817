import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import type { Mode } from "@/lib/config/enums";

export type FilterValues = { mode: Mode; status?: string; currency?: string; from?: string; to?: string; q?: string };

const CONTROL =
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-500 focus:outline-none";

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked, shared and exported. */
export function TransactionFilters({ values }: { values: FilterValues }) {
  const t = useTranslations("transactions.filters");
  const status = useTranslations("dashboard.status");
  return (
    <form
      method="get"
      action="/dashboard/transactions"
      className="grid grid-cols-1 gap-3 p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.6fr)_repeat(5,minmax(0,1fr))_auto]"
      role="search"
      aria-label={t("label")}
    >
      <div>
        <label htmlFor="q" className="mb-1 block text-xs font-medium text-slate-600">
          {t("search")}
        </label>
        <input id="q" name="q" type="search" defaultValue={values.q} placeholder={t("searchPlaceholder")} className={CONTROL} />
      </div>
      <FilterSelect
        name="mode"
        label={t("mode")}
        value={values.mode}
        options={[
          ["live", t("live")],
          ["test", t("test")],
        ]}
      />
      <FilterSelect
        name="status"
        label={t("status")}
        value={values.status ?? ""}
        options={[
          ["", t("any")],
          ["pending", status("pending")],
          ["paid", status("paid")],
          ["expired", status("expired")],
          ["static", status("static")],
        ]}
      />
      <FilterSelect
        name="currency"
        label={t("currency")}
        value={values.currency ?? ""}
        options={[
          ["", t("any")],
          ["USD", "USD"],
          ["KHR", "KHR"],
        ]}
      />
      <div>
        <label htmlFor="from" className="mb-1 block text-xs font-medium text-slate-600">
          {t("from")}
        </label>
        <input id="from" name="from" type="date" defaultValue={values.from} className={CONTROL} />
      </div>
      <div>
        <label htmlFor="to" className="mb-1 block text-xs font-medium text-slate-600">
          {t("to")}
        </label>
        <input id="to" name="to" type="date" defaultValue={values.to} className={CONTROL} />
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClasses("primary", "md")}>
          {t("apply")}
        </button>
        <Link href={`/dashboard/transactions?mode=${values.mode}`} className={buttonClasses("ghost", "md")}>
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}

function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: [value: string, text: string][];
}) {
  return (
    <div>
      <label htmlFor={name} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value} className={CONTROL}>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
