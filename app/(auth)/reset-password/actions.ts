"use server";

import { redirect } from "next/navigation";
import { resetPassword } from "@/lib/auth";
import { startSession } from "@/lib/auth/session";
import { resetPasswordInput } from "@/lib/dashboard/account-forms";
import { validatedAction, type ActionState } from "@/lib/dashboard/validated-action";

export const resetPasswordAction = validatedAction(resetPasswordInput, async ({ token, password }): Promise<ActionState> => {
  await startSession(await resetPassword(token, password));
  redirect("/dashboard");
});
