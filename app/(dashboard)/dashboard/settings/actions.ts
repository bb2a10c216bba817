"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { changePassword, EMAIL_CHANGE_REQUESTED_MESSAGE, endAllSessions, requestEmailChange } from "@/lib/auth";
import { startSession } from "@/lib/auth/session";
import { changeEmailInput, changePasswordInput } from "@/lib/dashboard/account-forms";
import { clientAddress } from "@/lib/std";
import { validatedActionWithUser, type ActionState } from "@/lib/dashboard/validated-action";
import { merchantProfileInput, saveMerchantProfile } from "@/lib/merchants";

export const saveProfile = validatedActionWithUser(merchantProfileInput, async (values, formData, user): Promise<ActionState> => {
  await saveMerchantProfile(user.id, values);
  revalidatePath("/dashboard", "layout");
  const shown: Record<string, string> = {};
  for (const [name, value] of formData.entries()) if (typeof value === "string" && !name.startsWith("$ACTION")) shown[name] = value;
  return { success: "Profile saved. New QR codes use it from now on.", values: shown };
});

export const changePasswordAction = validatedActionWithUser(
  changePasswordInput,
  async ({ currentPassword, newPassword }, _formData, user): Promise<ActionState> => {
    const sessionVersion = await changePassword(user.id, currentPassword, newPassword, clientAddress(await headers()));
    await startSession({ id: user.id, email: user.email, sessionVersion });
    return { success: "Password changed. Every other session was signed out." };
  },
);

export const signOutEverywhereAction = validatedActionWithUser(z.object({}), async (_values, _formData, user): Promise<ActionState> => {
  const sessionVersion = await endAllSessions(user.id);
  await startSession({ id: user.id, email: user.email, sessionVersion });
  return { success: "Every other browser and device was signed out. This one stays signed in." };
});

export const changeEmailAction = validatedActionWithUser(
  changeEmailInput,
  async ({ newEmail, currentPassword }, _formData, user): Promise<ActionState> => {
    await requestEmailChange(user.id, newEmail, currentPassword, clientAddress(await headers()));
    return { success: EMAIL_CHANGE_REQUESTED_MESSAGE };
  },
);
