"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const LINKS: {
  href: string;
  label: "overview" | "transactions" | "paymentLinks" | "receipts" | "apiKeys" | "webhooks" | "notifications" | "settings";
  exact?: boolean;
}[] = [
  { href: "/dashboard", label: "overview", exact: true },
  { href: "/dashboard/transactions", label: "transactions" },
  { href: "/dashboard/payment-links", label: "paymentLinks" },
  { href: "/dashboard/receipts", label: "receipts" },
  { href: "/dashboard/api-keys", label: "apiKeys" },
  { href: "/dashboard/webhooks", label: "webhooks" },
  { href: "/dashboard/settings/notifications", label: "notifications" },
  { href: "/dashboard/settings", label: "settings", exact: true },
];

/** The dashboard's sections; a sidebar on wide screens, a scrolling tab row on phones. */
export function DashboardNav() {
  const pathname = usePathname();
  const t = useTranslations("dashboard.nav");
  return (
    <nav aria-label={t("label")} className="flex gap-1 overflow-x-auto lg:flex-col">
      {LINKS.map((link) => {
        const active = link.exact ? pathname === link.href : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
              active ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:bg-white/60 hover:text-slate-900",
            )}
          >
            {t(link.label)}
          </Link>
        );
      })}
      <Link
        href="/docs"
        className="rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-600 hover:bg-white/60 hover:text-slate-900"
      >
        {t("apiDocs")}
      </Link>
    </nav>
  );
}
