import { preflight, withApi } from "@/lib/api";
import { byOrderRequest, transactionByOrder } from "@/lib/payments";

export const POST = withApi({ route: "transaction.by_order", rateLimit: "by_order", body: byOrderRequest }, ({ auth, body }) =>
  transactionByOrder(auth, body.order_id),
);
export const OPTIONS = preflight;
