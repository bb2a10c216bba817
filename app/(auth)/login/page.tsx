import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { Card, CardBody } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/dashboard/account-forms";
import { getSessionUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("metaTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const [params, t] = await Promise.all([searchParams, getTranslations("auth.login")]);
  const callbackPath = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getSessionUser()) redirect(callbackPath);
  const notice = params.signedOut ? t("signedOut") : params.error ? t("failed") : params.callbackUrl ? t("continue") : undefined;
  return (
    <>
      <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <Card className="mt-8">
        <CardBody className="p-6 sm:p-8">
          <LoginForm callbackPath={callbackPath} notice={notice} />
        </CardBody>
      </Card>
    </>
  );
}
