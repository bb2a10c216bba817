import { formatCount } from "@/components/ui/format";
import { cn } from "@/components/ui/cn";

/** Today's new QR codes against the plan's daily quota for one mode. */
export function UsageMeter({ label, used, quota }: { label: string; used: number; quota: number }) {
  const share = quota > 0 ? Math.min(1, used / quota) : 1;
  return (
    <div>
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        <span className="text-slate-500">
          <span className="font-semibold text-slate-900">{formatCount(used)}</span> / {formatCount(quota)}
        </span>
      </div>
      <div
        className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-label={`${label} usage`}
        aria-valuemin={0}
        aria-valuemax={quota}
        aria-valuenow={used}
      >
        <div
          className={cn("h-full rounded-full", share >= 1 ? "bg-red-600" : share >= 0.8 ? "bg-amber-500" : "bg-emerald-500")}
          style={{ width: `${share * 100}%` }}
        />
      </div>
    </div>
  );
}
