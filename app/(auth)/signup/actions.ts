"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { normalizeEmail } from "@/lib/accounts";
import { signUp, tooManyAttemptsMessage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n";
import { startSession } from "@/lib/auth/session";
import { rememberOnboardingKeys } from "@/lib/dashboard/onboarding-keys";
import { signUpInput } from "@/lib/dashboard/account-forms";
import { validatedAction, type ActionState } from "@/lib/dashboard/validated-action";
import { limitAuthAttempt } from "@/lib/ratelimit";
import { clientAddress } from "@/lib/std";

export const signUpAction = validatedAction(signUpInput, async ({ email, password }): Promise<ActionState> => {
  const limit = await limitAuthAttempt({ ip: clientAddress(await headers()), email });
  const locale = await getLocale();
  if (!limit.allowed) {
    const error =
      locale === "en" ? tooManyAttemptsMessage(limit.retryAfterSeconds) : (await getTranslations("forms.errors"))("rate_limit_exceeded");
    return { error, values: { email } };
  }
  // The account speaks the language its owner signed up in.
  const account = await signUp(email, password, isLocale(locale) ? locale : undefined);
  await startSession({ id: account.userId, email: normalizeEmail(email), sessionVersion: 0 });
  await rememberOnboardingKeys([
    { mode: "live", key: account.liveKey.key, hint: account.liveKey.hint },
    { mode: "test", key: account.testKey.key, hint: account.testKey.hint },
  ]);
  redirect("/onboarding");
});
