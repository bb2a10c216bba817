"use server";

import { z } from "zod";
import { confirmEmailChange } from "@/lib/auth";
import { validatedAction, type ActionState } from "@/lib/dashboard/validated-action";
import { storableString } from "@/lib/std";

export const confirmEmailAction = validatedAction(
  z.object({ token: storableString("The link").min(1, "This link is incomplete; open the link from the email again.") }),
  async ({ token }): Promise<ActionState> => {
    const { email } = await confirmEmailChange(token);
    return { success: `Done: your account now uses ${email}. Log in with it from now on.` };
  },
);
