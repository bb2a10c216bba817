"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { MODES } from "@/lib/config/enums";
import { answerAppErrors, invalid, type ActionState } from "@/lib/dashboard/validated-action";
import { createPaymentLink, createPaymentLinkRequest, deactivatePaymentLink } from "@/lib/links";

const PAGE = "/dashboard/payment-links";

/** The form's fields as the API's request (one schema for both): blanks left out, the expiry read as Cambodia time. */
function requestFromForm(formData: FormData) {
  const text = (name: string) => {
    const value = String(formData.get(name) ?? "").trim();
    return value === "" ? undefined : value;
  };
  const fixed = formData.get("amount_type") !== "custom";
  const expires = text("expires_at");
  return {
    title: text("title") ?? "",
    description: text("description"),
    currency: text("currency"),
    amount: fixed ? (text("amount") ?? "") : undefined,
    min_amount: fixed ? undefined : text("min_amount"),
    max_amount: fixed ? undefined : text("max_amount"),
    bill_number_prefix: text("bill_number_prefix"),
    reusable: formData.get("reusable") === "on",
    expires_at: expires ? `${expires.length === 16 ? `${expires}:00` : expires}+07:00` : undefined,
    success_url: text("success_url"),
  };
}

const modeInput = z.enum(MODES, "Choose live or test");

export async function createLinkAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const mode = modeInput.safeParse(formData.get("mode"));
  if (!mode.success) return invalid(mode.error, formData);
  const parsed = createPaymentLinkRequest.safeParse(requestFromForm(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  return answerAppErrors(formData, async () => {
    const { id } = await createPaymentLink({ userId: user.id, mode: mode.data }, parsed.data);
    revalidatePath(PAGE);
    redirect(`${PAGE}/${id}`);
  });
}

const deactivateInput = z.object({ linkId: z.uuid("Unknown link"), mode: modeInput });

export async function deactivateLinkAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const input = deactivateInput.parse(Object.fromEntries(formData));
  await deactivatePaymentLink({ userId: user.id, mode: input.mode }, input.linkId);
  revalidatePath(`${PAGE}/${input.linkId}`);
  revalidatePath(PAGE);
}
