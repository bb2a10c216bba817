import { preflight, withApi } from "@/lib/api";
import { checkTransaction, checkTransactionRequest } from "@/lib/payments";

export const POST = withApi({ route: "transaction.check", rateLimit: "check", body: checkTransactionRequest }, ({ auth, body }) =>
  checkTransaction(auth, body.md5),
);
export const OPTIONS = preflight;
