"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { completeSignUp, requestSignUp, tooManyAttemptsMessage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n";
import { startSession } from "@/lib/auth/session";
import { rememberOnboardingKeys } from "@/lib/dashboard/onboarding-keys";
import { signUpInput } from "@/lib/dashboard/account-forms";
import { validatedAction, type ActionState } from "@/lib/dashboard/validated-action";
import { limitAuthAttempt } from "@/lib/ratelimit";
import { clientAddress, storableString } from "@/lib/std";

export const signUpAction = validatedAction(signUpInput, async ({ email, password }): Promise<ActionState> => {
  const limit = await limitAuthAttempt({ ip: clientAddress(await headers()), email });
  const locale = await getLocale();
  if (!limit.allowed) {
    const error =
      locale === "en" ? tooManyAttemptsMessage(limit.retryAfterSeconds) : (await getTranslations("forms.errors"))("rate_limit_exceeded");
    return { error, values: { email } };
  }
  // The confirmation email, and then the account, speak the language of the page the owner signed up on.
  await requestSignUp(email, password, isLocale(locale) ? locale : undefined);
  return { success: (await getTranslations("auth.signup"))("checkEmail") };
});

export const confirmSignUpAction = validatedAction(
  z.object({ token: storableString("The link").min(1, "This link is incomplete; open the link from the email again.") }),
  async ({ token }): Promise<ActionState> => {
    const account = await completeSignUp(token);
    await startSession({ id: account.userId, email: account.email, sessionVersion: 0 });
    await rememberOnboardingKeys([
      { mode: "live", key: account.liveKey.key, hint: account.liveKey.hint },
      { mode: "test", key: account.testKey.key, hint: account.testKey.hint },
    ]);
    redirect("/onboarding");
  },
);
