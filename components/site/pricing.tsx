import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { PLANS, type Plan } from "@/lib/config/plans";

const HIGHLIGHTED: Plan = "starter";

/** The plans exactly as lib/config/plans.ts enforces them. */
export function Pricing() {
  return (
    <div className="grid gap-6 md:grid-cols-3">
      {(Object.entries(PLANS) as [Plan, (typeof PLANS)[Plan]][]).map(([id, plan]) => (
        <div
          key={id}
          className={cn(
            "flex flex-col rounded-2xl bg-white p-6 shadow-sm ring-1",
            id === HIGHLIGHTED ? "ring-2 ring-brand-500" : "ring-slate-200",
          )}
        >
          <div className="flex items-center justify-between">
            <h3 className="text-lg font-semibold text-slate-900">{plan.name}</h3>
            {id === HIGHLIGHTED ? (
              <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-700">Popular</span>
            ) : null}
          </div>
          <p className="mt-4 text-3xl font-semibold tracking-tight text-slate-900">{plan.price}</p>
          <p className="mt-2 text-sm text-slate-600">{plan.description}</p>
          <ul className="mt-6 space-y-2 text-sm text-slate-700">
            <li>{plan.dailyQrQuota.live.toLocaleString("en-US")} live QR codes per day</li>
            <li>{plan.dailyQrQuota.test.toLocaleString("en-US")} sandbox QR codes per day</li>
            <li>Payment status API and signed webhooks</li>
            <li>Hosted payment page</li>
          </ul>
          <div className="mt-auto pt-6">
            <Link href="/signup" className={buttonClasses(id === HIGHLIGHTED ? "primary" : "secondary", "md", "w-full")}>
              {id === "free" ? "Start for free" : "Start free, upgrade any time"}
            </Link>
          </div>
        </div>
      ))}
    </div>
  );
}
