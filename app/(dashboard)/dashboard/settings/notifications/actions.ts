"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LOCALES, ALERT_SCOPES } from "@/lib/config/enums";
import { validatedActionWithUser, type ActionState } from "@/lib/dashboard/validated-action";
import { requireUser } from "@/lib/auth/session";
import { createConnectLink, disconnectTelegramChat, setEmailAlerts } from "@/lib/notifications";

const PAGE = "/dashboard/settings/notifications";
const choice = z.object({ scope: z.enum(ALERT_SCOPES, "Choose which payments"), locale: z.enum(LOCALES, "Choose a language") });

export type ConnectState = ActionState & { connect?: { privateChatUrl: string; groupUrl: string; code: string; botUsername: string } };

export const connectTelegramAction = validatedActionWithUser(choice, async ({ scope, locale }, _formData, user): Promise<ConnectState> => {
  const link = await createConnectLink(user.id, scope, locale);
  return { connect: { privateChatUrl: link.privateChatUrl, groupUrl: link.groupUrl, code: link.code, botUsername: link.botUsername } };
});

const emailInput = choice.extend({ enabled: z.literal("on").optional() });

export const emailAlertsAction = validatedActionWithUser(
  emailInput,
  async ({ enabled, scope, locale }, _formData, user): Promise<ActionState> => {
    await setEmailAlerts(user.id, enabled ? { scope, locale } : null);
    revalidatePath(PAGE);
    const t = await getTranslations("notifications");
    return { success: t(enabled ? "emailOn" : "emailOff") };
  },
);

export async function disconnectChatAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  await disconnectTelegramChat(user.id, z.uuid().parse(formData.get("chatId")));
  revalidatePath(PAGE);
}
