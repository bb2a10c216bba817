import { preflight, withApi } from "@/lib/api";
import { byOrderRequest, findOwnTransactionByOrder, orderView } from "@/lib/payments";

export const POST = withApi({ route: "transaction.by_order", rateLimit: "by_order", body: byOrderRequest }, async ({ auth, body }) =>
  orderView(await findOwnTransactionByOrder(auth, body.order_id)),
);
export const OPTIONS = preflight;
