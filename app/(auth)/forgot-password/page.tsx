import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/account/account-form";
import { Card, CardBody } from "@/components/ui/card";
import { forgotPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.forgot");
  return { title: t("metaTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">{t("forgot.title")}</h1>
      <p className="mt-2 text-center text-sm text-slate-600">{t("forgot.lead")}</p>
      <Card className="mt-8">
        <CardBody className="space-y-5 p-6 sm:p-8">
          <AccountForm
            action={forgotPasswordAction}
            fields={[{ label: t("email"), name: "email", type: "email", autoComplete: "email" }]}
            submitLabel={t("forgot.submit")}
            pendingText={t("forgot.pending")}
            fullWidth
          />
          <p className="text-center text-sm text-slate-600">
            <Link href="/login" className="font-medium text-brand-700 hover:underline">
              {t("forgot.back")}
            </Link>
          </p>
        </CardBody>
      </Card>
    </>
  );
}
