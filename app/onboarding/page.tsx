import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RevealedKey } from "@/components/dashboard/revealed-key";
import { ProfileForm } from "@/components/settings/profile-form";
import { Logo } from "@/components/site/logo";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { readOnboardingKeys } from "@/lib/dashboard/onboarding-keys";
import { profileFormValues } from "@/lib/dashboard/profile-values";
import { getMerchantProfile } from "@/lib/merchants";
import { finishOnboarding, skipOnboarding } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding");
  return { title: t("metaTitle") };
}

export default async function OnboardingPage() {
  const user = await requireUser();
  const [keys, profile, t] = await Promise.all([readOnboardingKeys(), getMerchantProfile(user.id), getTranslations("onboarding")]);
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="mx-auto flex max-w-4xl items-center justify-between px-4 py-5 sm:px-6">
        <Logo href="/dashboard" />
        <form action={skipOnboarding}>
          <button type="submit" className="text-sm text-slate-600 hover:text-slate-900">
            {t("skip")}
          </button>
        </form>
      </header>
      <main className="mx-auto max-w-4xl space-y-6 px-4 pb-16 sm:px-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("lead", { email: user.email })}</p>
        </div>

        <Card>
          <CardHeader title={t("keysTitle")} description={t("keysDescription")} />
          <CardBody className="space-y-3">
            {keys ? (
              <>
                <Alert tone="warning">{t("keysWarning")}</Alert>
                {keys.map((key) => (
                  <RevealedKey key={key.mode} mode={key.mode} value={key.key} label={key.mode === "live" ? t("liveKey") : t("testKey")} />
                ))}
              </>
            ) : (
              <Alert tone="info">
                {t.rich("keysGone", {
                  link: (chunks) => (
                    <Link href="/dashboard/api-keys" className="font-medium underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </Alert>
            )}
          </CardBody>
        </Card>

        <Card>
          <CardHeader title={t("profileTitle")} description={t("profileDescription")} />
          <CardBody>
            <ProfileForm action={finishOnboarding} submitLabel={t("save")} initial={profileFormValues(profile)} />
          </CardBody>
        </Card>
      </main>
    </div>
  );
}
