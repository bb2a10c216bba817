"use server";

import { headers } from "next/headers";
import { RESET_REQUESTED_MESSAGE, requestPasswordReset } from "@/lib/auth";
import { forgotPasswordInput } from "@/lib/dashboard/account-forms";
import { validatedAction, type ActionState } from "@/lib/dashboard/validated-action";
import { clientAddress } from "@/lib/std";

export const forgotPasswordAction = validatedAction(forgotPasswordInput, async ({ email }): Promise<ActionState> => {
  await requestPasswordReset(email, clientAddress(await headers()));
  return { success: RESET_REQUESTED_MESSAGE, values: { email } };
});
