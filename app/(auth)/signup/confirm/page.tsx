import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkConfirmCard } from "@/components/account/link-confirm-card";
import { confirmSignUpAction } from "../actions";

// The token is in the address: no Referer may carry it to another site.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signupConfirm");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConfirmSignUpPage({ searchParams }: Props) {
  const [{ token }, t] = await Promise.all([searchParams, getTranslations("auth.signupConfirm")]);
  return (
    <>
      <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-center text-sm text-slate-600">{t("lead")}</p>
      <LinkConfirmCard action={confirmSignUpAction} token={token} submitLabel={t("submit")} pendingText={t("pending")} />
    </>
  );
}
