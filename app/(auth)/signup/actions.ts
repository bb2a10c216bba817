"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { createAccount, EmailTakenError, normalizeEmail } from "@/lib/auth";
import { clientIp, tooManyAttemptsMessage } from "@/lib/auth/options";
import { startSession } from "@/lib/auth/session";
import { rememberOnboardingKeys } from "@/lib/dashboard/onboarding-keys";
import { signUpInput } from "@/lib/dashboard/account-forms";
import { validatedAction, type ActionState } from "@/lib/dashboard/validated-action";
import { limitAuthAttempt } from "@/lib/ratelimit";

export const signUp = validatedAction(signUpInput, async ({ email, password }): Promise<ActionState> => {
  const requestHeaders = await headers();
  const limit = await limitAuthAttempt({ ip: clientIp((name) => requestHeaders.get(name)), email });
  if (!limit.allowed) return { error: tooManyAttemptsMessage(limit.retryAfterSeconds), values: { email } };

  let account;
  try {
    account = await createAccount(email, password);
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    return { error: "Please correct the highlighted fields.", fieldErrors: { email: "An account with this email already exists. Log in instead." }, values: { email } };
  }
  await startSession({ id: account.userId, email: normalizeEmail(email) });
  await rememberOnboardingKeys([
    { mode: "live", key: account.liveKey.key, hint: account.liveKey.hint },
    { mode: "test", key: account.testKey.key, hint: account.testKey.hint },
  ]);
  redirect("/onboarding");
});
