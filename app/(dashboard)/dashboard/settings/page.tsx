import type { Metadata } from "next";
import { ProfileForm } from "@/components/settings/profile-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { profileFormValues } from "@/lib/dashboard/profile-values";
import { getMerchantProfile } from "@/lib/merchants";
import { saveProfile } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const profile = await getMerchantProfile(user.id);
  return (
    <>
      <PageHeader title="Settings" description={`Account ${user.email}`} />
      <Card>
        <CardHeader
          title="Merchant profile"
          description="Written into every KHQR code you create. Limits follow the KHQR standard exactly, so a saved profile always encodes."
        />
        <CardBody>
          <ProfileForm action={saveProfile} initial={profileFormValues(profile)} submitLabel="Save profile" />
        </CardBody>
      </Card>
    </>
  );
}
