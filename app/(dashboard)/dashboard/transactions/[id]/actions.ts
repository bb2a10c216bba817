"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { simulateDashboardPayment, simulateStaticQrPayment } from "@/lib/dashboard/simulate";
import { validatedActionWithUser, type ActionState } from "@/lib/dashboard/validated-action";

/** "Simulate payment" on a test-mode transaction of the signed-in merchant; any other id is refused. */
export const simulatePaymentAction = validatedActionWithUser(
  z.object({ transactionId: z.string() }),
  async ({ transactionId }, _formData, user): Promise<ActionState> => {
    const status = await simulateDashboardPayment(user.id, transactionId);
    revalidatePath(`/dashboard/transactions/${transactionId}`);
    const t = await getTranslations("transaction");
    return { success: status === "paid" ? t("simulated") : t("simulatedConfirming") };
  },
);

/** A simulated customer payment to a test-mode static QR: answers the receipt's short hash to verify. */
export const simulateStaticPaymentAction = validatedActionWithUser(
  z.object({ transactionId: z.string(), amount: z.string().trim().min(1, "Enter the amount the customer pays.") }),
  async ({ transactionId, amount }, _formData, user): Promise<ActionState> => {
    const receipt = await simulateStaticQrPayment(user.id, transactionId, amount);
    const t = await getTranslations("transaction");
    return {
      success: t("staticSimulated", {
        amount: receipt.amount,
        currency: receipt.currency,
        shortHash: receipt.short_hash,
        hash: receipt.hash,
      }),
    };
  },
);
