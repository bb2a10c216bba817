import type { Metadata } from "next";
import Link from "next/link";
import { AccountForm } from "@/components/account/account-form";
import { ProfileForm } from "@/components/settings/profile-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { profileFormValues } from "@/lib/dashboard/profile-values";
import { getMerchantProfile } from "@/lib/merchants";
import { changeEmailAction, changePasswordAction, saveProfile, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const profile = await getMerchantProfile(user.id);
  return (
    <>
      <PageHeader
        title="Settings"
        description={`Account ${user.email}`}
        actions={
          <Link href="/dashboard/settings/notifications" className="text-sm font-medium text-brand-700 hover:underline">
            Notifications →
          </Link>
        }
      />
      <Card>
        <CardHeader
          title="Merchant profile"
          description="Written into every KHQR code you create. Limits follow the KHQR standard exactly, so a saved profile always encodes."
        />
        <CardBody>
          <ProfileForm action={saveProfile} initial={profileFormValues(profile)} submitLabel="Save profile" />
        </CardBody>
      </Card>
      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Password" description="Changing it signs out every other browser and device." />
          <CardBody>
            <AccountForm
              action={changePasswordAction}
              fields={[
                { label: "Current password", name: "currentPassword", type: "password", autoComplete: "current-password" },
                { label: "New password", name: "newPassword", type: "password", autoComplete: "new-password" },
              ]}
              submitLabel="Change password"
              pendingText="Changing…"
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Email address"
            description={`Now ${user.email}. We send a link to the new address; it changes when you open it.`}
          />
          <CardBody>
            <AccountForm
              action={changeEmailAction}
              fields={[
                { label: "New email address", name: "newEmail", type: "email", autoComplete: "email" },
                { label: "Current password", name: "currentPassword", type: "password", autoComplete: "current-password" },
              ]}
              submitLabel="Send confirmation link"
              pendingText="Sending…"
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Sessions"
            description="Signed in somewhere you no longer trust? End every session except this one; a copied cookie stops working too."
          />
          <CardBody>
            <AccountForm
              action={signOutEverywhereAction}
              fields={[]}
              submitLabel="Sign out everywhere else"
              pendingText="Signing out…"
              variant="secondary"
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
