"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { issueApiKey, revokeApiKey, rollApiKey } from "@/lib/keys";
import type { KeyActionState } from "@/lib/dashboard/key-action-state";
import { validatedActionWithUser } from "@/lib/dashboard/validated-action";
import { MODES } from "@/lib/config/enums";
import { storableString } from "@/lib/std";

const createKeyInput = z.object({
  name: storableString("The key's name")
    .trim()
    .min(1, "Give the key a name, e.g. “Production server”")
    .max(60, "Use at most 60 characters"),
  mode: z.enum(MODES, "Choose live or test"),
});

const keyIdInput = z.object({ keyId: z.uuid("Unknown key") });

export const createKey = validatedActionWithUser(createKeyInput, async ({ name, mode }, _formData, user): Promise<KeyActionState> => {
  const issued = await issueApiKey(user.id, mode, name);
  revalidatePath("/dashboard/api-keys");
  const t = await getTranslations("apiKeys");
  return { success: t("created"), revealed: { mode, key: issued.key, name } };
});

// Both act only on the signed-in user's own keys: lib/keys matches the key id AND the user id.
export const rollKey = validatedActionWithUser(keyIdInput, async ({ keyId }, _formData, user): Promise<KeyActionState> => {
  const [issued, t] = await Promise.all([rollApiKey(user.id, keyId), getTranslations("apiKeys")]);
  if (!issued) return { error: t("missing") };
  revalidatePath("/dashboard/api-keys");
  return {
    success: t("rolled"),
    revealed: { mode: issued.mode, key: issued.key, name: issued.name },
  };
});

export const revokeKey = validatedActionWithUser(keyIdInput, async ({ keyId }, _formData, user): Promise<KeyActionState> => {
  const [revoked, t] = await Promise.all([revokeApiKey(user.id, keyId), getTranslations("apiKeys")]);
  if (!revoked) return { error: t("missing") };
  revalidatePath("/dashboard/api-keys");
  return { success: t("revoked") };
});
