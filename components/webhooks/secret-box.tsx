import { CopyButton } from "@/components/ui/copy-button";

/** An endpoint's signing secret, shown because the merchant asked for it. */
export function SecretBox({ value }: { value: string }) {
  return (
    <div className="mt-3 rounded-lg border border-slate-200 bg-slate-50 p-3">
      <div className="mb-2 flex items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-800">Signing secret</p>
        <CopyButton value={value} label="Copy secret" />
      </div>
      <code
        data-testid="webhook-secret"
        className="block overflow-x-auto rounded bg-white px-3 py-2 font-mono text-[13px] break-all text-slate-900 ring-1 ring-slate-200 select-all"
      >
        {value}
      </code>
      <p className="mt-2 text-xs text-slate-500">Verify X-KHQR-Signature with it on your server. Never put it in a browser or app.</p>
    </div>
  );
}
