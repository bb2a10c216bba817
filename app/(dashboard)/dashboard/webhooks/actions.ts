"use server";

import { revalidatePath } from "next/cache";
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

function describeAttempt(sent: SentAttempt | null, what: string): WebhookActionState {
  if (!sent) return { success: `${what} queued; it is sent within seconds.` };
  const { outcome } = sent;
  if (outcome.ok) return { success: `${what} delivered: HTTP ${outcome.statusCode} in ${outcome.durationMs} ms.` };
  const retry = sent.state === "retrying" ? " It will be retried automatically." : "";
  return { error: `${what} failed: ${outcome.error ?? `HTTP ${outcome.statusCode}`}.${retry}` };
}

export const createEndpoint = validatedActionWithUser(createInput, async (input, _formData, user): Promise<WebhookActionState> => {
  const events = WEBHOOK_EVENTS.filter((event) => (input as Record<string, unknown>)[`event_${event}`] === "on");
  const created = await createWebhookEndpoint(user.id, { url: input.url, mode: input.mode, events });
  revalidatePath(PAGE);
  return {
    success: "Endpoint added. Here is its signing secret; you can reveal it again at any time.",
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
  const value = await rotateWebhookSecret(user.id, endpointId);
  return { success: "Secret rotated: deliveries are now signed with the new secret.", secret: { endpointId, value } };
});

export const setEnabled = validatedActionWithUser(
  endpointInput.extend({ enabled: z.enum(["true", "false"]) }),
  async ({ endpointId, enabled }, _formData, user): Promise<WebhookActionState> => {
    await setWebhookEndpointEnabled(user.id, endpointId, enabled === "true");
    revalidatePath(PAGE);
    return {
      success:
        enabled === "true"
          ? "Endpoint enabled: waiting deliveries go out now."
          : "Endpoint disabled: nothing is sent to it until you enable it.",
    };
  },
);

export const deleteEndpoint = validatedActionWithUser(
  endpointInput,
  async ({ endpointId }, _formData, user): Promise<WebhookActionState> => {
    await deleteWebhookEndpoint(user.id, endpointId);
    revalidatePath(PAGE);
    return { success: "Endpoint deleted." };
  },
);

export const sendTestEvent = validatedActionWithUser(
  endpointInput,
  async ({ endpointId }, _formData, user): Promise<WebhookActionState> => {
    const sent = await sendWebhookTestEvent(user.id, endpointId);
    revalidatePath(PAGE);
    return describeAttempt(sent, "Test event");
  },
);

export const resendDelivery = validatedActionWithUser(
  z.object({ deliveryId: z.uuid("Unknown delivery") }),
  async ({ deliveryId }, _formData, user): Promise<WebhookActionState> => {
    const sent = await resendWebhookDelivery(user.id, deliveryId);
    revalidatePath(PAGE);
    return describeAttempt(sent, "Resent event");
  },
);
