"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { saveUserPreferences, userPreferencesInput } from "@/lib/accounts";
import { changePassword, endAllSessions, requestEmailChange } from "@/lib/auth";
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
  const t = await getTranslations("settings");
  return { success: t("profileSaved"), values: shown };
});

export const changePasswordAction = validatedActionWithUser(
  changePasswordInput,
  async ({ currentPassword, newPassword }, _formData, user): Promise<ActionState> => {
    const sessionVersion = await changePassword(user.id, currentPassword, newPassword, clientAddress(await headers()));
    await startSession({ id: user.id, email: user.email, sessionVersion });
    const t = await getTranslations("settings");
    return { success: t("passwordChanged") };
  },
);

export const signOutEverywhereAction = validatedActionWithUser(z.object({}), async (_values, _formData, user): Promise<ActionState> => {
  const sessionVersion = await endAllSessions(user.id);
  await startSession({ id: user.id, email: user.email, sessionVersion });
  const t = await getTranslations("settings");
  return { success: t("signedOutEverywhere") };
});

export const changeEmailAction = validatedActionWithUser(
  changeEmailInput,
  async ({ newEmail, currentPassword }, _formData, user): Promise<ActionState> => {
    await requestEmailChange(user.id, newEmail, currentPassword, clientAddress(await headers()));
    const t = await getTranslations("settings");
    return { success: t("emailRequested") };
  },
);

/** The account's language and digits; the page re-renders in the language just chosen. */
export const savePreferencesAction = validatedActionWithUser(
  userPreferencesInput,
  async (preferences, _formData, user): Promise<ActionState> => {
    await saveUserPreferences(user.id, preferences);
    revalidatePath("/", "layout");
    const t = await getTranslations({ locale: preferences.locale, namespace: "settings" });
    return { success: t("preferencesSaved") };
  },
);
