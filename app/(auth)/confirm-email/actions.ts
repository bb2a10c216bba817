"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { confirmEmailChange } from "@/lib/auth";
import { validatedAction, type ActionState } from "@/lib/dashboard/validated-action";
import { storableString } from "@/lib/std";

export const confirmEmailAction = validatedAction(
  z.object({ token: storableString("The link").min(1, "This link is incomplete; open the link from the email again.") }),
  async ({ token }): Promise<ActionState> => {
    const { email } = await confirmEmailChange(token);
    const t = await getTranslations("auth.confirmEmail");
    return { success: t("done", { email }) };
  },
);
