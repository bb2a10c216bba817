"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { requestPasswordReset } from "@/lib/auth";
import { forgotPasswordInput } from "@/lib/dashboard/account-forms";
import { validatedAction, type ActionState } from "@/lib/dashboard/validated-action";
import { clientAddress } from "@/lib/std";

export const forgotPasswordAction = validatedAction(forgotPasswordInput, async ({ email }): Promise<ActionState> => {
  await requestPasswordReset(email, clientAddress(await headers()));
  const t = await getTranslations("auth.forgot");
  return { success: t("sent"), values: { email } };
});
