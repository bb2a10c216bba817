"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { simulateDashboardPayment, SimulationRefusedError } from "@/lib/dashboard/simulate";
import type { ActionState } from "@/lib/dashboard/validated-action";

/** "Simulate payment" on a test-mode transaction of the signed-in merchant; any other id is refused. */
export async function simulatePaymentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const transactionId = String(formData.get("transactionId") ?? "");
  try {
    const status = await simulateDashboardPayment(user.id, transactionId);
    revalidatePath(`/dashboard/transactions/${transactionId}`);
    return status === "paid" ? { success: "Payment simulated: the transaction is paid." } : { success: "Payment recorded in the sandbox; confirming…" };
  } catch (error) {
    if (error instanceof SimulationRefusedError) return { error: error.message };
    throw error;
  }
}
