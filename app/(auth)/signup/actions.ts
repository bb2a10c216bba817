"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { normalizeEmail } from "@/lib/accounts";
import { signUp, tooManyAttemptsMessage } from "@/lib/auth";
import { startSession } from "@/lib/auth/session";
import { rememberOnboardingKeys } from "@/lib/dashboard/onboarding-keys";
import { signUpInput } from "@/lib/dashboard/account-forms";
import { validatedAction, type ActionState } from "@/lib/dashboard/validated-action";
import { limitAuthAttempt } from "@/lib/ratelimit";
import { clientAddress } from "@/lib/std";

export const signUpAction = validatedAction(signUpInput, async ({ email, password }): Promise<ActionState> => {
  const limit = await limitAuthAttempt({ ip: clientAddress(await headers()), email });
  if (!limit.allowed) return { error: tooManyAttemptsMessage(limit.retryAfterSeconds), values: { email } };
  const account = await signUp(email, password);
  await startSession({ id: account.userId, email: normalizeEmail(email), sessionVersion: 0 });
  await rememberOnboardingKeys([
    { mode: "live", key: account.liveKey.key, hint: account.liveKey.hint },
    { mode: "test", key: account.testKey.key, hint: account.testKey.hint },
  ]);
  redirect("/onboarding");
});
