"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { forgetOnboardingKeys } from "@/lib/dashboard/onboarding-keys";
import { validatedActionWithUser, type ActionState } from "@/lib/dashboard/validated-action";
import { merchantProfileInput, saveMerchantProfile } from "@/lib/merchants";

/** Saves the first profile; the keys shown on the onboarding page are then gone for good. */
export const finishOnboarding = validatedActionWithUser(merchantProfileInput, async (values, _formData, user): Promise<ActionState> => {
  await saveMerchantProfile(user.id, values);
  await forgetOnboardingKeys();
  redirect("/dashboard?welcome=1");
});

export async function skipOnboarding(): Promise<void> {
  await requireUser();
  await forgetOnboardingKeys();
  redirect("/dashboard");
}
