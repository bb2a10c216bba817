import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/account/account-form";
import { Card, CardBody } from "@/components/ui/card";
import { resetPasswordAction } from "./actions";

// The token is in the address: no Referer may carry it to another site.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.reset");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const [{ token }, t] = await Promise.all([searchParams, getTranslations("auth.reset")]);
  return (
    <>
      <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-center text-sm text-slate-600">{t("lead")}</p>
      <Card className="mt-8">
        <CardBody className="space-y-5 p-6 sm:p-8">
          <AccountForm
            action={resetPasswordAction}
            fields={[
              { label: "Token", name: "token", type: "hidden", value: typeof token === "string" ? token : "" },
              { label: t("newPassword"), name: "password", type: "password", autoComplete: "new-password" },
            ]}
            submitLabel={t("submit")}
            pendingText={t("pending")}
            fullWidth
          />
          <p className="text-center text-sm text-slate-600">
            <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
              {t("newLink")}
            </Link>
          </p>
        </CardBody>
      </Card>
    </>
  );
}
