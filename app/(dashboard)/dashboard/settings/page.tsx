import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/account/account-form";
import { PreferencesForm } from "@/components/settings/preferences-form";
import { ProfileForm } from "@/components/settings/profile-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { profileFormValues } from "@/lib/dashboard/profile-values";
import { getMerchantProfile } from "@/lib/merchants";
import { changeEmailAction, changePasswordAction, savePreferencesAction, saveProfile, signOutEverywhereAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("metaTitle") };
}

export default async function SettingsPage() {
  const user = await requireUser();
  const [profile, t] = await Promise.all([getMerchantProfile(user.id), getTranslations("settings")]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("account", { email: user.email })}
        actions={
          <Link href="/dashboard/settings/notifications" className="text-sm font-medium text-brand-700 hover:underline">
            {t("notificationsLink")}
          </Link>
        }
      />
      <Card>
        <CardHeader title={t("profileTitle")} description={t("profileDescription")} />
        <CardBody>
          <ProfileForm action={saveProfile} initial={profileFormValues(profile)} submitLabel={t("saveProfile")} />
        </CardBody>
      </Card>
      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("preferencesTitle")} description={t("preferencesDescription")} />
          <CardBody>
            <PreferencesForm action={savePreferencesAction} initial={{ locale: user.locale, khmerDigits: user.khmerDigits }} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("passwordTitle")} description={t("passwordDescription")} />
          <CardBody>
            <AccountForm
              action={changePasswordAction}
              fields={[
                { label: t("currentPassword"), name: "currentPassword", type: "password", autoComplete: "current-password" },
                { label: t("newPassword"), name: "newPassword", type: "password", autoComplete: "new-password" },
              ]}
              submitLabel={t("changePassword")}
              pendingText={t("changing")}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("emailTitle")} description={t("emailDescription", { email: user.email })} />
          <CardBody>
            <AccountForm
              action={changeEmailAction}
              fields={[
                { label: t("newEmail"), name: "newEmail", type: "email", autoComplete: "email" },
                { label: t("currentPassword"), name: "currentPassword", type: "password", autoComplete: "current-password" },
              ]}
              submitLabel={t("sendLink")}
              pendingText={t("sending")}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("sessionsTitle")} description={t("sessionsDescription")} />
          <CardBody>
            <AccountForm
              action={signOutEverywhereAction}
              fields={[]}
              submitLabel={t("signOutEverywhere")}
              pendingText={t("signingOut")}
              variant="secondary"
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
