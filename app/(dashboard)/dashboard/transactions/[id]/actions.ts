"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { simulateDashboardPayment, simulateStaticQrPayment } from "@/lib/dashboard/simulate";
import { validatedActionWithUser, type ActionState } from "@/lib/dashboard/validated-action";

/** "Simulate payment" on a test-mode transaction of the signed-in merchant; any other id is refused. */
export const simulatePaymentAction = validatedActionWithUser(
  z.object({ transactionId: z.string() }),
  async ({ transactionId }, _formData, user): Promise<ActionState> => {
    const status = await simulateDashboardPayment(user.id, transactionId);
    revalidatePath(`/dashboard/transactions/${transactionId}`);
    return status === "paid"
      ? { success: "Payment simulated: the transaction is paid." }
      : { success: "Payment recorded in the sandbox; confirming…" };
  },
);

/** A simulated customer payment to a test-mode static QR: answers the receipt's short hash to verify. */
export const simulateStaticPaymentAction = validatedActionWithUser(
  z.object({ transactionId: z.string(), amount: z.string().trim().min(1, "Enter the amount the customer pays.") }),
  async ({ transactionId, amount }, _formData, user): Promise<ActionState> => {
    const receipt = await simulateStaticQrPayment(user.id, transactionId, amount);
    return {
      success: `A customer paid ${receipt.amount} ${receipt.currency}. Their receipt shows the hash ${receipt.short_hash} (in full: ${receipt.hash}): check it on Verify a receipt.`,
    };
  },
);
