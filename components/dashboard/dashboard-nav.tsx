"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const LINKS = [
  { href: "/dashboard", label: "Overview", exact: true },
  { href: "/dashboard/transactions", label: "Transactions" },
  { href: "/dashboard/payment-links", label: "Payment links" },
  { href: "/dashboard/receipts", label: "Verify receipt" },
  { href: "/dashboard/api-keys", label: "API keys" },
  { href: "/dashboard/webhooks", label: "Webhooks" },
  { href: "/dashboard/settings/notifications", label: "Notifications" },
  { href: "/dashboard/settings", label: "Settings", exact: true },
];

/** The dashboard's sections; a sidebar on wide screens, a scrolling tab row on phones. */
export function DashboardNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard" className="flex gap-1 overflow-x-auto lg:flex-col">
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
            {link.label}
          </Link>
        );
      })}
      <Link
        href="/docs"
        className="rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-600 hover:bg-white/60 hover:text-slate-900"
      >
        API docs ↗
      </Link>
    </nav>
  );
}
