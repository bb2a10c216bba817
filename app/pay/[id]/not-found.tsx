import { getTranslations } from "next-intl/server";

export default async function PaymentNotFound() {
  const t = await getTranslations("pay");
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="max-w-sm rounded-2xl bg-white p-8 text-center shadow-lg ring-1 ring-slate-200">
        <h1 className="text-lg font-semibold text-slate-900">{t("notFoundTitle")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("notFoundText")}</p>
      </div>
    </main>
  );
}
