import { formatDateTime } from "@/components/ui/format";
import { cn } from "@/components/ui/cn";

export type TimelineEntry = { id: string; title: string; detail?: string; at: Date | null; tone: "neutral" | "good" | "bad" | "pending" };

const DOT = { neutral: "bg-slate-400", good: "bg-emerald-500", bad: "bg-red-500", pending: "bg-amber-400" };

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="relative space-y-5 border-l border-slate-200 pl-5">
      {entries.map((entry) => (
        <li key={entry.id} className="relative">
          <span
            className={cn("absolute top-1.5 -left-[25px] size-2.5 rounded-full ring-4 ring-white", DOT[entry.tone])}
            aria-hidden="true"
          />
          <p className="text-sm font-medium text-slate-900">{entry.title}</p>
          {entry.detail ? <p className="text-sm text-slate-600">{entry.detail}</p> : null}
          {entry.at ? <p className="text-xs text-slate-500">{formatDateTime(entry.at)}</p> : null}
        </li>
      ))}
    </ol>
  );
}
