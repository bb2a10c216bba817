"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { WebhookActionState } from "@/components/webhooks/types";
import { validatedActionWithUser } from "@/lib/dashboard/validated-action";
import { MODES, WEBHOOK_EVENTS } from "@/lib/config/enums";
import { storableString } from "@/lib/std";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  resendWebhookDelivery,
  revealWebhookSecret,
  rotateWebhookSecret,
  sendWebhookTestEvent,
  setWebhookEndpointEnabled,
  type SentAttempt,
} from "@/lib/webhooks";

// Every action goes through validatedActionWithUser (session checked first) and lib/webhooks, which matches
// the endpoint or delivery id AND the signed-in user's id: another merchant's id reads as "not found".

const PAGE = "/dashboard/webhooks";
const endpointInput = z.object({ endpointId: z.uuid("Unknown endpoint") });

/** A ticked checkbox per event, named event_<event>. */
const eventBoxes = Object.fromEntries(WEBHOOK_EVENTS.map((event) => [`event_${event}`, z.literal("on").optional()]));

const createInput = z.object({
  url: storableString("The URL")
    .trim()
    .min(1, "Enter the URL of your webhook endpoint.")
    .max(2048, "The URL must be at most 2048 characters."),
  mode: z.enum(MODES, "Choose live or test"),
  ...eventBoxes,
});

async function describeAttempt(sent: SentAttempt | null, kind: "test" | "resent"): Promise<WebhookActionState> {
  const t = await getTranslations("webhooks");
  const what = t(`what.${kind}`);
  if (!sent) return { success: t("queued", { what }) };
  const { outcome } = sent;
  if (outcome.ok) return { success: t("delivered", { what, status: outcome.statusCode ?? 0, ms: outcome.durationMs }) };
  const failed = t("failed", { what, reason: outcome.error ?? `HTTP ${outcome.statusCode}` });
  return { error: sent.state === "retrying" ? `${failed} ${t("willRetry")}` : failed };
}

export const createEndpoint = validatedActionWithUser(createInput, async (input, _formData, user): Promise<WebhookActionState> => {
  const events = WEBHOOK_EVENTS.filter((event) => (input as Record<string, unknown>)[`event_${event}`] === "on");
  const created = await createWebhookEndpoint(user.id, { url: input.url, mode: input.mode, events });
  revalidatePath(PAGE);
  const t = await getTranslations("webhooks");
  return {
    success: t("added"),
    secret: { endpointId: created.id, value: created.secret },
  };
});

export const revealSecret = validatedActionWithUser(
  endpointInput,
  async ({ endpointId }, _formData, user): Promise<WebhookActionState> => ({
    secret: { endpointId, value: await revealWebhookSecret(user.id, endpointId) },
  }),
);

export const rotateSecret = validatedActionWithUser(endpointInput, async ({ endpointId }, _formData, user): Promise<WebhookActionState> => {
  const [value, t] = await Promise.all([rotateWebhookSecret(user.id, endpointId), getTranslations("webhooks")]);
  return { success: t("rotated"), secret: { endpointId, value } };
});

export const setEnabled = validatedActionWithUser(
  endpointInput.extend({ enabled: z.enum(["true", "false"]) }),
  async ({ endpointId, enabled }, _formData, user): Promise<WebhookActionState> => {
    await setWebhookEndpointEnabled(user.id, endpointId, enabled === "true");
    revalidatePath(PAGE);
    const t = await getTranslations("webhooks");
    return { success: enabled === "true" ? t("enabled") : t("disabled") };
  },
);

export const deleteEndpoint = validatedActionWithUser(
  endpointInput,
  async ({ endpointId }, _formData, user): Promise<WebhookActionState> => {
    await deleteWebhookEndpoint(user.id, endpointId);
    revalidatePath(PAGE);
    const t = await getTranslations("webhooks");
    return { success: t("deleted") };
  },
);

export const sendTestEvent = validatedActionWithUser(
  endpointInput,
  async ({ endpointId }, _formData, user): Promise<WebhookActionState> => {
    const sent = await sendWebhookTestEvent(user.id, endpointId);
    revalidatePath(PAGE);
    return describeAttempt(sent, "test");
  },
);

export const resendDelivery = validatedActionWithUser(
  z.object({ deliveryId: z.uuid("Unknown delivery") }),
  async ({ deliveryId }, _formData, user): Promise<WebhookActionState> => {
    const sent = await resendWebhookDelivery(user.id, deliveryId);
    revalidatePath(PAGE);
    return describeAttempt(sent, "resent");
  },
);
