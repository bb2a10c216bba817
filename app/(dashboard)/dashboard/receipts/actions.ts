"use server";

import { revalidatePath } from "next/cache";
import type { ReceiptActionState } from "@/components/receipts/types";
import { verifyReceiptForm, verifyReceiptOnDashboard } from "@/lib/dashboard/receipts";
import { validatedActionWithUser } from "@/lib/dashboard/validated-action";

/** Verify a receipt: the same check and record as POST /transaction/verify, as the signed-in merchant. */
export const verifyReceiptAction = validatedActionWithUser(
  verifyReceiptForm,
  async (input, _formData, user): Promise<ReceiptActionState> => {
    const answer = await verifyReceiptOnDashboard(user.id, input);
    revalidatePath("/dashboard/receipts");
    return { answer };
  },
);
