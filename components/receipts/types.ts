import type { ActionState } from "@/lib/dashboard/validated-action";
import type { ReceiptAnswer } from "@/lib/dashboard/receipts";

export type ReceiptActionState = ActionState & { answer?: ReceiptAnswer };
export type ReceiptAction = (state: ReceiptActionState, formData: FormData) => Promise<ReceiptActionState>;
