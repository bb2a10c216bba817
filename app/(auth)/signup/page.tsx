import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/signup-form";
import { Card, CardBody } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { signUpAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signup");
  return { title: t("metaTitle") };
}

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/dashboard");
  const t = await getTranslations("auth.signup");
  return (
    <>
      <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-center text-sm text-slate-600">{t("lead")}</p>
      <Card className="mt-8">
        <CardBody className="p-6 sm:p-8">
          <SignUpForm action={signUpAction} />
        </CardBody>
      </Card>
    </>
  );
}
