"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { simulateDashboardPayment } from "@/lib/dashboard/simulate";
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
