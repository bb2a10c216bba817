"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser, type ActionState } from "@/lib/dashboard/validated-action";
import { merchantProfileInput, saveMerchantProfile } from "@/lib/merchants";

export const saveProfile = validatedActionWithUser(merchantProfileInput, async (values, formData, user): Promise<ActionState> => {
  await saveMerchantProfile(user.id, values);
  revalidatePath("/dashboard", "layout");
  const shown: Record<string, string> = {};
  for (const [name, value] of formData.entries()) if (typeof value === "string" && !name.startsWith("$ACTION")) shown[name] = value;
  return { success: "Profile saved. New QR codes use it from now on.", values: shown };
});
