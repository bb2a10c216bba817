"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { completeSignUp, requestSignUp, SIGN_UP_REQUESTED_MESSAGE, tooManyAttemptsMessage } from "@/lib/auth";
import { startSession } from "@/lib/auth/session";
import { rememberOnboardingKeys } from "@/lib/dashboard/onboarding-keys";
import { signUpInput } from "@/lib/dashboard/account-forms";
import { validatedAction, type ActionState } from "@/lib/dashboard/validated-action";
import { limitAuthAttempt } from "@/lib/ratelimit";
import { clientAddress, storableString } from "@/lib/std";

export const signUpAction = validatedAction(signUpInput, async ({ email, password }): Promise<ActionState> => {
  const limit = await limitAuthAttempt({ ip: clientAddress(await headers()), email });
  if (!limit.allowed) return { error: tooManyAttemptsMessage(limit.retryAfterSeconds), values: { email } };
  await requestSignUp(email, password);
  return { success: SIGN_UP_REQUESTED_MESSAGE };
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
