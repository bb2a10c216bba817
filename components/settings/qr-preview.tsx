"use client";

import { useTranslations } from "next-intl";
import { QrCode } from "@/components/ui/qr-code";
import { encodeKhqr } from "@/lib/khqr";
import { khqrAccountFields } from "@/lib/merchants/khqr-input";
import { merchantProfileInput } from "@/lib/merchants/schema";

/** What a static QR of the profile being typed looks like: encoded in the browser by the same codec the API uses. */
export function QrPreview({ values }: { values: Record<string, string> }) {
  const t = useTranslations("profile");
  const parsed = merchantProfileInput.safeParse(values);
  let qr: string | null = null;
  if (parsed.success) {
    try {
      qr = encodeKhqr({ ...khqrAccountFields(parsed.data), currency: parsed.data.currency }).qr;
    } catch {
      qr = null;
    }
  }
  return (
    <div className="flex flex-col items-center self-start rounded-xl border border-dashed border-slate-300 bg-slate-50 p-5 text-center">
      <p className="text-sm font-medium text-slate-800">{t("previewTitle")}</p>
      <p className="mt-0.5 text-xs text-slate-500">{t("previewSubtitle")}</p>
      <div className="mt-4 grid min-h-[208px] w-[208px] place-items-center rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        {qr ? (
          <QrCode value={qr} size={200} label={t("previewLabel")} />
        ) : (
          <p className="px-4 text-xs text-slate-500">{t("previewEmpty")}</p>
        )}
      </div>
      {parsed.success ? (
        <div className="mt-3 text-sm">
          <p className="font-semibold text-slate-900">{parsed.data.merchantName}</p>
          {parsed.data.merchantNameKm ? (
            <p className="font-semibold text-slate-900" lang="km" data-testid="preview-name-km">
              {parsed.data.merchantNameKm}
            </p>
          ) : null}
          <p className="text-xs text-slate-500">
            {parsed.data.merchantCity} · {parsed.data.currency} · {parsed.data.merchantId ? t("merchantAccount") : t("individualAccount")}
          </p>
        </div>
      ) : null}
    </div>
  );
}
