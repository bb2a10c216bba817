import { CopyButton } from "@/components/ui/copy-button";

export function CodeBlock({ code, title }: { code: string; title?: string }) {
  return (
    <div className="overflow-hidden rounded-xl bg-slate-900 ring-1 ring-slate-800">
      <div className="flex items-center justify-between border-b border-slate-800 px-4 py-1.5">
        <span className="text-xs font-medium text-slate-400">{title ?? ""}</span>
        <CopyButton value={code} />
      </div>
      <pre className="overflow-x-auto p-4 text-[13px] leading-6 text-slate-100">
        <code>{code}</code>
      </pre>
    </div>
  );
}
