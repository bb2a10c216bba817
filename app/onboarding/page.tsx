import type { Metadata } from "next";
import Link from "next/link";
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

export const metadata: Metadata = { title: "Welcome" };

export default async function OnboardingPage() {
  const user = await requireUser();
  const [keys, profile] = await Promise.all([readOnboardingKeys(), getMerchantProfile(user.id)]);
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="mx-auto flex max-w-4xl items-center justify-between px-4 py-5 sm:px-6">
        <Logo href="/dashboard" />
        <form action={skipOnboarding}>
          <button type="submit" className="text-sm text-slate-600 hover:text-slate-900">
            Skip to dashboard →
          </button>
        </form>
      </header>
      <main className="mx-auto max-w-4xl space-y-6 px-4 pb-16 sm:px-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Welcome to KHQR Pay</h1>
          <p className="mt-1 text-sm text-slate-600">Signed in as {user.email}. Two steps and you can create your first QR code.</p>
        </div>

        <Card>
          <CardHeader
            title="1. Copy your API keys"
            description="Keep them on your server (an environment variable), never in a web page or app."
          />
          <CardBody className="space-y-3">
            {keys ? (
              <>
                <Alert tone="warning">
                  These keys are shown only now. Copy them somewhere safe; if one is lost, roll it under API keys.
                </Alert>
                {keys.map((key) => (
                  <RevealedKey
                    key={key.mode}
                    mode={key.mode}
                    value={key.key}
                    label={key.mode === "live" ? "Live key — real Bakong payments" : "Test key — sandbox, safe to experiment"}
                  />
                ))}
              </>
            ) : (
              <Alert tone="info">
                Your keys were shown when the account was created and are no longer available in full. Create or roll keys under{" "}
                <Link href="/dashboard/api-keys" className="font-medium underline">
                  API keys
                </Link>
                .
              </Alert>
            )}
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="2. Your merchant profile"
            description="The Bakong account your customers pay into. Every QR code you create uses it."
          />
          <CardBody>
            <ProfileForm action={finishOnboarding} submitLabel="Save profile and continue" initial={profileFormValues(profile)} />
          </CardBody>
        </Card>
      </main>
    </div>
  );
}
